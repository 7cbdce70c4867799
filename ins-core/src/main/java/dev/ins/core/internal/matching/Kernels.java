package dev.ins.core.internal.matching;

/** Byte-level kernels of the duplicate detector: letters-only names, Jaro-Winkler, date distances. */
public final class Kernels {

  private Kernels() {}

  /**
   * The letters of an INS-form text, separators removed ({@code LE-GALL} → {@code LEGALL}).
   *
   * @param s the text, or null
   * @param from first index
   * @param to end index (exclusive)
   * @return the letters, or null when s is null or holds none
   */
  public static byte[] letters(String s, int from, int to) {
    if (s == null) {
      return null;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    byte[] b = new byte[n];
    int k = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b[k++] = (byte) c;
      }
    }
    return b;
  }

  /**
   * The first three letters packed in 15 bits (A=1 … Z=26, 0 when shorter).
   *
   * @param b letters, not null
   * @return the packed prefix
   */
  public static int prefix3(byte[] b) {
    int p = 0;
    for (int i = 0; i < 3; i++) {
      p = p << 5 | (i < b.length ? b[i] - 'A' + 1 : 0);
    }
    return p;
  }

  /**
   * Jaro-Winkler on letters, same definition as {@link dev.ins.core.matching.JaroWinkler}.
   *
   * @param first the first string
   * @param second the second string
   * @return the similarity
   */
  public static double jaroWinkler(byte[] first, byte[] second) {
    return jaroWinkler(first, 0, first.length, second, 0, second.length);
  }

  /**
   * Jaro-Winkler on ranges of letter arrays, same definition as
   * {@link dev.ins.core.matching.JaroWinkler}.
   *
   * @param a the array of the first string
   * @param ao its offset
   * @param la its length
   * @param b the array of the second string
   * @param bo its offset
   * @param lb its length
   * @return the similarity
   */
  public static double jaroWinkler(byte[] a, int ao, int la, byte[] b, int bo, int lb) {
    byte[] max;
    int maxOff;
    byte[] min;
    int minOff;
    int maxLen;
    int minLen;
    if (la > lb) {
      max = a;
      maxOff = ao;
      maxLen = la;
      min = b;
      minOff = bo;
      minLen = lb;
    } else {
      max = b;
      maxOff = bo;
      maxLen = lb;
      min = a;
      minOff = ao;
      minLen = la;
    }
    if (maxLen == 0) {
      return 1d;
    }
    if (minLen == 0) {
      return 0d;
    }
    if (maxLen > 64) {
      return dev.ins.core.matching.JaroWinkler.similarity(
          new String(a, ao, la, java.nio.charset.StandardCharsets.ISO_8859_1),
          new String(b, bo, lb, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    int range = Math.max(maxLen / 2 - 1, 0);
    long maxFlags = 0;
    long minFlags = 0;
    int m = 0;
    for (int mi = 0; mi < minLen; mi++) {
      byte c = min[minOff + mi];
      int hi = Math.min(mi + range + 1, maxLen);
      for (int xi = Math.max(mi - range, 0); xi < hi; xi++) {
        if ((maxFlags & (1L << xi)) == 0 && c == max[maxOff + xi]) {
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
      if (min[minOff + Long.numberOfTrailingZeros(minFlags)] != max[maxOff + Long.numberOfTrailingZeros(maxFlags)]) {
        half++;
      }
      minFlags &= minFlags - 1;
      maxFlags &= maxFlags - 1;
    }
    int prefix = 0;
    int pl = Math.min(4, minLen);
    for (int i = 0; i < pl; i++) {
      if (a[ao + i] == b[bo + i]) {
        prefix++;
      } else {
        break;
      }
    }
    double md = m;
    double j = (md / la + md / lb + (md - (double) half / 2) / md) / 3;
    return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
  }

  /**
   * Tells whether two names of at least 3 letters are one edit apart: one substitution, insertion,
   * deletion or swap of adjacent letters (optimal string alignment distance 1).
   *
   * @param a letters
   * @param b letters
   * @return true when exactly one edit apart
   */
  public static boolean withinOneEdit(byte[] a, byte[] b) {
    return withinOneEdit(a, 0, a.length, b, 0, b.length);
  }

  /**
   * {@link #withinOneEdit(byte[], byte[])} on ranges of letter arrays.
   *
   * @param a the array of the first name
   * @param ao its offset
   * @param la its length
   * @param b the array of the second name
   * @param bo its offset
   * @param lb its length
   * @return true when exactly one edit apart
   */
  public static boolean withinOneEdit(byte[] a, int ao, int la, byte[] b, int bo, int lb) {
    if (la < 3 || lb < 3 || Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a[ao + i] == b[bo + i]) {
      i++;
    }
    if (la == lb) {
      if (i == la) {
        return false; // equal
      }
      if (tailEquals(a, ao, la, i + 1, b, bo, lb, i + 1)) {
        return true; // substitution
      }
      return i + 1 < la && a[ao + i] == b[bo + i + 1] && a[ao + i + 1] == b[bo + i]
          && tailEquals(a, ao, la, i + 2, b, bo, lb, i + 2);
    }
    return la > lb ? tailEquals(a, ao, la, i + 1, b, bo, lb, i) : tailEquals(a, ao, la, i, b, bo, lb, i + 1);
  }

  private static boolean tailEquals(byte[] a, int ao, int la, int i, byte[] b, int bo, int lb, int j) {
    if (la - i != lb - j) {
      return false;
    }
    return java.util.Arrays.equals(a, ao + i, ao + la, b, bo + j, bo + lb);
  }

  /** Dates are {@code yyyymmdd} ints; 0 is unknown. Kinds returned by {@link #dateRelation}. */
  public static final int DATE_EQUAL = 0;
  /** Day and month swapped. */
  public static final int DATE_DAY_MONTH = 1;
  /** One of the 8 digits differs. */
  public static final int DATE_ONE_DIGIT = 2;
  /** Two adjacent digits swapped. */
  public static final int DATE_TRANSPOSED = 3;
  /** A date is unknown. */
  public static final int DATE_MISSING = 4;
  /** Anything else. */
  public static final int DATE_OTHER = 5;

  /**
   * Classifies two dates: equal, day/month swapped, one digit off, adjacent digits transposed.
   *
   * @param a {@code yyyymmdd} or 0
   * @param b {@code yyyymmdd} or 0
   * @return one of the {@code DATE_*} constants
   */
  public static int dateRelation(int a, int b) {
    if (a == 0 || b == 0) {
      return DATE_MISSING;
    }
    if (a == b) {
      return DATE_EQUAL;
    }
    int ya = a / 10000;
    int yb = b / 10000;
    int ma = a / 100 % 100;
    int mb = b / 100 % 100;
    int da = a % 100;
    int db = b % 100;
    if (ya == yb && ma == db && da == mb) {
      return DATE_DAY_MONTH;
    }
    int diff = 0;
    int firstDiff = -1;
    int x = a;
    int y = b;
    for (int i = 0; i < 8; i++) {
      if (x % 10 != y % 10) {
        diff++;
        if (firstDiff < 0) {
          firstDiff = i;
        }
      }
      x /= 10;
      y /= 10;
    }
    if (diff == 1) {
      return DATE_ONE_DIGIT;
    }
    if (diff == 2) {
      // adjacent transposition: digits i and i+1 swapped
      int p = pow10(firstDiff);
      int da1 = a / p % 10;
      int da2 = a / (p * 10) % 10;
      int db1 = b / p % 10;
      int db2 = b / (p * 10) % 10;
      if (da1 == db2 && da2 == db1) {
        return DATE_TRANSPOSED;
      }
    }
    return DATE_OTHER;
  }

  private static int pow10(int e) {
    int p = 1;
    for (int i = 0; i < e; i++) {
      p *= 10;
    }
    return p;
  }

  /**
   * A 64-bit mix (MurmurHash3's finaliser) of a slot and a raw key, cut to 37 bits.
   *
   * @param slot the blocking slot
   * @param raw the raw key
   * @return the mixed key, non-negative, below 2^37
   */
  public static long mix(int slot, long raw) {
    long h = raw * 31 + slot * 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h & ((1L << 37) - 1);
  }
}
