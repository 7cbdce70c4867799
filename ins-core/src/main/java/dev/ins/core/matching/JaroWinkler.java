package dev.ins.core.matching;

/**
 * Jaro-Winkler similarity, allocation-free for strings of up to 64 characters.
 *
 * <p>Same definition as Apache Commons Text's {@code JaroWinklerSimilarity} (and equal to it within
 * 1e-9, checked by a property test): match window {@code max(len/2 - 1, 0)} over the longer string,
 * half-transpositions counted over matched characters in order, a common prefix of at most 4
 * characters and a scaling factor of 0.1 applied only when the Jaro similarity is at least 0.7.
 * Two empty strings are identical (1.0); an empty and a non-empty string share nothing (0.0).
 *
 * <pre>{@code
 * JaroWinkler.similarity("MARTHA", "MARHTA"); // 0.9611...
 * JaroWinkler.similarity("DUPONT", "DUPONT"); // 1.0
 * }</pre>
 */
public final class JaroWinkler {

  private JaroWinkler() {}

  /**
   * Computes the Jaro-Winkler similarity of two strings.
   *
   * @param first the first string, not null
   * @param second the second string, not null
   * @return the similarity in [0, 1], 1 for identical strings
   * @throws NullPointerException if either string is null
   */
  public static double similarity(CharSequence first, CharSequence second) {
    int la = first.length();
    int lb = second.length();
    CharSequence max;
    CharSequence min;
    if (la > lb) {
      max = first;
      min = second;
    } else {
      max = second;
      min = first;
    }
    int maxLen = max.length();
    int minLen = min.length();
    if (maxLen == 0) {
      return 1d;
    }
    if (minLen == 0) {
      return 0d;
    }
    if (maxLen > 64) {
      return slow(first, second, max, min);
    }
    int range = Math.max(maxLen / 2 - 1, 0);
    long maxFlags = 0;
    long minFlags = 0;
    int m = 0;
    for (int mi = 0; mi < minLen; mi++) {
      char c = min.charAt(mi);
      int hi = Math.min(mi + range + 1, maxLen);
      for (int xi = Math.max(mi - range, 0); xi < hi; xi++) {
        if ((maxFlags & (1L << xi)) == 0 && c == max.charAt(xi)) {
          maxFlags |= 1L << xi;
          minFlags |= 1L << mi;
          m++;
          break;
        }
      }
    }
    if (m == 0) {
      return 0d;
    }
    int half = 0;
    while (minFlags != 0) {
      if (min.charAt(Long.numberOfTrailingZeros(minFlags)) != max.charAt(Long.numberOfTrailingZeros(maxFlags))) {
        half++;
      }
      minFlags &= minFlags - 1;
      maxFlags &= maxFlags - 1;
    }
    return finish(first, second, la, lb, minLen, m, half);
  }

  private static double finish(CharSequence first, CharSequence second, int la, int lb, int minLen,
      int matches, int half) {
    int prefix = 0;
    int pl = Math.min(4, minLen);
    for (int i = 0; i < pl; i++) {
      if (first.charAt(i) == second.charAt(i)) {
        prefix++;
      } else {
        break;
      }
    }
    double m = matches;
    double j = (m / la + m / lb + (m - (double) half / 2) / m) / 3;
    return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
  }

  /** Strings longer than 64 characters: the same algorithm with flag arrays. */
  private static double slow(CharSequence first, CharSequence second, CharSequence max, CharSequence min) {
    int maxLen = max.length();
    int minLen = min.length();
    int range = Math.max(maxLen / 2 - 1, 0);
    boolean[] maxFlags = new boolean[maxLen];
    boolean[] minFlags = new boolean[minLen];
    int m = 0;
    for (int mi = 0; mi < minLen; mi++) {
      char c = min.charAt(mi);
      int hi = Math.min(mi + range + 1, maxLen);
      for (int xi = Math.max(mi - range, 0); xi < hi; xi++) {
        if (!maxFlags[xi] && c == max.charAt(xi)) {
          maxFlags[xi] = true;
          minFlags[mi] = true;
          m++;
          break;
        }
      }
    }
    if (m == 0) {
      return 0d;
    }
    int half = 0;
    int xi = 0;
    for (int mi = 0; mi < minLen; mi++) {
      if (minFlags[mi]) {
        while (!maxFlags[xi]) {
          xi++;
        }
        if (min.charAt(mi) != max.charAt(xi)) {
          half++;
        }
        xi++;
      }
    }
    return finish(first, second, first.length(), second.length(), minLen, m, half);
  }
}
