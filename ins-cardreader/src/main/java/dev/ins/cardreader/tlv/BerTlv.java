package dev.ins.cardreader.tlv;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds-checked BER-TLV (ISO 7816-4 / X.690 subset used by cards): tags of 1–3 bytes, definite
 * lengths in short form or long form of 1–2 bytes, nesting up to {@value #MAX_DEPTH} levels. Bytes
 * {@code 00} and {@code FF} between objects are padding and are skipped, as ISO 7816-4 allows.
 *
 * <p>Every read is checked against the end of its enclosing object; any violation is a
 * {@link CardReaderException} with code {@code MALFORMED_DATA} naming the offset and the rule.
 * {@link #encode(List)} writes minimal lengths, so {@code parse(encode(x))} equals {@code x}.
 *
 * <pre>{@code
 * List<Tlv> objects = BerTlv.parse(fileBytes);
 * byte[] again = BerTlv.encode(objects);
 * }</pre>
 */
public final class BerTlv {

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 16;

  private BerTlv() {}

  /**
   * Parses a sequence of data objects.
   *
   * @param data the bytes, not null
   * @return the objects in order (padding removed)
   * @throws CardReaderException {@code MALFORMED_DATA} naming the offset and the rule broken
   */
  public static List<Tlv> parse(byte[] data) {
    if (data == null) {
      throw CardReaderException.of(Code.MALFORMED_DATA, "BER-TLV: no data");
    }
    return parse(data, 0, data.length, 0);
  }

  private static List<Tlv> parse(byte[] d, int start, int end, int depth) {
    if (depth >= MAX_DEPTH) {
      throw malformed(start, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    List<Tlv> out = new ArrayList<>();
    int p = start;
    while (p < end) {
      int first = d[p] & 0xFF;
      if (first == 0x00 || first == 0xFF) {
        p++;
        continue;
      }
      int tagStart = p;
      int tag = first;
      p++;
      if ((first & 0x1F) == 0x1F) {
        int more = 0;
        while (true) {
          if (p >= end) {
            throw malformed(tagStart, "tag runs past the end");
          }
          int b = d[p++] & 0xFF;
          tag = tag << 8 | b;
          more++;
          if ((b & 0x80) == 0) {
            break;
          }
          if (more == 2) {
            throw malformed(tagStart, "tag longer than 3 bytes");
          }
        }
      }
      if (p >= end) {
        throw malformed(tagStart, "length missing after tag");
      }
      int l0 = d[p++] & 0xFF;
      int len;
      if (l0 < 0x80) {
        len = l0;
      } else if (l0 == 0x80) {
        throw malformed(p - 1, "indefinite length is not allowed");
      } else {
        int n = l0 & 0x7F;
        if (n > 2) {
          throw malformed(p - 1, "length of " + n + " bytes exceeds the 2-byte limit");
        }
        if (end - p < n) {
          throw malformed(p - 1, "length bytes run past the end");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = len << 8 | (d[p++] & 0xFF);
        }
      }
      if (len > end - p) {
        throw malformed(tagStart, "value of " + len + " bytes runs past the end (" + (end - p)
            + " bytes left)");
      }
      if ((first & 0x20) != 0) {
        out.add(Tlv.constructed(tag, parse(d, p, p + len, depth + 1)));
      } else {
        byte[] v = new byte[len];
        System.arraycopy(d, p, v, 0, len);
        out.add(Tlv.primitive(tag, v));
      }
      p += len;
    }
    return out;
  }

  private static CardReaderException malformed(int offset, String rule) {
    return CardReaderException.of(Code.MALFORMED_DATA, "BER-TLV at offset " + offset + ": " + rule);
  }

  /**
   * Encodes data objects with minimal lengths.
   *
   * @param objects the objects
   * @return the bytes
   * @throws IllegalArgumentException when a constructed object exceeds {@link Tlv#MAX_LENGTH}
   */
  public static byte[] encode(List<Tlv> objects) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Tlv t : objects) {
      write(out, t);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, Tlv t) {
    int n = Tlv.tagSize(t.tag());
    for (int i = n - 1; i >= 0; i--) {
      out.write((t.tag() >> (8 * i)) & 0xFF);
    }
    byte[] v = t.isConstructed() ? encode(t.children()) : t.value();
    if (v.length > Tlv.MAX_LENGTH) {
      throw new IllegalArgumentException("value of tag " + Integer.toHexString(t.tag())
          + ": at most " + Tlv.MAX_LENGTH + " bytes, got " + v.length);
    }
    if (v.length < 0x80) {
      out.write(v.length);
    } else if (v.length <= 0xFF) {
      out.write(0x81);
      out.write(v.length);
    } else {
      out.write(0x82);
      out.write(v.length >> 8);
      out.write(v.length & 0xFF);
    }
    out.writeBytes(v);
  }
}
