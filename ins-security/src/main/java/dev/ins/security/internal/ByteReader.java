package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.util.Arrays;

/** A bounds-checked reader over a byte array; every failure is a typed MALFORMED error. */
public final class ByteReader {
  private final byte[] buf;
  private final String what;
  private int pos;

  /**
   * Creates a reader.
   *
   * @param buf the bytes
   * @param what the name of the format, used as the error field prefix
   */
  public ByteReader(byte[] buf, String what) {
    this.buf = buf;
    this.what = what;
  }

  private void need(int n, String field) {
    if (n < 0 || buf.length - pos < n) {
      throw new InsCryptoException(
          Code.MALFORMED,
          what + "." + field,
          "truncated: need " + n + " bytes at offset " + pos + ", have " + (buf.length - pos));
    }
  }

  /**
   * Reads one unsigned byte.
   *
   * @param field the field name for errors
   * @return 0..255
   */
  public int u8(String field) {
    need(1, field);
    return buf[pos++] & 0xff;
  }

  /**
   * Reads a big-endian unsigned 16-bit value.
   *
   * @param field the field name
   * @return the value
   */
  public int u16(String field) {
    need(2, field);
    int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  /**
   * Reads a big-endian 32-bit value.
   *
   * @param field the field name
   * @return the value
   */
  public int i32(String field) {
    need(4, field);
    int v =
        ((buf[pos] & 0xff) << 24)
            | ((buf[pos + 1] & 0xff) << 16)
            | ((buf[pos + 2] & 0xff) << 8)
            | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  /**
   * Reads n bytes.
   *
   * @param n how many
   * @param field the field name
   * @return a copy
   */
  public byte[] bytes(int n, String field) {
    need(n, field);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /**
   * Returns the rest of the input.
   *
   * @return a copy of the remaining bytes
   */
  public byte[] rest() {
    byte[] out = Arrays.copyOfRange(buf, pos, buf.length);
    pos = buf.length;
    return out;
  }

  /**
   * Returns the current offset.
   *
   * @return the offset
   */
  public int position() {
    return pos;
  }

  /**
   * Returns how many bytes are left.
   *
   * @return the count
   */
  public int remaining() {
    return buf.length - pos;
  }

  /**
   * Fails unless the whole input was read.
   *
   * @param field the field name
   */
  public void end(String field) {
    if (pos != buf.length) {
      throw new InsCryptoException(
          Code.MALFORMED, what + "." + field, (buf.length - pos) + " trailing bytes at offset " + pos);
    }
  }
}
