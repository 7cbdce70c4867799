package dev.ins.security.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writer, the counterpart of {@link ByteReader}. */
public final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Creates an empty writer. */
  public ByteWriter() {}

  /**
   * Writes one byte.
   *
   * @param v 0..255
   * @return this
   */
  public ByteWriter u8(int v) {
    out.write(v);
    return this;
  }

  /**
   * Writes a 16-bit value.
   *
   * @param v 0..65535
   * @return this
   */
  public ByteWriter u16(int v) {
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /**
   * Writes a 32-bit value.
   *
   * @param v the value
   * @return this
   */
  public ByteWriter i32(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /**
   * Writes bytes.
   *
   * @param b the bytes
   * @return this
   */
  public ByteWriter bytes(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  /**
   * Writes a string as a 16-bit length then UTF-8 bytes.
   *
   * @param s the string
   * @return this
   */
  public ByteWriter str16(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return u16(b.length).bytes(b);
  }

  /**
   * Returns what was written.
   *
   * @return the bytes
   */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
