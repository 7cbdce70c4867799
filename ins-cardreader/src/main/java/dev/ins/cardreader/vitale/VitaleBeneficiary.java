package dev.ins.cardreader.vitale;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One beneficiary of a Carte Vitale as its public data shows it, in ins-core values: what the INSi
 * search with a Vitale card needs (birth name, first name, birth date, NIR).
 *
 * <p>Invariants: name, first name and birth date are present and valid ins-core values; the NIR is
 * the 15 characters found on the card ({@code null} when the card has none) and
 * {@link #nirCheck()} tells whether its key matches. {@link #toString()} masks everything.
 *
 * <pre>{@code
 * VitaleBeneficiary b = card.holder();
 * if (b.nirCheck() == NirCheck.VALID) { Matricule m = b.matricule().orElseThrow(); }
 * b.unavailable(); // RANG_GEMELLAIRE, PROTECTED_DATA
 * }</pre>
 *
 * @param birthName the name on the card, in INS form
 * @param firstName the first name on the card, in INS form
 * @param birthDate the birth date (month or day may be unknown)
 * @param nir the NIR with its key as on the card (15 characters), or {@code null}
 */
public record VitaleBeneficiary(BirthName birthName, FirstNames firstName, BirthDate birthDate,
    String nir) {

  /**
   * Checks presence.
   *
   * @param birthName see the record component
   * @param firstName see the record component
   * @param birthDate see the record component
   * @param nir see the record component
   */
  public VitaleBeneficiary {
    Objects.requireNonNull(birthName, "birthName == null");
    Objects.requireNonNull(firstName, "firstName == null");
    Objects.requireNonNull(birthDate, "birthDate == null");
  }

  /**
   * Builds a beneficiary from typed values (for simulated cards).
   *
   * @param birthName the name
   * @param firstName the first name
   * @param birthDate the birth date
   * @param nir the matricule
   * @return the beneficiary
   */
  public static VitaleBeneficiary of(BirthName birthName, FirstNames firstName, BirthDate birthDate,
      Matricule nir) {
    return new VitaleBeneficiary(birthName, firstName, birthDate, nir.value());
  }

  /**
   * Checks the NIR's key.
   *
   * @return the check result
   */
  public NirCheck nirCheck() {
    return NirCheck.of(nir);
  }

  /**
   * Returns the NIR as a matricule when its key is valid.
   *
   * @return the matricule, empty when absent or invalid (see {@link #nirCheck()})
   */
  public Optional<Matricule> matricule() {
    return nirCheck() == NirCheck.VALID ? Optional.of(Matricule.parse(nir)) : Optional.empty();
  }

  /**
   * Lists what the card holds for this beneficiary but the SDK cannot read.
   *
   * @return always {@code RANG_GEMELLAIRE} and {@code PROTECTED_DATA}
   */
  public Set<UnavailableData> unavailable() {
    return EnumSet.allOf(UnavailableData.class);
  }

  /** Masked. */
  @Override
  public String toString() {
    return "VitaleBeneficiary[birthName=" + Masking.text(birthName.value()) + ", firstName="
        + Masking.text(firstName.value()) + ", birthDate=" + Masking.date(birthDate)
        + ", nir=" + Masking.matricule(nir) + ", nirCheck=" + nirCheck() + "]";
  }
}
