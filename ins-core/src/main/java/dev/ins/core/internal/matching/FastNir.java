package dev.ins.core.internal.matching;

/**
 * Allocation-free NIR key arithmetic: a weighted sum of the 13 digits with weights
 * {@code 10^(12-i) mod 97}, which breaks the serial multiply-add chain of Horner's rule.
 */
public final class FastNir {

  private static final int[] WEIGHTS = new int[13];
  private static final String[] KEYS = new String[98];

  static {
    int w = 1;
    for (int i = 12; i >= 0; i--) {
      WEIGHTS[i] = w;
      w = w * 10 % 97;
    }
    for (int k = 0; k < KEYS.length; k++) {
      KEYS[k] = k < 10 ? "0" + k : Integer.toString(k);
    }
  }

  private FastNir() {}

  /**
   * Key of 13 characters starting at {@code from}: digits, or {@code 2A}/{@code 2B} at offsets
   * 5–6.
   *
   * @param s the text
   * @param from the offset of the first character
   * @return the key 1–97, or -1 when a character is not allowed
   */
  public static int key(CharSequence s, int from) {
    // Fast path, branch-free: 13 independent multiply-adds, and one test of the OR of every
    // digit's range checks (negative when a character is not a digit) at the end.
    int sum = 0;
    int bad = 0;
    for (int i = 0; i < 13; i++) {
      int d = s.charAt(from + i) - '0';
      bad |= d | (9 - d);
      sum += d * WEIGHTS[i];
    }
    if (bad >= 0) {
      return 97 - sum % 97;
    }
    return slowKey(s, from);
  }

  /** The key when some character is not a digit: Corsica ({@code 2A}, {@code 2B}) or invalid. */
  private static int slowKey(CharSequence s, int from) {
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      int d = s.charAt(from + i) - '0';
      if (d < 0 || d > 9) {
        if (i == 6 && s.charAt(from + 5) == '2') {
          char c = s.charAt(from + 6);
          if (c == 'A' || c == 'B') {
            // 2A -> 19, 2B -> 18: the preceding '2' (weight of position 5) becomes 1
            sum += WEIGHTS[5] * (1 - 2) + WEIGHTS[6] * (c == 'A' ? 9 : 8);
            continue;
          }
        }
        return -1;
      }
      sum += d * WEIGHTS[i];
    }
    return 97 - sum % 97;
  }

  /**
   * The two-digit text of a key.
   *
   * @param key 0–97
   * @return {@code "01"} … {@code "97"}
   */
  public static String keyText(int key) {
    return KEYS[key];
  }
}
