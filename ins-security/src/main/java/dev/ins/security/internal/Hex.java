package dev.ins.security.internal;

/** Lower-case hexadecimal encoding. */
public final class Hex {
  private Hex() {}

  /**
   * Encodes bytes.
   *
   * @param b the bytes
   * @return lower-case hex
   */
  public static String encode(byte[] b) {
    return org.bouncycastle.util.encoders.Hex.toHexString(b);
  }

  /**
   * Decodes hex, or fails with IllegalArgumentException.
   *
   * @param s the hex text
   * @return the bytes
   */
  public static byte[] decode(String s) {
    if (s.length() % 2 != 0 || !s.matches("[0-9a-fA-F]*")) {
      throw new IllegalArgumentException("not hex");
    }
    return org.bouncycastle.util.encoders.Hex.decode(s);
  }
}
