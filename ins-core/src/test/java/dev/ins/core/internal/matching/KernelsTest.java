package dev.ins.core.internal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KernelsTest {

  static LongStream seeds() {
    return Seeds.stream(1000);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void withinOneEdit_matchesTheOptimalStringAlignmentDistance(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String a = word(r, 1 + r.nextInt(8));
    StringBuilder b = new StringBuilder(a);
    int edits = r.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int i = r.nextInt(b.length());
      switch (r.nextInt(4)) {
        case 0 -> b.setCharAt(i, (char) ('A' + r.nextInt(3)));
        case 1 -> b.deleteCharAt(i);
        case 2 -> b.insert(i, (char) ('A' + r.nextInt(3)));
        default -> {
          if (i + 1 < b.length()) {
            char c = b.charAt(i);
            b.setCharAt(i, b.charAt(i + 1));
            b.setCharAt(i + 1, c);
          }
        }
      }
    }
    String s = b.toString();
    boolean expected = a.length() >= 3 && s.length() >= 3 && osa(a, s) == 1;
    assertEquals(expected, Kernels.withinOneEdit(bytes(a), bytes(s)), a + "/" + s + " " + Seeds.describe(seed));
  }

  @Test
  void dateRelations() {
    assertEquals(Kernels.DATE_EQUAL, Kernels.dateRelation(19800512, 19800512));
    assertEquals(Kernels.DATE_DAY_MONTH, Kernels.dateRelation(19800512, 19801205));
    assertEquals(Kernels.DATE_ONE_DIGIT, Kernels.dateRelation(19800512, 19800513));
    assertEquals(Kernels.DATE_TRANSPOSED, Kernels.dateRelation(19870512, 19780512));
    assertEquals(Kernels.DATE_MISSING, Kernels.dateRelation(0, 19780512));
    assertEquals(Kernels.DATE_OTHER, Kernels.dateRelation(19800512, 19811230));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String word(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('A' + r.nextInt(3)));
    }
    return b.toString();
  }

  /** Optimal string alignment distance, the textbook dynamic programme. */
  private static int osa(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
