package dev.ins.cardreader.internal;

/** Hex helpers (upper case, no separators). */
public final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  /**
   * Encodes bytes.
   *
   * @param bytes the bytes
   * @return upper-case hex
   */
  public static String of(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * Decodes hex (even length, no separators).
   *
   * @param hex the text
   * @return the bytes
   */
  public static byte[] parse(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex: odd length " + hex.length());
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("hex: not a hex digit at " + 2 * i);
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }
}
