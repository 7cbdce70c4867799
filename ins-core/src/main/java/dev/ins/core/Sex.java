package dev.ins.core;

/**
 * The sex trait. INSi returns only {@code M} or {@code F}; a local identity may be
 * {@link #UNKNOWN} (RNIV "indéterminé", code {@code I}), which the DataMatrix cannot carry.
 *
 * <pre>{@code
 * Sex.fromInsi("F");  // FEMALE
 * Sex.fromCode("I");  // UNKNOWN
 * Sex.fromInsi("I");  // InsValidationException UNKNOWN_CODE
 * }</pre>
 */
public enum Sex {
  /** Masculin. */
  MALE("M"),
  /** Féminin. */
  FEMALE("F"),
  /** Indéterminé: local identities only. */
  UNKNOWN("I");

  private static final String FIELD = "sex";
  private final String code;

  Sex(String code) {
    this.code = code;
  }

  /**
   * Returns the one-letter code.
   *
   * @return {@code M}, {@code F} or {@code I}
   */
  public String code() {
    return code;
  }

  /**
   * Parses a local code: {@code M}, {@code F} or {@code I}, exactly.
   *
   * @param code the code
   * @return the sex
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static Sex fromCode(CharSequence code) {
    if (code == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "a value is required");
    }
    for (Sex s : values()) {
      if (s.code.contentEquals(code)) {
        return s;
      }
    }
    throw InsValidationException.of(FIELD, ViolationCode.UNKNOWN_CODE, -1, "sex must be M, F or I");
  }

  /**
   * Parses a code returned by INSi: {@code M} or {@code F} only.
   *
   * @param code the code
   * @return the sex
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static Sex fromInsi(CharSequence code) {
    Sex s = fromCode(code);
    if (s == UNKNOWN) {
      throw InsValidationException.of(FIELD, ViolationCode.UNKNOWN_CODE, -1, "INSi returns only M or F");
    }
    return s;
  }
}
