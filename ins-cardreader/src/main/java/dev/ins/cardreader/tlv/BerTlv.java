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

  /**
   * One top-level object read by {@link #parseEach(byte[])}: either parsed or the error of its own
   * bytes.
   *
   * @param offset where the object starts in the data
   * @param tag the object's tag, or -1 when its header (tag or length) is broken
   * @param object the parsed object, or {@code null} when malformed
   * @param error the {@code MALFORMED_DATA} error, or {@code null} when well formed
   * @param last true when the object's end is unknown (broken tag or length): nothing after it
   *     can be read
   */
  public record Element(int offset, int tag, Tlv object, CardReaderException error, boolean last) {

    /**
     * Checks that exactly one of object and error is present.
     *
     * @param offset see the record component
     * @param tag see the record component
     * @param object see the record component
     * @param error see the record component
     * @param last see the record component
     */
    public Element {
      if ((object == null) == (error == null)) {
        throw new IllegalArgumentException("exactly one of object and error");
      }
    }
  }

  /**
   * Parses the top-level objects one by one, so that a malformed object does not hide the
   * well-formed ones around it: an object whose contents break the rules comes back as its own
   * error and the walk goes on after it; an object whose tag or length is broken ends the walk
   * (where the next object starts is unknown). Padding is skipped as by {@link #parse(byte[])},
   * which succeeds exactly when no element here is an error.
   *
   * <pre>{@code
   * for (BerTlv.Element e : BerTlv.parseEach(file)) {
   *   if (e.error() == null) { use(e.object()); } else { report(e.offset(), e.error().detail()); }
   * }
   * }</pre>
   *
   * @param data the bytes, not null
   * @return the top-level objects in order, each parsed or malformed
   */
  public static List<Element> parseEach(byte[] data) {
    if (data == null) {
      throw CardReaderException.of(Code.MALFORMED_DATA, "BER-TLV: no data");
    }
    List<Element> out = new ArrayList<>();
    int p = 0;
    while (p < data.length) {
      int first = data[p] & 0xFF;
      if (first == 0x00 || first == 0xFF) {
        p++;
        continue;
      }
      int[] h;
      try {
        h = header(data, p, data.length);
      } catch (CardReaderException e) {
        out.add(new Element(p, -1, null, e, true));
        return out;
      }
      try {
        out.add(new Element(p, h[0], object(data, h, 0), null, false));
      } catch (CardReaderException e) {
        out.add(new Element(p, h[0], null, e, false));
      }
      p = h[1] + h[2];
    }
    return out;
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
      int[] h = header(d, p, end);
      out.add(object(d, h, depth));
      p = h[1] + h[2];
    }
    return out;
  }

  /** The object whose header {@code h} (tag, value start, length) was read. */
  private static Tlv object(byte[] d, int[] h, int depth) {
    int tag = h[0];
    if ((Tlv.firstByte(tag) & 0x20) != 0) {
      return Tlv.constructed(tag, parse(d, h[1], h[1] + h[2], depth + 1));
    }
    byte[] v = new byte[h[2]];
    System.arraycopy(d, h[1], v, 0, h[2]);
    return Tlv.primitive(tag, v);
  }

  /**
   * Reads the tag and length at {@code p}.
   *
   * @return tag, value start, value length; the value lies within {@code end}
   */
  private static int[] header(byte[] d, int p, int end) {
    int tagStart = p;
    int first = d[p] & 0xFF;
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
    return new int[] {tag, p, len};
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
