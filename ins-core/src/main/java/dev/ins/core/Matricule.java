package dev.ins.core;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A matricule INS: the 13-character NIR or NIA followed by its 2-digit mod-97 control key.
 *
 * <p>Invariants: exactly 15 characters; digits everywhere except the department (positions 6–7),
 * which is two digits or {@code 2A}/{@code 2B}; sex digit 1–4; month 01–12 or 20–99; department not
 * {@code 00}; order not {@code 000}; key = 97 − (N mod 97) where N is the first 13 characters read
 * as a number with {@code 2A}→19 and {@code 2B}→18 substituted in the department position only.
 *
 * <p>A NIR and a NIA cannot be told apart by their digits: the nature comes from the OID that goes
 * with the matricule (see {@link InsOid} and {@link InsIdentifier}).
 *
 * <p>{@link #parse(CharSequence)} accepts typed text: spaces (U+0020, U+00A0, U+202F, tab) between
 * groups are removed and a lowercase {@code 2a}/{@code 2b} in the department position is folded to
 * upper case. Nothing else is rewritten. {@link #toString()} masks the value.
 *
 * <pre>{@code
 * Matricule m = Matricule.parse("2 84 05 88 321 025 32");
 * m.value();        // "284058832102532"
 * m.format();       // "2 84 05 88 321 025 32"
 * m.birthplaceCode(); // "88321"
 * Matricule.computeKey("2840588321025"); // "32"
 * }</pre>
 */
public final class Matricule {

  private static final String FIELD = "matricule";

  /** How the month part of a matricule is to be read. */
  public enum MonthKind {
    /** 01–12: the real birth month. */
    REAL,
    /** 31–42: pseudo-fictitious, the real birth month plus 30. */
    PSEUDO_FICTITIOUS,
    /** 20–30 and 43–99: fictitious, the birth month is unknown to the NIR. */
    FICTITIOUS
  }

  private final String value;

  private Matricule(String value) {
    this.value = value;
  }

  /**
   * Parses a matricule from typed text.
   *
   * @param text 15 characters, groups may be separated by spaces; {@code 2a}/{@code 2b} accepted
   * @return the matricule
   * @throws InsValidationException with every broken rule (codes {@code REQUIRED},
   *     {@code INVALID_LENGTH}, {@code INVALID_FORMAT}, {@code INVALID_SEX_DIGIT},
   *     {@code INVALID_MONTH}, {@code INVALID_DEPARTMENT}, {@code INVALID_ORDER},
   *     {@code INVALID_KEY})
   */
  public static Matricule parse(CharSequence text) {
    String s = compact(text, FIELD);
    if (s.length() != 15) {
      String hint = s.length() == 13 ? " (a 13-character NIR has no key: use Matricule.fromNir)" : "";
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_LENGTH, -1,
          "expected 15 characters (13-character NIR + 2-digit key), got " + s.length() + hint);
    }
    List<Violation> violations = new ArrayList<>();
    String body = checkBody(s.substring(0, 13), violations);
    for (int i = 13; i < 15; i++) {
      if (!isDigit(s.charAt(i))) {
        violations.add(new Violation(FIELD, ViolationCode.INVALID_FORMAT, i, "control key must be 2 digits"));
      }
    }
    if (violations.isEmpty()) {
      String expected = keyOf(body);
      String actual = s.substring(13);
      if (!expected.equals(actual)) {
        violations.add(new Violation(FIELD, ViolationCode.INVALID_KEY, 13,
            "control key mismatch: expected " + expected + ", got " + actual));
      }
    }
    if (!violations.isEmpty()) {
      throw new InsValidationException(violations);
    }
    return new Matricule(body + s.substring(13));
  }

  /**
   * Builds a matricule from a 13-character NIR (typed text, as for {@link #parse}) by computing its
   * key.
   *
   * @param nir13 the 13-character NIR or NIA
   * @return the matricule with its computed key
   * @throws InsValidationException if {@code nir13} is not a well-formed 13-character NIR
   */
  public static Matricule fromNir(CharSequence nir13) {
    String body = body13(nir13);
    return new Matricule(body + keyOf(body));
  }

  /**
   * Builds a matricule from its typed parts.
   *
   * @param nir13 the 13-character NIR or NIA
   * @param key the control key, 1–97
   * @return the matricule
   * @throws InsValidationException if the NIR is malformed or the key does not match it
   */
  public static Matricule of(CharSequence nir13, int key) {
    String body = body13(nir13);
    String expected = keyOf(body);
    if (key < 1 || key > 97 || Integer.parseInt(expected) != key) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_KEY, 13,
          "control key mismatch: expected " + expected + ", got " + key);
    }
    return new Matricule(body + expected);
  }

  /**
   * Computes the 2-digit control key of a 13-character NIR: 97 − (N mod 97), with {@code 2A}→19 and
   * {@code 2B}→18 substituted in the department position only.
   *
   * @param nir13 the 13-character NIR (spaces allowed, {@code 2a}/{@code 2b} folded)
   * @return the key, two digits from {@code "01"} to {@code "97"}
   * @throws InsValidationException if {@code nir13} is not a well-formed 13-character NIR
   */
  public static String computeKey(CharSequence nir13) {
    return keyOf(body13(nir13));
  }

  private static String body13(CharSequence nir13) {
    String s = compact(nir13, FIELD);
    if (s.length() != 13) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_LENGTH, -1,
          "expected a 13-character NIR, got " + s.length() + " characters");
    }
    List<Violation> violations = new ArrayList<>();
    String body = checkBody(s, violations);
    if (!violations.isEmpty()) {
      throw new InsValidationException(violations);
    }
    return body;
  }

  /** Removes spaces; rejects null. */
  private static String compact(CharSequence text, String field) {
    if (text == null) {
      throw InsValidationException.of(field, ViolationCode.REQUIRED, -1, "a value is required");
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\t') {
        b.append(c);
      }
    }
    if (b.length() == 0) {
      throw InsValidationException.of(field, ViolationCode.EMPTY, -1, "the value is empty");
    }
    return b.toString();
  }

  /** Checks the 13-character body; returns it with 2a/2b folded. */
  private static String checkBody(String s, List<Violation> violations) {
    char[] c = s.toCharArray();
    if ((c[6] == 'a' || c[6] == 'b') && c[5] == '2') {
      c[6] = Character.toUpperCase(c[6]);
    }
    for (int i = 0; i < 13; i++) {
      boolean ok = isDigit(c[i]) || (i == 6 && c[5] == '2' && (c[6] == 'A' || c[6] == 'B'));
      if (!ok) {
        violations.add(new Violation(FIELD, ViolationCode.INVALID_FORMAT, i,
            i == 5 || i == 6 ? "department must be two digits, 2A or 2B" : "expected a digit"));
      }
    }
    if (!violations.isEmpty()) {
      return new String(c);
    }
    switch (c[0]) {
      case '1', '2', '3', '4' -> { }
      case '7', '8' -> violations.add(new Violation(FIELD, ViolationCode.INVALID_SEX_DIGIT, 0,
          "first digit 7/8 is a provisional number (NNP), not an INS matricule"));
      case '5', '6' -> violations.add(new Violation(FIELD, ViolationCode.INVALID_SEX_DIGIT, 0,
          "first digit 5/6 is a transient-migrant number, not an INS matricule"));
      default -> violations.add(new Violation(FIELD, ViolationCode.INVALID_SEX_DIGIT, 0,
          "first digit must be 1 or 2 (3 or 4 for legacy numbers)"));
    }
    int month = (c[3] - '0') * 10 + (c[4] - '0');
    if (month == 0 || (month > 12 && month < 20)) {
      violations.add(new Violation(FIELD, ViolationCode.INVALID_MONTH, 3,
          "month must be 01-12, or 20-99 for fictitious months"));
    }
    if (c[5] == '0' && c[6] == '0') {
      violations.add(new Violation(FIELD, ViolationCode.INVALID_DEPARTMENT, 5, "department 00 does not exist"));
    }
    if (c[10] == '0' && c[11] == '0' && c[12] == '0') {
      violations.add(new Violation(FIELD, ViolationCode.INVALID_ORDER, 10, "order number must be 001-999"));
    }
    return new String(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Key of a well-formed 13-character body (allocation-free weighted sum, cached key texts). */
  private static String keyOf(String body) {
    return dev.ins.core.internal.matching.FastNir.keyText(dev.ins.core.internal.matching.FastNir.key(body, 0));
  }

  /**
   * Returns the canonical form: 15 characters, no spaces, {@code 2A}/{@code 2B} in upper case.
   *
   * @return the canonical value (patient data: do not log it)
   */
  public String value() {
    return value;
  }

  /**
   * Returns the 13-character NIR or NIA without its key.
   *
   * @return the first 13 characters
   */
  public String nir() {
    return value.substring(0, 13);
  }

  /**
   * Returns the control key.
   *
   * @return two digits, {@code "01"} to {@code "97"}
   */
  public String key() {
    return value.substring(13);
  }

  /**
   * Returns the first digit: 1 (male) or 2 (female); 3 or 4 on legacy numbers.
   *
   * @return 1 to 4
   */
  public int sexDigit() {
    return value.charAt(0) - '0';
  }

  /**
   * Returns the last two digits of the birth year as recorded in the NIR.
   *
   * @return 0 to 99
   */
  public int yearDigits() {
    return Integer.parseInt(value.substring(1, 3));
  }

  /**
   * Returns the raw month code (positions 4–5).
   *
   * @return 1–12 or 20–99
   */
  public int monthCode() {
    return Integer.parseInt(value.substring(3, 5));
  }

  /**
   * Returns how to read the month code.
   *
   * @return the month kind
   */
  public MonthKind monthKind() {
    int m = monthCode();
    if (m <= 12) {
      return MonthKind.REAL;
    }
    return m >= 31 && m <= 42 ? MonthKind.PSEUDO_FICTITIOUS : MonthKind.FICTITIOUS;
  }

  /**
   * Returns the birth month the NIR carries, if it carries one (01–12, or 31–42 minus 30).
   *
   * @return the month 1–12, or empty for a fictitious month
   */
  public OptionalInt birthMonth() {
    return switch (monthKind()) {
      case REAL -> OptionalInt.of(monthCode());
      case PSEUDO_FICTITIOUS -> OptionalInt.of(monthCode() - 30);
      case FICTITIOUS -> OptionalInt.empty();
    };
  }

  /**
   * Returns the department of birth: two characters ({@code 01}–{@code 95}, {@code 2A}, {@code 2B},
   * {@code 96}, {@code 99} for abroad) or three for overseas ({@code 97x}, {@code 98x}).
   *
   * @return the department code
   */
  public String department() {
    return isOverseas() ? value.substring(5, 8) : value.substring(5, 7);
  }

  /**
   * Returns the commune number (three digits, two for overseas) or, when born abroad, the INSEE
   * country code.
   *
   * @return the commune or country part
   */
  public String communeOrCountry() {
    return isOverseas() ? value.substring(8, 10) : value.substring(7, 10);
  }

  /**
   * Returns positions 6–10: the INSEE code of the birthplace as recorded in the NIR (department +
   * commune, or 99 + country).
   *
   * @return 5 characters
   */
  public String birthplaceCode() {
    return value.substring(5, 10);
  }

  /**
   * Tells whether the NIR records a birth abroad (department 99).
   *
   * @return true when the department is 99
   */
  public boolean isBornAbroad() {
    return value.startsWith("99", 5);
  }

  private boolean isOverseas() {
    return value.startsWith("97", 5) || value.startsWith("98", 5);
  }

  /**
   * Returns the order number (positions 11–13).
   *
   * @return 3 digits, {@code "001"} to {@code "999"}
   */
  public String order() {
    return value.substring(10, 13);
  }

  /**
   * Formats in the usual grouped form {@code S YY MM DD CCC OOO KK}; {@link #parse} reads it back.
   *
   * @return the grouped form (patient data: do not log it)
   */
  public String format() {
    return value.charAt(0) + " " + value.substring(1, 3) + " " + value.substring(3, 5) + " "
        + value.substring(5, 7) + " " + value.substring(7, 10) + " " + value.substring(10, 13) + " "
        + value.substring(13);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matricule m && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: only the control key is shown, e.g. {@code Matricule[*************32]}. */
  @Override
  public String toString() {
    return "Matricule[" + Masking.matricule(value) + "]";
  }
}
