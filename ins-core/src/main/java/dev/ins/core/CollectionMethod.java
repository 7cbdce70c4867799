package dev.ins.core;

/**
 * How the identity was collected (FR Core {@code fr-core-cs-method-collection}).
 *
 * <pre>{@code
 * CollectionMethod.fromCode("CV"); // CARTE_VITALE
 * }</pre>
 */
public enum CollectionMethod {
  /** Saisie manuelle. */
  MANUAL("SM"),
  /** Carte Vitale. */
  CARTE_VITALE("CV"),
  /** Direct INSi query. */
  INSI("INSI"),
  /** DataMatrix INS scan. */
  DATAMATRIX("CB"),
  /** RFID chip. */
  RFID("RFID"),
  /** Appli carte Vitale. */
  APPLI_CARTE_VITALE("AV");

  private final String code;

  CollectionMethod(String code) {
    this.code = code;
  }

  /**
   * Returns the FR Core code.
   *
   * @return e.g. {@code SM}
   */
  public String code() {
    return code;
  }

  /**
   * Parses a FR Core code, exactly.
   *
   * @param code the code
   * @return the method
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static CollectionMethod fromCode(CharSequence code) {
    for (CollectionMethod m : values()) {
      if (code != null && m.code.contentEquals(code)) {
        return m;
      }
    }
    throw InsValidationException.of("collectionMethod", code == null ? ViolationCode.REQUIRED : ViolationCode.UNKNOWN_CODE, -1,
        "not a known collection method code");
  }
}
