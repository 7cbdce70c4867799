package dev.ins.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict validation of values that claim to be in INS form (what INSi returns, what a DataMatrix
 * carries). It never rewrites a value: it lists every broken rule at once.
 *
 * <p>For typed input that still needs upper-casing or accent stripping, use {@link NameNormalizer}.
 *
 * <pre>{@code
 * List<Violation> v = TraitValidator.validate(TraitField.BIRTH_NAME, "Dupont");
 * // [birthName: lowercase letter [LOWERCASE] at index 1, ...]
 * TraitValidator.requireValid(TraitField.BIRTH_NAME, "D'ARC-DUPONT"); // passes
 * }</pre>
 */
public final class TraitValidator {

  private TraitValidator() {}

  /**
   * Lists every INS-form rule the value breaks.
   *
   * @param field the trait, which selects the rules
   * @param value the value, may be null (gives {@code REQUIRED})
   * @return the violations in reading order; empty when the value is valid
   */
  public static List<Violation> validate(TraitField field, CharSequence value) {
    List<Violation> out = new ArrayList<>(2);
    String f = field.path();
    if (value == null) {
      out.add(new Violation(f, ViolationCode.REQUIRED, -1, "a value is required"));
      return out;
    }
    int n = value.length();
    if (n == 0) {
      out.add(new Violation(f, ViolationCode.EMPTY, -1, "the value is empty"));
      return out;
    }
    if (n > TraitField.MAX_LENGTH) {
      out.add(new Violation(f, ViolationCode.TOO_LONG, TraitField.MAX_LENGTH,
          "at most " + TraitField.MAX_LENGTH + " characters, got " + n));
    }
    boolean tokenStart = true;
    int hyphenRun = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      char prev = i > 0 ? value.charAt(i - 1) : 0;
      if (c >= 'A' && c <= 'Z') {
        // fine
      } else if (c == ' ') {
        if (i == 0) {
          out.add(new Violation(f, ViolationCode.LEADING_SPACE, i, "must not start with a space"));
        } else if (prev == ' ') {
          out.add(new Violation(f, ViolationCode.DOUBLED_SPACE, i, "two spaces in a row"));
        } else if (prev == '\'') {
          out.add(new Violation(f, ViolationCode.SPACE_NEXT_TO_APOSTROPHE, i, "space after an apostrophe"));
        }
        if (i == n - 1) {
          out.add(new Violation(f, ViolationCode.TRAILING_SPACE, i, "must not end with a space"));
        }
      } else if (c == '\'') {
        if (prev == '\'') {
          out.add(new Violation(f, ViolationCode.DOUBLED_APOSTROPHE, i, "two apostrophes in a row"));
        } else if (prev == ' ') {
          out.add(new Violation(f, ViolationCode.SPACE_NEXT_TO_APOSTROPHE, i, "apostrophe after a space"));
        }
      } else if (c == '-') {
        if (i == 0) {
          out.add(new Violation(f, ViolationCode.LEADING_HYPHEN, i, "must not start with a hyphen"));
        } else if (tokenStart && field.firstNameRules()) {
          out.add(new Violation(f, ViolationCode.LEADING_HYPHEN, i, "a first name must not start with a hyphen"));
        }
      } else {
        out.add(characterViolation(f, c, i));
      }
      hyphenRun = c == '-' ? hyphenRun + 1 : 0;
      if (hyphenRun == 2 && !field.doubleHyphenAllowed()) {
        out.add(new Violation(f, ViolationCode.INVALID_HYPHEN_RUN, i - 1, "double hyphen is allowed in names only, not first names"));
      } else if (hyphenRun == 3) {
        out.add(new Violation(f, ViolationCode.INVALID_HYPHEN_RUN, i - 2, "three or more hyphens in a row"));
      }
      if (field.firstNameRules() && (c == '-' || c == '\'') && (i == n - 1 || value.charAt(i + 1) == ' ')) {
        out.add(new Violation(f, ViolationCode.TRAILING_SEPARATOR, i, "a first name must not end with a hyphen or an apostrophe"));
      }
      tokenStart = c == ' ';
    }
    return out;
  }

  private static Violation characterViolation(String f, char c, int i) {
    if (c >= 'a' && c <= 'z') {
      return new Violation(f, ViolationCode.LOWERCASE, i, "lowercase letter");
    }
    if (c == 'Æ' || c == 'Œ' || c == 'æ' || c == 'œ') {
      return new Violation(f, ViolationCode.LIGATURE, i, "ligature (write AE or OE)");
    }
    if (Character.isLetter(c) && isLatinWithDiacritic(c)) {
      return new Violation(f, ViolationCode.DIACRITIC, i, "letter with a diacritic");
    }
    return new Violation(f, ViolationCode.INVALID_CHARACTER, i,
        "character U+" + String.format("%04X", (int) c) + " is not allowed (A-Z, space, hyphen, apostrophe)");
  }

  private static boolean isLatinWithDiacritic(char c) {
    String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
    if (d.length() < 2) {
      return false;
    }
    char base = d.charAt(0);
    return (base >= 'A' && base <= 'Z') || (base >= 'a' && base <= 'z');
  }

  /**
   * Returns the value when it is in INS form.
   *
   * @param field the trait
   * @param value the value
   * @return {@code value.toString()}
   * @throws InsValidationException listing every broken rule
   */
  public static String requireValid(TraitField field, CharSequence value) {
    List<Violation> v = validate(field, value);
    if (!v.isEmpty()) {
      throw new InsValidationException(v);
    }
    return value.toString();
  }
}
