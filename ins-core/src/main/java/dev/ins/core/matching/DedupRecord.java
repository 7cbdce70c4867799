package dev.ins.core.matching;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.NameNormalizer;
import dev.ins.core.Sex;
import dev.ins.core.TraitField;
import dev.ins.core.TraitValidator;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One identity of a base to audit for duplicates. Every trait but the id may be unknown (null),
 * since real exports are incomplete.
 *
 * <p>Invariants: the id is not blank; names are in INS form (see {@link TraitValidator}); the
 * birthplace is a valid COG shape; the matricule is a canonical 15-character matricule with a
 * correct key. {@link #typed} brings typed values (accents, lower case, blanks) to that form.
 * {@link #toString()} shows the id only.
 *
 * <pre>{@code
 * DedupRecord r = DedupRecord.typed("42", "Dupont", "Jean-Christophe Pierre", "1980-05-12", "m",
 *     "75056", "", "Martin");
 * r.birthName(); // "DUPONT"
 * r.matricule(); // null
 * }</pre>
 *
 * @param id the record's identifier in the audited base (not patient data)
 * @param birthName nom de naissance, or null
 * @param firstNames liste des prénoms de naissance, or null
 * @param birthDate date de naissance, or null
 * @param sex sexe, or null
 * @param birthplace code lieu de naissance, or null
 * @param matricule matricule INS, canonical, or null
 * @param usedName nom utilisé, or null
 */
public record DedupRecord(String id, String birthName, String firstNames, BirthDate birthDate, Sex sex,
    String birthplace, String matricule, String usedName) {

  /**
   * Validates.
   *
   * @param id see the record component
   * @param birthName see the record component
   * @param firstNames see the record component
   * @param birthDate see the record component
   * @param sex see the record component
   * @param birthplace see the record component
   * @param matricule see the record component
   * @param usedName see the record component
   */
  public DedupRecord {
    if (id == null || id.isBlank()) {
      throw InsValidationException.of("id", ViolationCode.REQUIRED, -1, "a record id is required");
    }
    if (birthName != null) {
      TraitValidator.requireValid(TraitField.BIRTH_NAME, birthName);
    }
    if (firstNames != null) {
      TraitValidator.requireValid(TraitField.BIRTH_FIRST_NAMES, firstNames);
    }
    if (usedName != null) {
      TraitValidator.requireValid(TraitField.USED_NAME, usedName);
    }
    if (birthplace != null) {
      BirthplaceCode.of(birthplace);
    }
    if (matricule != null && !Matricule.parse(matricule).value().equals(matricule)) {
      throw InsValidationException.of("matricule", ViolationCode.INVALID_FORMAT, -1,
          "the matricule must be in canonical form (15 characters, no spaces)");
    }
  }

  /**
   * Builds a record from typed text: blank means unknown; names are normalised
   * ({@link NameNormalizer}); the date is {@code YYYY-MM-DD} ({@code 00} for unknown parts); sex is
   * {@code M}, {@code F} or {@code I} in any case; the matricule may hold spaces.
   *
   * @param id the record id, not blank
   * @param birthName typed birth name
   * @param firstNames typed first names, space separated
   * @param birthDate {@code YYYY-MM-DD}
   * @param sex {@code M}, {@code F} or {@code I}
   * @param birthplace 5-character COG code
   * @param matricule 15-character matricule
   * @param usedName typed used name
   * @return the record
   * @throws InsValidationException with every broken rule, field paths naming the column
   */
  public static DedupRecord typed(String id, String birthName, String firstNames, String birthDate,
      String sex, String birthplace, String matricule, String usedName) {
    List<Violation> v = new ArrayList<>(0);
    String n = collect(v, birthName, () -> NameNormalizer.normalize(TraitField.BIRTH_NAME, birthName));
    String f = collect(v, firstNames, () -> NameNormalizer.normalize(TraitField.BIRTH_FIRST_NAMES, firstNames));
    String u = collect(v, usedName, () -> NameNormalizer.normalize(TraitField.USED_NAME, usedName));
    BirthDate d = collect(v, birthDate, () -> BirthDate.parse(birthDate.strip()));
    Sex s = collect(v, sex, () -> Sex.fromCode(sex.strip().toUpperCase(Locale.ROOT)));
    String b = collect(v, birthplace, () -> BirthplaceCode.of(birthplace.strip()).value());
    String m = collect(v, matricule, () -> Matricule.parse(matricule).value());
    if (id == null || id.isBlank()) {
      v.add(0, new Violation("id", ViolationCode.REQUIRED, -1, "a record id is required"));
    }
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return new DedupRecord(id, n, f, d, s, b, m, u);
  }

  private static <T> T collect(List<Violation> sink, String raw, Supplier<T> parse) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return parse.get();
    } catch (InsValidationException e) {
      sink.addAll(e.violations());
      return null;
    }
  }

  /** Shows the id only: {@code DedupRecord[id=42, traits=***]}. */
  @Override
  public String toString() {
    return "DedupRecord[id=" + id + ", traits=***]";
  }
}
