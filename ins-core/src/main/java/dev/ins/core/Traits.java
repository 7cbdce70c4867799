package dev.ins.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The five INS identity traits: birth name, birth first names, birth date, sex and birthplace code.
 *
 * <p>Invariants: every trait is present except the birthplace code, which a local provisional
 * identity may not know yet (INSi always returns one). Each trait is valid on its own (see its
 * type). The factories {@link #fromInsi} and {@link #fromTyped} report every broken rule of every
 * trait at once, under the field path {@code traits.<trait>}. {@link #toString()} masks everything.
 *
 * <pre>{@code
 * Traits t = Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215");
 * t.firstNames().first(); // "DOMINIQUE"
 * Traits typed = Traits.fromTyped("Pat-Trois", "Dominique Marie-Louise", BirthDate.parse("1979-03-28"),
 *     Sex.FEMALE, "51215");
 * typed.equals(t); // true
 * }</pre>
 *
 * @param birthName nom de naissance
 * @param firstNames liste des prénoms de naissance
 * @param birthDate date de naissance
 * @param sex sexe
 * @param birthplace code lieu de naissance, empty when unknown locally
 */
public record Traits(BirthName birthName, FirstNames firstNames, BirthDate birthDate, Sex sex,
    Optional<BirthplaceCode> birthplace) {

  private static final String FIELD = "traits";

  /**
   * Rejects missing traits.
   *
   * @param birthName see the record component
   * @param firstNames see the record component
   * @param birthDate see the record component
   * @param sex see the record component
   * @param birthplace see the record component
   */
  public Traits {
    Objects.requireNonNull(birthName, "birthName");
    Objects.requireNonNull(firstNames, "firstNames");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(birthplace, "birthplace");
  }

  /**
   * Builds traits from typed parts.
   *
   * @param birthName the birth name
   * @param firstNames the birth first names
   * @param birthDate the birth date
   * @param sex the sex
   * @param birthplace the birthplace code, or {@code null} when unknown
   * @return the traits
   */
  public static Traits of(BirthName birthName, FirstNames firstNames, BirthDate birthDate, Sex sex,
      BirthplaceCode birthplace) {
    return new Traits(birthName, firstNames, birthDate, sex, Optional.ofNullable(birthplace));
  }

  /**
   * Reads the traits exactly as INSi returned them: strict validation, no rewriting, sex M/F only,
   * birthplace required, raw date kept.
   *
   * @param birthName {@code NomNaissance}
   * @param firstNames {@code ListePrenom}
   * @param sex {@code Sexe}
   * @param birthDate {@code DateNaissance}
   * @param birthplace {@code LieuNaissance}
   * @return the traits
   * @throws InsValidationException with every violation of every trait, under {@code traits.*}
   */
  public static Traits fromInsi(String birthName, String firstNames, String sex, String birthDate,
      String birthplace) {
    List<Violation> v = new ArrayList<>();
    BirthName n = collect(v, () -> BirthName.of(birthName));
    FirstNames f = collect(v, () -> FirstNames.of(firstNames));
    Sex s = collect(v, () -> Sex.fromInsi(sex));
    BirthDate d = collect(v, () -> BirthDate.fromInsi(birthDate));
    BirthplaceCode b = collect(v, () -> BirthplaceCode.of(birthplace));
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return of(n, f, d, s, b);
  }

  /**
   * Builds traits from typed input: names are normalised (see {@link NameNormalizer}), the
   * birthplace code is taken exactly, and the ligatures {@code Æ}/{@code Œ} are refused
   * ({@link LigaturePolicy#REFUSE}: INSi refuses them, CNDA 2.03 cas 3).
   *
   * @param birthName the typed birth name
   * @param firstNames the typed first names, space separated
   * @param birthDate the birth date
   * @param sex the sex
   * @param birthplace the birthplace code, or {@code null} when unknown
   * @return the traits
   * @throws InsValidationException with every violation of every trait, under {@code traits.*}
   *     ({@code LIGATURE} for each {@code Æ}/{@code Œ}, with its index)
   */
  public static Traits fromTyped(String birthName, String firstNames, BirthDate birthDate, Sex sex,
      String birthplace) {
    return fromTyped(birthName, firstNames, birthDate, sex, birthplace, LigaturePolicy.REFUSE);
  }

  /**
   * Builds traits from typed input with an explicit ligature policy: use
   * {@link LigaturePolicy#TRANSLITERATE_CONFIRMED_BY_OPERATOR} only once the operator saw and
   * confirmed the transliterated names.
   *
   * @param birthName the typed birth name
   * @param firstNames the typed first names, space separated
   * @param birthDate the birth date
   * @param sex the sex
   * @param birthplace the birthplace code, or {@code null} when unknown
   * @param ligatures what to do with {@code Æ}/{@code Œ}
   * @return the traits
   * @throws InsValidationException with every violation of every trait, under {@code traits.*}
   */
  public static Traits fromTyped(String birthName, String firstNames, BirthDate birthDate, Sex sex,
      String birthplace, LigaturePolicy ligatures) {
    java.util.Objects.requireNonNull(ligatures, "ligatures");
    List<Violation> v = new ArrayList<>();
    if (ligatures == LigaturePolicy.REFUSE) {
      ligatures(v, FIELD + ".birthName", birthName);
      ligatures(v, FIELD + ".firstNames", firstNames);
      if (!v.isEmpty()) {
        throw new InsValidationException(v);
      }
    }
    BirthName n = collect(v, () -> BirthName.normalize(birthName));
    FirstNames f = collect(v, () -> FirstNames.normalize(firstNames));
    if (birthDate == null) {
      v.add(new Violation(FIELD + ".birthDate", ViolationCode.REQUIRED, -1, "a value is required"));
    }
    if (sex == null) {
      v.add(new Violation(FIELD + ".sex", ViolationCode.REQUIRED, -1, "a value is required"));
    }
    BirthplaceCode b = birthplace == null ? null : collect(v, () -> BirthplaceCode.of(birthplace));
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return of(n, f, birthDate, sex, b);
  }

  private static void ligatures(List<Violation> sink, String field, String typed) {
    if (typed == null) {
      return;
    }
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == 'Æ' || c == 'æ' || c == 'Œ' || c == 'œ') {
        sink.add(new Violation(field, ViolationCode.LIGATURE, i, "INSi refuses the ligatures AE/OE; transliterate"
            + " only once the operator confirmed (LigaturePolicy.TRANSLITERATE_CONFIRMED_BY_OPERATOR)"));
      }
    }
  }

  private static <T> T collect(List<Violation> sink, Supplier<T> factory) {
    try {
      return factory.get();
    } catch (InsValidationException e) {
      sink.addAll(e.under(FIELD).violations());
      return null;
    }
  }

  /**
   * Returns the first birth first name.
   *
   * @return the first token of the first-name list
   */
  public String firstFirstName() {
    return firstNames.first();
  }

  /**
   * Returns a copy with another birth name.
   *
   * @param name the new birth name
   * @return the new traits
   */
  public Traits withBirthName(BirthName name) {
    return new Traits(name, firstNames, birthDate, sex, birthplace);
  }

  /** Masked: no trait in clear. */
  @Override
  public String toString() {
    return "Traits[birthName=***, firstNames=***, birthDate=****-**-**, sex=*"
        + ", birthplace=" + (birthplace.isPresent() ? "***" : "unknown") + "]";
  }
}
