package dev.ins.core.internal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdSetTest {

  static LongStream seeds() {
    return Seeds.stream(20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void add_answersAsAHashSetDoes(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    IdSet ids = new IdSet();
    Set<String> reference = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      // short ids over a small alphabet: many repeats, and many equal String hash codes
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(4);
      for (int k = 0; k < len; k++) {
        b.append("AaBb\u00e9\uD83D\uDE00".charAt(r.nextInt(7)));
      }
      String s = b.toString();
      assertEquals(reference.add(s), ids.add(s), "'" + s + "' " + Seeds.describe(seed));
    }
    assertEquals(reference.size(), ids.size());
  }

  @Test
  void stringsWithTheSameHashCode_areDifferentElements() {
    IdSet ids = new IdSet();
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertTrue(ids.add("Aa"));
    assertTrue(ids.add("BB"));
    assertFalse(ids.add("Aa"));
    assertFalse(ids.add("BB"));
    assertTrue(ids.add(""));
    assertFalse(ids.add(""));
  }
}
