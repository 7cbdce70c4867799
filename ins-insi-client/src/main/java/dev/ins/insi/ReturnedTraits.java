package dev.ins.insi;

import dev.ins.core.InsValidationException;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The qualified traits ({@code TIQ}) exactly as INSi returned them, with their strict reading.
 *
 * <p>Invariant: the raw strings are always kept; {@link #traits()} is present only when every
 * trait is valid (see {@link Traits#fromInsi}), otherwise {@link #violations()} says why.
 * {@link #toString()} is masked.
 *
 * <pre>{@code
 * ReturnedTraits t = ReturnedTraits.read("ECETINSI", null, "PIERRE-ALAIN MURIEL FLORIANT", "M",
 *     "2009-07-14", "63220");
 * t.traits().get().firstNames().first(); // "PIERRE-ALAIN"
 * }</pre>
 *
 * @param birthName {@code NomNaissance}
 * @param firstName {@code Prenom}, often absent
 * @param firstNames {@code ListePrenom}
 * @param sex {@code Sexe}
 * @param birthDate {@code DateNaissance}
 * @param birthplace {@code LieuNaissance}
 * @param traits the validated traits, when valid
 * @param violations why the traits are absent; empty when valid
 */
public record ReturnedTraits(String birthName, String firstName, String firstNames, String sex,
    String birthDate, String birthplace, Optional<Traits> traits, List<Violation> violations) {

  /**
   * Copies the violations.
   *
   * @param birthName see the record component
   * @param firstName see the record component
   * @param firstNames see the record component
   * @param sex see the record component
   * @param birthDate see the record component
   * @param birthplace see the record component
   * @param traits see the record component
   * @param violations see the record component
   */
  public ReturnedTraits {
    violations = List.copyOf(violations);
  }

  /**
   * Reads the raw traits strictly. When {@code ListePrenom} is absent, {@code Prenom} stands for it.
   *
   * @param birthName {@code NomNaissance}
   * @param firstName {@code Prenom}
   * @param firstNames {@code ListePrenom}
   * @param sex {@code Sexe}
   * @param birthDate {@code DateNaissance}
   * @param birthplace {@code LieuNaissance}
   * @return the reading, valid or not
   */
  public static ReturnedTraits read(String birthName, String firstName, String firstNames, String sex,
      String birthDate, String birthplace) {
    String list = firstNames != null ? firstNames : firstName;
    try {
      Traits t = Traits.fromInsi(birthName, list, sex, birthDate, birthplace);
      return new ReturnedTraits(birthName, firstName, firstNames, sex, birthDate, birthplace,
          Optional.of(t), List.of());
    } catch (InsValidationException e) {
      return new ReturnedTraits(birthName, firstName, firstNames, sex, birthDate, birthplace,
          Optional.empty(), e.violations());
    }
  }

  /**
   * Tells whether every trait is valid.
   *
   * @return true when {@link #traits()} is present
   */
  public boolean isValid() {
    return traits.isPresent();
  }

  /** Masked. */
  @Override
  public String toString() {
    return "ReturnedTraits[valid=" + isValid() + ", violations=" + violations + "]";
  }
}
