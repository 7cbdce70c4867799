package dev.ins.core;

import dev.ins.core.internal.FirstNameParts;
import java.util.Arrays;
import java.util.List;

/**
 * Liste des prénoms de naissance: the birth first names in INS form, separated by single spaces.
 *
 * <p>The first birth first name is the first space-separated token; a hyphenated compound such as
 * {@code PIERRE-ALAIN} is one first name and stays whole. Invariants: the text follows the strict
 * rules of {@link TraitField#BIRTH_FIRST_NAMES} (no {@code --}, no first name ending with a hyphen
 * or an apostrophe, at most 100 characters). {@link #toString()} masks the value.
 *
 * <pre>{@code
 * FirstNames f = FirstNames.of("PIERRE-ALAIN MURIEL FLORIANT");
 * f.first();  // "PIERRE-ALAIN"
 * f.names();  // [PIERRE-ALAIN, MURIEL, FLORIANT]
 * }</pre>
 *
 * @param value the space-separated list in INS form
 */
public record FirstNames(String value) {

  /**
   * Validates strictly.
   *
   * @param value see the record component
   */
  public FirstNames {
    TraitValidator.requireValid(TraitField.BIRTH_FIRST_NAMES, value);
  }

  /**
   * Accepts a list already in INS form, unchanged.
   *
   * @param value the space-separated first names
   * @return the list
   * @throws InsValidationException listing every broken rule
   */
  public static FirstNames of(CharSequence value) {
    return new FirstNames(value == null ? null : value.toString());
  }

  /**
   * Builds the list from separate first names, each in INS form.
   *
   * @param names the first names, in birth order, at least one
   * @return the list
   * @throws InsValidationException when a name is invalid or contains a space
   */
  public static FirstNames of(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw InsValidationException.of(TraitField.BIRTH_FIRST_NAMES.path(), ViolationCode.EMPTY, -1,
          "at least one first name is required");
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n != null && n.indexOf(' ') >= 0) {
        throw InsValidationException.of(TraitField.BIRTH_FIRST_NAMES.path() + "[" + i + "]",
            ViolationCode.INVALID_FORMAT, n.indexOf(' '), "one first name cannot contain a space");
      }
    }
    return of(String.join(" ", names));
  }

  /**
   * Normalises typed input (see {@link NameNormalizer}).
   *
   * @param typed the typed list, space separated
   * @return the list in INS form
   * @throws InsValidationException when the text cannot be brought to INS form
   */
  public static FirstNames normalize(CharSequence typed) {
    return new FirstNames(NameNormalizer.normalize(TraitField.BIRTH_FIRST_NAMES, typed));
  }

  /**
   * Returns the first birth first name (the premier prénom de naissance).
   *
   * @return the first token
   */
  public String first() {
    int sp = value.indexOf(' ');
    return sp < 0 ? value : value.substring(0, sp);
  }

  /**
   * Tells whether a name is coherent as the premier prénom de naissance of this list (the RNIV
   * rule: its parts, split on hyphen, apostrophe or space, are the first parts of the list, whole;
   * the three separators are equivalent). The strict matcher and the FHIR and HL7 readers apply
   * this same rule.
   *
   * <pre>{@code
   * FirstNames l = FirstNames.of("PIERRE ALAIN MURIEL");
   * l.acceptsFirstName("PIERRE-ALAIN"); // true
   * l.acceptsFirstName("PIERRE");       // true
   * l.acceptsFirstName("ALAIN");        // false
   * }</pre>
   *
   * @param firstName the first birth first name, in INS form
   * @return true when coherent
   */
  public boolean acceptsFirstName(CharSequence firstName) {
    return firstName != null && FirstNameParts.prefix(firstName, value) >= 0;
  }

  /**
   * Returns the first names in order.
   *
   * @return an immutable list of at least one name
   */
  public List<String> names() {
    return Arrays.asList(value.split(" ")).stream().toList();
  }

  /** Masked: {@code FirstNames[***]}. */
  @Override
  public String toString() {
    return "FirstNames[" + Masking.text(value) + "]";
  }
}
