package dev.ins.cardreader.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.internal.Hex;
import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BerTlvTest {

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  @Test
  void parse_readsNestedTemplateWithMultiByteTagAndLongLength() {
    byte[] v = new byte[200];
    Arrays.fill(v, (byte) 0x41);
    byte[] data = Hex.parse("6505" + "8003414243" + "5F2481C8" + Hex.of(v) + "FFFF00");
    List<Tlv> out = BerTlv.parse(data);
    assertEquals(2, out.size());
    assertEquals(0x65, out.get(0).tag());
    assertTrue(out.get(0).isConstructed());
    assertArrayEquals("ABC".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        out.get(0).child(0x80).orElseThrow().value());
    assertEquals(0x5F24, out.get(1).tag());
    assertEquals(200, out.get(1).value().length);
  }

  @ParameterizedTest
  @CsvSource({
    "6505800341, value of 5 bytes runs past the end",
    "5F, tag runs past the end",
    "5F8181, tag longer than 3 bytes",
    "80, length missing after tag",
    "8080, indefinite length",
    "8083010000, exceeds the 2-byte limit",
    "8082FF, length bytes run past the end",
    "800A41, value of 10 bytes runs past the end"
  })
  void parse_withBrokenEncoding_failsNamingTheRule(String hex, String rule) {
    CardReaderException e = assertThrows(CardReaderException.class, () -> BerTlv.parse(Hex.parse(hex)));
    assertEquals(CardReaderException.Code.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
  }

  @Test
  void parse_withNestingTooDeep_fails() {
    byte[] d = new byte[2 * (BerTlv.MAX_DEPTH + 1)];
    for (int i = 0; i <= BerTlv.MAX_DEPTH; i++) {
      d[2 * i] = 0x65;
      d[2 * i + 1] = (byte) (d.length - 2 * i - 2);
    }
    CardReaderException e = assertThrows(CardReaderException.class, () -> BerTlv.parse(d));
    assertTrue(e.getMessage().contains("nesting deeper"), e.getMessage());
  }

  @Test
  void tlvToString_showsNoValue() {
    Tlv t = Tlv.primitive(0x80, "SECRETNAME".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("Tlv[tag=80, 10 bytes]", t.toString());
    assertFalse(t.toString().contains("SECRET"));
  }

  @Test
  void primitive_withConstructedTag_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Tlv.primitive(0x65, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Tlv.constructed(0x80, List.of()));
    assertThrows(IllegalArgumentException.class, () -> Tlv.primitive(0x1F, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Tlv.primitive(0xFF, new byte[0]));
  }

  /** A random tree of TLVs: tags of 1-3 bytes, values up to 300 bytes, depth up to 4. */
  static List<Tlv> randomTlvs(SplittableRandom r, int depth) {
    int n = r.nextInt(4);
    List<Tlv> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean constructed = depth < 4 && r.nextInt(3) == 0;
      int tag = randomTag(r, constructed);
      if (constructed) {
        out.add(Tlv.constructed(tag, randomTlvs(r, depth + 1)));
      } else {
        byte[] v = new byte[r.nextInt(5) == 0 ? r.nextInt(300) : r.nextInt(20)];
        for (int k = 0; k < v.length; k++) {
          v[k] = (byte) r.nextInt(256);
        }
        out.add(Tlv.primitive(tag, v));
      }
    }
    return out;
  }

  static int randomTag(SplittableRandom r, boolean constructed) {
    int c = constructed ? 0x20 : 0;
    // Class 11 with the constructed bit and the multi-byte marker would make FF, which is padding.
    int cls = (constructed ? r.nextInt(3) : r.nextInt(4)) << 6;
    switch (r.nextInt(3)) {
      case 0: {
        int num = 1 + r.nextInt(30);
        if ((cls | c | num) == 0xFF) {
          num = 1;
        }
        return cls | c | num;
      }
      case 1:
        return (cls | c | 0x1F) << 8 | (0x1F + r.nextInt(0x60));
      default:
        return ((cls | c | 0x1F) << 8 | (0x81 + r.nextInt(0x7E))) << 8 | r.nextInt(0x80);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encodeThenParse_givesTheSameObjects(long seed) {
    List<Tlv> tlvs = randomTlvs(new SplittableRandom(seed), 0);
    byte[] bytes = BerTlv.encode(tlvs);
    assertEquals(tlvs, BerTlv.parse(bytes), Seeds.describe(seed));
    assertArrayEquals(bytes, BerTlv.encode(BerTlv.parse(bytes)), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_ofAnyTruncation_givesObjectsOrMalformedData(long seed) {
    List<Tlv> tlvs = randomTlvs(new SplittableRandom(seed), 0);
    byte[] bytes = BerTlv.encode(tlvs);
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] part = Arrays.copyOf(bytes, cut);
      try {
        BerTlv.parse(part);
      } catch (CardReaderException e) {
        assertEquals(CardReaderException.Code.MALFORMED_DATA, e.code(), Seeds.describe(seed));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseEach_ofWellFormedData_givesTheObjectsOfParse(long seed) {
    List<Tlv> tlvs = randomTlvs(new SplittableRandom(seed), 0);
    List<Tlv> each = new ArrayList<>();
    for (BerTlv.Element e : BerTlv.parseEach(BerTlv.encode(tlvs))) {
      assertEquals(null, e.error(), Seeds.describe(seed));
      each.add(e.object());
    }
    assertEquals(tlvs, each, Seeds.describe(seed));
  }

  @Test
  void parseEach_keepsTheObjectsAroundOneWithBrokenContents() {
    // 80 01 41 | 65 03 (80 05 41: a name claiming 5 bytes inside 3) | 81 01 42
    List<BerTlv.Element> e = BerTlv.parseEach(Hex.parse("800141" + "6503800541" + "810142"));
    assertEquals(3, e.size());
    assertEquals(Tlv.primitive(0x80, new byte[] {0x41}), e.get(0).object());
    assertEquals(0x65, e.get(1).tag());
    assertEquals(3, e.get(1).offset());
    assertEquals("BER-TLV at offset 5: value of 5 bytes runs past the end (1 bytes left)", e.get(1).error().detail());
    assertFalse(e.get(1).last());
    assertEquals(Tlv.primitive(0x81, new byte[] {0x42}), e.get(2).object());
  }

  @Test
  void parseEach_stopsAtABrokenLength_markingItLast() {
    List<BerTlv.Element> e = BerTlv.parseEach(Hex.parse("800141" + "8105414243"));
    assertEquals(2, e.size());
    assertTrue(e.get(1).last());
    assertEquals(-1, e.get(1).tag());
    assertEquals("BER-TLV at offset 3: value of 5 bytes runs past the end (3 bytes left)", e.get(1).error().detail());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseEach_agreesWithParse_onAnyTruncation(long seed) {
    byte[] bytes = BerTlv.encode(randomTlvs(new SplittableRandom(seed), 0));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] part = Arrays.copyOf(bytes, cut);
      List<BerTlv.Element> each = BerTlv.parseEach(part);
      boolean broken = each.stream().anyMatch(x -> x.error() != null);
      try {
        List<Tlv> all = BerTlv.parse(part);
        assertFalse(broken, Seeds.describe(seed) + " cut " + cut);
        assertEquals(all, each.stream().map(BerTlv.Element::object).toList(), Seeds.describe(seed));
      } catch (CardReaderException ex) {
        assertTrue(broken, Seeds.describe(seed) + " cut " + cut);
      }
    }
  }
}
