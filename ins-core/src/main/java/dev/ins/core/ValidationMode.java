package dev.ins.core;

/**
 * How an identity was checked against a high-trust document (FR Core {@code validationMode}).
 *
 * <p>The list follows the FR Core code system as described in the project's research notes; codes
 * for minors' documents are carried as published codes whose wording is to be confirmed against the
 * FR Core release a vendor targets.
 *
 * <pre>{@code
 * ValidationMode.fromCode("PA"); // PASSPORT
 * }</pre>
 */
public enum ValidationMode {
  /** Carte nationale d'identité. */
  NATIONAL_ID_CARD("CN"),
  /** Passeport. */
  PASSPORT("PA"),
  /** Titre de séjour. */
  RESIDENCE_PERMIT("CS"),
  /** Carte nationale d'identité électronique. */
  ELECTRONIC_ID_CARD("eCN"),
  /** Identité numérique (La Poste). */
  DIGITAL_IDENTITY("IN"),
  /** Appli carte Vitale. */
  APPLI_CARTE_VITALE("AV"),
  /** Minor: FR Core code LECV. */
  MINOR_LECV("LECV"),
  /** Minor: FR Core code ANCV. */
  MINOR_ANCV("ANCV"),
  /** Minor: FR Core code AN. */
  MINOR_AN("AN"),
  /** Minor: FR Core code LEP. */
  MINOR_LEP("LEP"),
  /** Minor: FR Core code CC. */
  MINOR_CC("CC");

  private final String code;

  ValidationMode(String code) {
    this.code = code;
  }

  /**
   * Returns the FR Core code.
   *
   * @return e.g. {@code CN}
   */
  public String code() {
    return code;
  }

  /**
   * Parses a FR Core code, exactly.
   *
   * @param code the code
   * @return the mode
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static ValidationMode fromCode(CharSequence code) {
    for (ValidationMode m : values()) {
      if (code != null && m.code.contentEquals(code)) {
        return m;
      }
    }
    throw InsValidationException.of("validationMode", code == null ? ViolationCode.REQUIRED : ViolationCode.UNKNOWN_CODE, -1,
        "not a known validation mode code");
  }
}
