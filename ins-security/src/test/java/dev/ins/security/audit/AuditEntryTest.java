package dev.ins.security.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.testing.Seeds;
import dev.ins.security.InsCryptoException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditEntryTest {
  static LongStream seeds() {
    return Seeds.stream(64);
  }

  private static String word(SplittableRandom r, String alphabet, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void canonicalJson_roundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String text = "abcdefghijklmnopqrstuvwxyz ÉéèçàÀ'\"\\/-_.{}:,0123456789";
    Map<String, String> details = new TreeMap<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      details.put(word(r, "abcXYZ._-09", 1, 10), word(r, text, 0, 40));
    }
    AuditEntry e =
        new AuditEntry(
            Instant.ofEpochMilli(r.nextLong(0, 4_000_000_000_000L)),
            word(r, text, 1, 30),
            word(r, "abc.-_09", 1, 20),
            word(r, text, 0, 30),
            word(r, "okdenid", 1, 8),
            details);
    byte[] json = e.toCanonicalJson();
    AuditEntry back = AuditEntry.parse(json);
    assertEquals(e, back, Seeds.describe(seed));
    assertArrayEquals(json, back.toCanonicalJson(), Seeds.describe(seed));
  }

  @Test
  void parse_refusesNonCanonicalOrIncompleteJson() {
    String good = AuditEntry.of(Instant.parse("2026-01-01T00:00:00Z"), "u", "a", "", "ok").toJsonText();
    for (String bad :
        List.of(
            good.replace("{\"action\"", "{ \"action\""),
            good.replace("\"time\":\"2026-01-01T00:00:00Z\"", "\"time\":\"2026-01-01T00:00:00.000Z\""),
            good.replace(",\"details\":{}", ""),
            good.replace("\"details\":{}", "\"details\":{},\"extra\":\"x\""),
            good.replace("\"actor\":\"u\"", "\"actor\":\"u\",\"actor\":\"v\""),
            good + " ",
            "[]",
            "")) {
      assertThrows(InsCryptoException.class, () -> AuditEntry.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
  }
}
