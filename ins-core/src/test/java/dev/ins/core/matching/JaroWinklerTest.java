package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.internal.matching.Kernels;
import dev.ins.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agreement with Commons Text is checked in ins-benchmarks (where Commons Text is allowed). */
class JaroWinklerTest {

  static LongStream seeds() {
    return Seeds.stream(500);
  }

  @Test
  void knownValues() {
    assertEquals(0.961111111111, JaroWinkler.similarity("MARTHA", "MARHTA"), 1e-9);
    assertEquals(0.813333333333, JaroWinkler.similarity("DIXON", "DICKSONX"), 1e-9);
    assertEquals(1.0, JaroWinkler.similarity("DUPONT", "DUPONT"));
    assertEquals(0.0, JaroWinkler.similarity("ABC", "XYZ"));
    assertEquals(0.0, JaroWinkler.similarity("", "A"));
    assertEquals(1.0, JaroWinkler.similarity("", ""));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isSymmetricBounded_andTheByteKernelAgrees(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String a = word(r, 1 + r.nextInt(r.nextInt(10) == 0 ? 90 : 14));
    String b = r.nextBoolean() ? mutate(r, a) : word(r, 1 + r.nextInt(14));
    double ab = JaroWinkler.similarity(a, b);
    assertEquals(ab, JaroWinkler.similarity(b, a), 1e-12, a + "/" + b + " " + Seeds.describe(seed));
    assertEquals(ab, Kernels.jaroWinkler(a.getBytes(StandardCharsets.ISO_8859_1), b.getBytes(StandardCharsets.ISO_8859_1)),
        1e-12, a + "/" + b + " " + Seeds.describe(seed));
    assertEquals(true, ab >= 0 && ab <= 1, Seeds.describe(seed));
  }

  static String word(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('A' + r.nextInt(r.nextBoolean() ? 4 : 26)));
    }
    return b.toString();
  }

  static String mutate(SplittableRandom r, String a) {
    StringBuilder b = new StringBuilder(a);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && b.length() > 1; e++) {
      int i = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.setCharAt(i, (char) ('A' + r.nextInt(26)));
        case 1 -> b.deleteCharAt(i);
        default -> b.insert(i, (char) ('A' + r.nextInt(26)));
      }
    }
    return b.toString();
  }
}
