package dev.ins.phishing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Searches byte content for fixed patterns, in memory or streaming with a bound. */
final class BytePatterns {

  /** The name of the VBA project stream of an OLE2 container, as UTF-16LE directory entries store it. */
  static final byte[] OLE_VBA_PROJECT = "_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE);
  /** The VBA project part of a macro-enabled OOXML document, as a zip entry name stores it. */
  static final byte[] OOXML_VBA = "vbaProject.bin".getBytes(StandardCharsets.US_ASCII);

  private BytePatterns() {}

  /**
   * Finds a pattern in a byte array.
   *
   * @param hay the bytes
   * @param length how many leading bytes to search
   * @param needle the pattern
   * @return true when found
   */
  static boolean contains(byte[] hay, int length, byte[] needle) {
    int last = Math.min(length, hay.length) - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (hay[i] != needle[0]) {
        continue;
      }
      for (int k = 1; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Searches a stream for a pattern, reading at most {@code max} bytes.
   *
   * @param in the stream (not closed)
   * @param max the most bytes read
   * @param needle the pattern
   * @return the bytes read when found (positive), or {@code -(bytes read) - 1} when not found
   * @throws IOException when the stream fails
   */
  static long find(InputStream in, long max, byte[] needle) throws IOException {
    byte[] buf = new byte[64 * 1024 + needle.length];
    int carry = 0;
    long read = 0;
    while (read < max) {
      int n = in.read(buf, carry, (int) Math.min(buf.length - carry, max - read));
      if (n <= 0) {
        break;
      }
      read += n;
      int len = carry + n;
      if (contains(buf, len, needle)) {
        return read;
      }
      carry = Math.min(needle.length - 1, len);
      System.arraycopy(buf, len - carry, buf, 0, carry);
    }
    return -read - 1;
  }
}
