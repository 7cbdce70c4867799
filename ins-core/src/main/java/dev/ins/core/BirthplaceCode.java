package dev.ins.core;

/**
 * Code lieu de naissance: the 5-character INSEE COG code of the birthplace.
 *
 * <p>Accepted shapes: a French commune {@code DDCCC} (department {@code 01}–{@code 96} including the
 * historical {@code 20}, or {@code 2A}/{@code 2B}, then 3 digits), an overseas commune
 * {@code 97xCC}/{@code 98xCC}, or abroad {@code 99CCC} with the INSEE country code; {@code 99999}
 * is read as "unknown birthplace" (a widely used convention, unconfirmed by a primary source).
 * Codes are taken exactly as written: no trimming, no case folding. Historical codes valid at the
 * date of birth are accepted: the SDK has no COG table and does not check that a commune exists.
 *
 * <pre>{@code
 * BirthplaceCode.of("2A020").kind(); // FRANCE
 * BirthplaceCode.of("99255").kind(); // ABROAD
 * }</pre>
 *
 * @param value the 5-character code
 */
public record BirthplaceCode(String value) {

  private static final String FIELD = "birthplace";

  /** The kind of place a code designates. */
  public enum Kind {
    /** Metropolitan France, Corsica included. */
    FRANCE,
    /** Overseas departments and collectivities (97x, 98x). */
    OVERSEAS,
    /** Abroad (99 + country code). */
    ABROAD,
    /** 99999: unknown birthplace. */
    UNKNOWN
  }

  /**
   * Validates the shape.
   *
   * @param value see the record component
   */
  public BirthplaceCode {
    if (value == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "a value is required");
    }
    if (value.length() != 5) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_LENGTH, -1,
          "expected 5 characters, got " + value.length());
    }
    for (int i = 0; i < 5; i++) {
      char c = value.charAt(i);
      boolean corsica = i == 1 && value.charAt(0) == '2' && (c == 'A' || c == 'B');
      if (!(c >= '0' && c <= '9') && !corsica) {
        throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, i,
            i < 2 ? "department must be two digits, 2A or 2B" : "expected a digit");
      }
    }
    if (value.startsWith("00")) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_DEPARTMENT, 0, "department 00 does not exist");
    }
  }

  /**
   * Accepts a code exactly as written.
   *
   * @param value the code
   * @return the birthplace code
   * @throws InsValidationException when the shape is wrong
   */
  public static BirthplaceCode of(CharSequence value) {
    return new BirthplaceCode(value == null ? null : value.toString());
  }

  /**
   * Returns the kind of place.
   *
   * @return France, overseas, abroad or unknown
   */
  public Kind kind() {
    if (value.equals("99999")) {
      return Kind.UNKNOWN;
    }
    if (value.startsWith("99")) {
      return Kind.ABROAD;
    }
    if (value.startsWith("97") || value.startsWith("98")) {
      return Kind.OVERSEAS;
    }
    return Kind.FRANCE;
  }

  /** Masked: {@code BirthplaceCode[***]}. */
  @Override
  public String toString() {
    return "BirthplaceCode[" + Masking.text(value) + "]";
  }
}
