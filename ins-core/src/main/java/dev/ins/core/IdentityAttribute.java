package dev.ins.core;

/**
 * Attributes of an identity, orthogonal to its status (RNIV; FR Core comment codes).
 *
 * <p>Rules enforced by {@link Identity}: {@link #DOUTEUSE} and {@link #FICTIVE} force the status
 * {@link IdentityStatus#PROV} and forbid INSi calls; they cannot be set together. {@link #HOMONYME}
 * combines with anything.
 *
 * <pre>{@code
 * IdentityAttribute.fromCode("DOUT"); // DOUTEUSE
 * }</pre>
 */
public enum IdentityAttribute {
  /** Homonyme: another identity shares the traits. */
  HOMONYME("HOMA"),
  /** Identité douteuse: the traits are suspected wrong. */
  DOUTEUSE("DOUT"),
  /** Identité fictive: deliberately invented (anonymous care, tests). */
  FICTIVE("FICT");

  private final String code;

  IdentityAttribute(String code) {
    this.code = code;
  }

  /**
   * Returns the FR Core code.
   *
   * @return {@code HOMA}, {@code DOUT} or {@code FICT}
   */
  public String code() {
    return code;
  }

  /**
   * Tells whether this attribute forces PROV and forbids INSi calls.
   *
   * @return true for DOUTEUSE and FICTIVE
   */
  public boolean blocksQualification() {
    return this != HOMONYME;
  }

  /**
   * Parses the FR Core code.
   *
   * @param code {@code HOMA}, {@code DOUT} or {@code FICT}
   * @return the attribute
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static IdentityAttribute fromCode(CharSequence code) {
    for (IdentityAttribute a : values()) {
      if (code != null && a.code.contentEquals(code)) {
        return a;
      }
    }
    throw InsValidationException.of("attributes", code == null ? ViolationCode.REQUIRED : ViolationCode.UNKNOWN_CODE, -1,
        "attribute must be HOMA, DOUT or FICT");
  }
}
