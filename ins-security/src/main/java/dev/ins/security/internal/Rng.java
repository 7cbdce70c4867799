package dev.ins.security.internal;

import java.security.SecureRandom;

/** The module's only source of randomness for keys, nonces and salts. */
public final class Rng {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Rng() {}

  /**
   * Returns fresh random bytes.
   *
   * @param n how many
   * @return the bytes
   */
  public static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /**
   * Returns a random int.
   *
   * @return the value
   */
  public static int nextInt() {
    return RANDOM.nextInt();
  }
}
