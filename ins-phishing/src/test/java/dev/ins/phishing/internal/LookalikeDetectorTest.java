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

  /**
   * The bounded distance behaves as an edit distance: zero only for equal strings, symmetric, one
   * edit (substitution, insertion, deletion, adjacent transposition) away is one, and the early exit
   * of a small bound agrees with a larger bound. (Optimal string alignment is not a metric: two edits
   * can be three apart, e.g. a transposition then an insertion between the swapped letters.)
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void edits_behavesAsAnEditDistance(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String a = word(r);
    String once = mutate(a, r);
    String other = word(r);
    String why = Seeds.describe(seed) + " " + a + "/" + once + "/" + other;
    assertEquals(0, Edits.distance(a, a, 2), why);
    assertEquals(a.equals(once) ? 0 : 1, Edits.distance(a, once, 2), why);
    assertEquals(Edits.distance(a, other, 2), Edits.distance(other, a, 2), why);
    assertEquals(Math.min(Edits.distance(a, other, 6), 3), Edits.distance(a, other, 2), why);
    if (a.equals(other)) {
      assertEquals(0, Edits.distance(a, other, 2), why);
    } else {
      assertTrue(Edits.distance(a, other, 2) > 0, why);
    }
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
    int pos = r.nextInt(b.length() + 1);
    switch (r.nextInt(4)) {
      case 0 -> {
        if (pos < b.length()) {
          b.setCharAt(pos, 'z');
        }
      }
      case 1 -> b.insert(pos, 'y');
      case 2 -> {
        if (pos < b.length() && b.length() > 1) {
          b.deleteCharAt(pos);
        }
      }
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
}
