package dev.ins.core.internal.matching;

/** Implementation of {@link dev.ins.core.matching.Phonex}: in-place rewriting of a char buffer. */
public final class PhonexCode {

  private PhonexCode() {}

  /**
   * Computes the key.
   *
   * @param name the name
   * @return the key
   */
  public static String encode(CharSequence name) {
    int n = name.length();
    char[] s = new char[n];
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
    len = replace(s, len, "PH", "F"); // rule 3
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
    for (int i = 0; i < len; ) {
      if (i + 3 < len && (s[i] == 'A' || s[i] == 'E') && s[i + 1] == 'I' && (s[i + 2] == 'N' || s[i + 2] == 'M')
          && isVowel(s[i + 3])) {
        s[w++] = 'Y';
        s[w++] = 'N';
        i += 3;
      } else {
        s[w++] = s[i++];
      }
    }
    len = w;
    // rule 6
    len = replace(s, len, "EAU", "O");
    len = replace(s, len, "OUA", "2");
    len = replace(s, len, "EIN", "4");
    len = replace(s, len, "AIN", "4");
    len = replace(s, len, "EIM", "4");
    len = replace(s, len, "AIM", "4");
    // rule 7
    len = replace(s, len, "AI", "Y");
    len = replace(s, len, "EI", "Y");
    len = replace(s, len, "ER", "YR");
    len = replace(s, len, "ESS", "YS");
    len = replace(s, len, "ET", "YT");
    len = replace(s, len, "EZ", "YZ");
    // rule 8: AN, AM, EN, EM -> 1 and IN -> 4 unless followed by a vowel or a sound 1-4
    w = 0;
    for (int i = 0; i < len; ) {
      char c = s[i];
      if (i + 1 < len && (i + 2 >= len || !isVowelOrSound(s[i + 2]))) {
        char d = s[i + 1];
        if ((c == 'A' || c == 'E') && (d == 'N' || d == 'M')) {
          s[w++] = '1';
          i += 2;
          continue;
        }
        if (c == 'I' && d == 'N') {
          s[w++] = '4';
          i += 2;
          continue;
        }
      }
      s[w++] = c;
      i++;
    }
    len = w;
    // rule 9: S between vowels or sounds -> Z
    for (int i = 1; i + 1 < len; i++) {
      if (s[i] == 'S' && isVowelOrSound(s[i - 1]) && isVowelOrSound(s[i + 1])) {
        s[i] = 'Z';
      }
    }
    // rule 10
    len = replace(s, len, "OE", "E");
    len = replace(s, len, "EU", "E");
    len = replace(s, len, "AU", "O");
    len = replace(s, len, "OI", "2");
    len = replace(s, len, "OU", "3");
    // rule 11
    len = replace(s, len, "SCH", "5");
    len = replace(s, len, "CH", "5");
    len = replace(s, len, "SH", "5");
    len = replace(s, len, "SS", "S");
    len = replace(s, len, "SC", "S");
    // rule 12: C before E or I -> S
    for (int i = 0; i + 1 < len; i++) {
      if (s[i] == 'C' && (s[i + 1] == 'E' || s[i + 1] == 'I')) {
        s[i] = 'S';
      }
    }
    // rule 13
    len = replace(s, len, "QU", "K");
    len = replace(s, len, "GU", "K");
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

  /** Replaces every non-overlapping occurrence, left to right; {@code to} is never longer. */
  private static int replace(char[] s, int len, String from, String to) {
    int fl = from.length();
    int w = 0;
    int i = 0;
    while (i < len) {
      if (i + fl <= len && matches(s, i, from)) {
        for (int k = 0; k < to.length(); k++) {
          s[w++] = to.charAt(k);
        }
        i += fl;
      } else {
        s[w++] = s[i++];
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
