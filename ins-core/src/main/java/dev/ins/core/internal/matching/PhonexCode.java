package dev.ins.core.internal.matching;

/** Implementation of {@link dev.ins.core.matching.Phonex}: in-place rewriting of a char buffer. */
public final class PhonexCode {

  // The literal rewrites, in the order Brouard's algorithm applies them. They are data applied by
  // one loop (not one call per rewrite): a single small compiled loop instead of ~30 inlined copies,
  // which made the JIT spend seconds recompiling this method in large duplicate-detection runs.
  private static final String[][] RULE_3 = {{"PH", "F"}};
  private static final String[][] RULES_6_7 = {
    {"EAU", "O"}, {"OUA", "2"}, {"EIN", "4"}, {"AIN", "4"}, {"EIM", "4"}, {"AIM", "4"}, // rule 6
    {"AI", "Y"}, {"EI", "Y"}, {"ER", "YR"}, {"ESS", "YS"}, {"ET", "YT"}, {"EZ", "YZ"} // rule 7
  };
  private static final String[][] RULES_10_11 = {
    {"OE", "E"}, {"EU", "E"}, {"AU", "O"}, {"OI", "2"}, {"OU", "3"}, // rule 10
    {"SCH", "5"}, {"CH", "5"}, {"SH", "5"}, {"SS", "S"}, {"SC", "S"} // rule 11
  };
  private static final String[][] RULE_13 = {{"QU", "K"}, {"GU", "K"}};

  private PhonexCode() {}

  /**
   * Computes the key.
   *
   * @param name the name
   * @return the key
   */
  public static String encode(CharSequence name) {
    int n = name.length();
    // Four spare cells: the rules look up to three characters ahead behind a length test, and the
    // JIT hoists those array bounds checks out of the loops; with the slack they always hold, so it
    // never has to throw the compiled code away and recompile (which cost seconds in large runs).
    char[] s = new char[n + 4];
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - 32);
      }
      if (c >= 'A' && c <= 'Z') {
        s[len++] = c == 'Y' ? 'I' : c; // rule 1
      }
    }
    // rule 2: H dropped unless after C, S or P
    int w = 0;
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (c == 'H' && !(i > 0 && (s[i - 1] == 'C' || s[i - 1] == 'S' || s[i - 1] == 'P'))) {
        continue;
      }
      s[w++] = c;
    }
    len = w;
    len = replaceAll(s, len, RULE_3);
    // rule 4: G before AN, AM, AIN, AIM -> K
    for (int i = 0; i + 2 < len; i++) {
      if (s[i] == 'G' && s[i + 1] == 'A') {
        char c = s[i + 2];
        if (c == 'N' || c == 'M' || (c == 'I' && i + 3 < len && (s[i + 3] == 'N' || s[i + 3] == 'M'))) {
          s[i] = 'K';
        }
      }
    }
    // rule 5: [AE]I[NM] before a vowel -> YN
    w = 0;
    int skip = 0;
    for (int i = 0; i < len; i++) {
      if (skip > 0) {
        skip--;
      } else if (i + 3 < len && (s[i] == 'A' || s[i] == 'E') && s[i + 1] == 'I' && (s[i + 2] == 'N' || s[i + 2] == 'M')
          && isVowel(s[i + 3])) {
        s[w++] = 'Y';
        s[w++] = 'N';
        skip = 2;
      } else {
        s[w++] = s[i];
      }
    }
    len = w;
    len = replaceAll(s, len, RULES_6_7);
    // rule 8: AN, AM, EN, EM -> 1 and IN -> 4 unless followed by a vowel or a sound 1-4
    w = 0;
    skip = 0;
    for (int i = 0; i < len; i++) {
      if (skip > 0) {
        skip--;
        continue;
      }
      char c = s[i];
      if (i + 1 < len && (i + 2 >= len || !isVowelOrSound(s[i + 2]))) {
        char d = s[i + 1];
        if ((c == 'A' || c == 'E') && (d == 'N' || d == 'M')) {
          s[w++] = '1';
          skip = 1;
          continue;
        }
        if (c == 'I' && d == 'N') {
          s[w++] = '4';
          skip = 1;
          continue;
        }
      }
      s[w++] = c;
    }
    len = w;
    // rule 9: S between vowels or sounds -> Z
    for (int i = 1; i + 1 < len; i++) {
      if (s[i] == 'S' && isVowelOrSound(s[i - 1]) && isVowelOrSound(s[i + 1])) {
        s[i] = 'Z';
      }
    }
    len = replaceAll(s, len, RULES_10_11);
    // rule 12: C before E or I -> S
    for (int i = 0; i + 1 < len; i++) {
      if (s[i] == 'C' && (s[i + 1] == 'E' || s[i + 1] == 'I')) {
        s[i] = 'S';
      }
    }
    len = replaceAll(s, len, RULE_13);
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (c == 'C' || c == 'Q') {
        s[i] = 'K';
      } else if (c == 'G' && i + 1 < len && (s[i + 1] == 'A' || s[i + 1] == 'O')) {
        s[i] = 'K'; // Brouard's GY rule cannot fire: rule 1 already turned every Y into I
      }
    }
    // rule 14
    for (int i = 0; i < len; i++) {
      switch (s[i]) {
        case 'A' -> s[i] = 'O';
        case 'D', 'P' -> s[i] = 'T';
        case 'J' -> s[i] = 'G';
        case 'B', 'V' -> s[i] = 'F';
        case 'M' -> s[i] = 'N';
        default -> { }
      }
    }
    // rule 15: collapse doubled letters
    w = 0;
    for (int i = 0; i < len; i++) {
      if (w == 0 || s[w - 1] != s[i]) {
        s[w++] = s[i];
      }
    }
    len = w;
    // rule 16: drop a final T or X
    if (len > 0 && (s[len - 1] == 'T' || s[len - 1] == 'X')) {
      len--;
    }
    return new String(s, 0, len);
  }

  private static boolean isVowel(char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
  }

  private static boolean isVowelOrSound(char c) {
    return isVowel(c) || (c >= '1' && c <= '4');
  }

  /** Applies each rewrite of {@code rules} in turn. */
  private static int replaceAll(char[] s, int len, String[][] rules) {
    int l = len;
    for (String[] rule : rules) {
      l = replace(s, l, rule[0], rule[1]);
    }
    return l;
  }

  /** Replaces every non-overlapping occurrence, left to right; {@code to} is never longer. */
  private static int replace(char[] s, int len, String from, String to) {
    int fl = from.length();
    int w = 0;
    int skip = 0;
    for (int i = 0; i < len; i++) {
      if (skip > 0) {
        skip--;
      } else if (i + fl <= len && matches(s, i, from)) {
        for (int k = 0; k < to.length(); k++) {
          s[w++] = to.charAt(k);
        }
        skip = fl - 1;
      } else {
        s[w++] = s[i];
      }
    }
    return w;
  }

  private static boolean matches(char[] s, int at, String from) {
    for (int k = 0; k < from.length(); k++) {
      if (s[at + k] != from.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
