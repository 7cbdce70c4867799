package dev.ins.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.matching.JaroWinkler;
import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our Jaro-Winkler agrees with Commons Text's to 1e-9 on random inputs. */
class JaroWinklerAgreementTest {

  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

  static LongStream seeds() {
    return Seeds.stream(2000);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void similarity_agreesWithCommonsText(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String a = word(r, r.nextInt(r.nextInt(20) == 0 ? 120 : 16));
    String b = r.nextInt(3) == 0 ? word(r, r.nextInt(16)) : mutate(r, a);
    assertEquals(COMMONS.apply(a, b), JaroWinkler.similarity(a, b), 1e-9, "[" + a + "] [" + b + "] " + Seeds.describe(seed));
  }

  static String word(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    int alphabet = 2 + r.nextInt(25);
    for (int i = 0; i < n; i++) {
      b.append(r.nextInt(30) == 0 ? (char) ('a' + r.nextInt(3)) : (char) ('A' + r.nextInt(alphabet)));
    }
    return b.toString();
  }

  static String mutate(SplittableRandom r, String a) {
    StringBuilder b = new StringBuilder(a);
    int edits = r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int i = b.length() == 0 ? 0 : r.nextInt(b.length());
      switch (b.length() == 0 ? 2 : r.nextInt(4)) {
        case 0 -> b.setCharAt(i, (char) ('A' + r.nextInt(26)));
        case 1 -> b.deleteCharAt(i);
        case 2 -> b.insert(i, (char) ('A' + r.nextInt(26)));
        default -> {
          if (i + 1 < b.length()) {
            char c = b.charAt(i);
            b.setCharAt(i, b.charAt(i + 1));
            b.setCharAt(i + 1, c);
          }
        }
      }
    }
    return b.toString();
  }
}
