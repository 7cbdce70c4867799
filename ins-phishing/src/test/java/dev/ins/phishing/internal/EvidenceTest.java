package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvidenceTest {

  @Test
  void quote_removesControlAndBidiCharactersAndCollapsesSpaces() {
    assertEquals("« Facture fdp.exe »", Evidence.quote("Facture\u202E fdp.exe"));
    assertEquals("« a b »", Evidence.quote("a \r\n\t  b\u0000"));
  }

  @Test
  void quote_masksNirShapedRunsSpacedOrNot() {
    assertEquals("« CR_*************89.pdf »", Evidence.quote("CR_279035121518989.pdf"));
    assertEquals("« NIR *************89 »", Evidence.quote("NIR 2 79 03 51 215 189 89"));
    assertEquals("« ref 12345 »", Evidence.quote("ref 12345"));
  }

  @Test
  void clean_boundsTheLength() {
    String s = Evidence.clean("x".repeat(500), 80);
    assertEquals(80, s.length());
    assertTrue(s.endsWith("…"));
  }

  static LongStream seeds() {
    return Seeds.stream(100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void clean_neverLetsANirOrAControlCharacterThrough(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] nirs = {"279035121518989", "160012B02077713", "2 84 05 88 321 025 32", "1100863220830"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1 + r.nextInt(6); i++) {
      b.append(r.nextBoolean() ? nirs[r.nextInt(nirs.length)] : "txt").append((char) r.nextInt(0x30)).append(r.nextBoolean() ? "_" : " ");
    }
    String out = Evidence.clean(b.toString(), 400);
    PiiGuard.assertNoPii(out, List.of());
    for (char c : out.toCharArray()) {
      assertFalse(Evidence.invisible(c), Seeds.describe(seed) + " " + (int) c);
    }
  }
}
