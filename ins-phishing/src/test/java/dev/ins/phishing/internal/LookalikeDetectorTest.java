package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LookalikeDetectorTest {

  @Test
  void lureWords_segmentsConcatenationsOfKnownWordsOnly() {
    assertTrue(LookalikeDetector.lureWords("fr"));
    assertTrue(LookalikeDetector.lureWords("remboursementfr"));
    assertTrue(LookalikeDetector.lureWords("monespace"));
    assertFalse(LookalikeDetector.lureWords("c"));
    assertFalse(LookalikeDetector.lureWords(""));
    assertFalse(LookalikeDetector.lureWords("coiffure"));
  }

  @Test
  void embeds_needsTheBrandAtAWordBoundary() {
    assertTrue(LookalikeDetector.embeds("ameli-remboursement", new String[] {"ameli", "remboursement"}, "ameli"));
    assertTrue(LookalikeDetector.embeds("monameli", new String[] {"monameli"}, "ameli"));
    assertFalse(LookalikeDetector.embeds("camelia", new String[] {"camelia"}, "ameli"));
    assertTrue(LookalikeDetector.embeds("credit-agricole-pro", new String[] {"credit", "agricole", "pro"}, "credit-agricole"));
  }

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  /** The bounded distance agrees with a plain dynamic-programming one wherever it is within the bound. */
  @ParameterizedTest
  @MethodSource("seeds")
  void edits_agreesWithTheTextbookDistance(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String a = word(r);
    String b = r.nextBoolean() ? mutate(a, r) : word(r);
    int expected = osa(a, b);
    int got = Edits.distance(a, b, 2);
    assertEquals(Math.min(expected, 3), got, Seeds.describe(seed) + " " + a + "/" + b);
  }

  private static String word(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1 + r.nextInt(10); i++) {
      b.append((char) ('a' + r.nextInt(4)));
    }
    return b.toString();
  }

  private static String mutate(String s, SplittableRandom r) {
    StringBuilder b = new StringBuilder(s);
    int pos = r.nextInt(b.length());
    switch (r.nextInt(4)) {
      case 0 -> b.setCharAt(pos, 'z');
      case 1 -> b.insert(pos, 'y');
      case 2 -> b.deleteCharAt(pos);
      default -> {
        if (pos + 1 < b.length()) {
          char c = b.charAt(pos);
          b.setCharAt(pos, b.charAt(pos + 1));
          b.setCharAt(pos + 1, c);
        }
      }
    }
    return b.toString();
  }

  /** Textbook optimal string alignment distance, unbounded. */
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
