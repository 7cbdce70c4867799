package dev.ins.insi;

import dev.ins.core.BirthName;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Carte Vitale data of the selected beneficiary, as read by the caller's card software
 * (this module never reads cards).
 *
 * <p>Invariants: the insured person's matricule is present; the birth date is {@code YYYY-MM-DD}
 * and may be a lunar date (day up to 31 in any month, {@code 00} parts allowed); the rank is 1–9.
 * Masked {@code toString()}.
 *
 * <pre>{@code
 * VitaleSearch v = VitaleSearch.of(Matricule.parse("297022A02077878"), null,
 *     BirthName.of("ADRTROIS"), "1997-02-26", 1);
 * }</pre>
 *
 * @param insured the insured person's (ouvrant droit) matricule
 * @param beneficiary the beneficiary's own matricule, when the card carries it
 * @param birthName the beneficiary's birth name, when the card carries it
 * @param birthDate the beneficiary's birth date as on the card
 * @param rank the rang gémellaire, 1–9
 */
public record VitaleSearch(Matricule insured, Optional<Matricule> beneficiary, Optional<BirthName> birthName,
    String birthDate, int rank) {

  private static final Pattern LUNAR = Pattern.compile("[0-9]{4}-(0[0-9]|1[0-2])-([0-2][0-9]|3[01])");

  /**
   * Validates.
   *
   * @param insured see the record component
   * @param beneficiary see the record component
   * @param birthName see the record component
   * @param birthDate see the record component
   * @param rank see the record component
   */
  public VitaleSearch {
    Objects.requireNonNull(insured, "insured");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(birthName, "birthName");
    if (birthDate == null || !LUNAR.matcher(birthDate).matches()) {
      throw dev.ins.core.InsValidationException.of("vitale.birthDate", dev.ins.core.ViolationCode.INVALID_FORMAT,
          -1, "expected YYYY-MM-DD (lunar dates allowed)");
    }
    if (rank < 1 || rank > 9) {
      throw dev.ins.core.InsValidationException.of("vitale.rank", dev.ins.core.ViolationCode.INVALID_FORMAT,
          -1, "rank must be 1-9");
    }
  }

  /**
   * Builds from typed parts.
   *
   * @param insured the insured person's matricule
   * @param beneficiary the beneficiary's matricule, or null
   * @param birthName the birth name, or null
   * @param birthDate {@code YYYY-MM-DD}, lunar allowed
   * @param rank 1–9
   * @return the search data
   */
  public static VitaleSearch of(Matricule insured, Matricule beneficiary, BirthName birthName, String birthDate,
      int rank) {
    return new VitaleSearch(insured, Optional.ofNullable(beneficiary), Optional.ofNullable(birthName), birthDate,
        rank);
  }

  /** Masked. */
  @Override
  public String toString() {
    return "VitaleSearch[insured=" + Masking.matricule(insured.value()) + ", beneficiary="
        + beneficiary.map(m -> Masking.matricule(m.value())).orElse("none") + ", birthDate="
        + Masking.date(birthDate) + ", rank=" + rank + "]";
  }
}
