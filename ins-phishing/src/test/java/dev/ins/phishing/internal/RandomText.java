package dev.ins.phishing.internal;

import java.util.SplittableRandom;

/** Random strings over a small alphabet, for the parsers' property tests. */
final class RandomText {

  private RandomText() {}

  /**
   * Draws a string.
   *
   * @param r the generator
   * @param alphabet the characters to draw from
   * @param maxLength the longest string, exclusive
   * @return the string
   */
  static String of(SplittableRandom r, String alphabet, int maxLength) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(maxLength); i > 0; i--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
