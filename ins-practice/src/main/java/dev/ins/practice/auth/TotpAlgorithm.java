package dev.ins.practice.auth;

/**
 * The HMAC of a TOTP (RFC 6238 §1.2). SHA-1 is the default every authenticator app supports;
 * SHA-256 and SHA-512 are allowed by the RFC but ignored by some apps.
 *
 * <pre>{@code
 * Totp totp = Totp.builder().algorithm(TotpAlgorithm.SHA256).build();
 * }</pre>
 */
public enum TotpAlgorithm {
  /** HMAC-SHA-1. */
  SHA1("HmacSHA1", "SHA1"),
  /** HMAC-SHA-256. */
  SHA256("HmacSHA256", "SHA256"),
  /** HMAC-SHA-512. */
  SHA512("HmacSHA512", "SHA512");

  private final String jca;
  private final String uriName;

  TotpAlgorithm(String jca, String uriName) {
    this.jca = jca;
    this.uriName = uriName;
  }

  /**
   * Returns the JCA MAC name.
   *
   * @return e.g. {@code HmacSHA1}
   */
  public String jcaName() {
    return jca;
  }

  /**
   * Returns the name used in {@code otpauth://} URIs.
   *
   * @return e.g. {@code SHA1}
   */
  public String uriName() {
    return uriName;
  }
}
