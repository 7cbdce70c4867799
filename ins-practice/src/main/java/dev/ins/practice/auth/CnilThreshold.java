package dev.ins.practice.auth;

/**
 * The CNIL's password thresholds (délibération n° 2022-100): the entropy a password must reach
 * depending on what else protects the account.
 *
 * <pre>{@code
 * boolean ok = meter.evaluate(pw, inputs).meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS);
 * }</pre>
 */
public enum CnilThreshold {
  /** The password is the only factor: 80 bits. */
  PASSWORD_ONLY(80),
  /** Access is restricted after failures (delay, lockout; see {@link LoginThrottle}): 50 bits. */
  WITH_BRUTE_FORCE_LIMITS(50),
  /** The secret unlocks a device the person holds that blocks after 3 failures: 13 bits. */
  DEVICE_LOCKOUT(13);

  private final int bits;

  CnilThreshold(int bits) {
    this.bits = bits;
  }

  /**
   * Returns the threshold.
   *
   * @return bits of entropy
   */
  public int bits() {
    return bits;
  }
}
