package dev.ins.phishing.internal;

import java.text.Normalizer;

/**
 * Folds French text for keyword matching: lower case, accents removed, typographic apostrophes
 * and dashes made plain, white space (including non-breaking) collapsed to one space.
 */
final class TextFold {

  private static final char[] LATIN = new char[0x250];

  static {
    for (char c = 0; c < LATIN.length; c++) {
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char base = d.charAt(0);
      LATIN[c] = Character.toLowerCase(base);
    }
    LATIN['œ'] = 'o';
    LATIN['Œ'] = 'o';
    LATIN['æ'] = 'a';
    LATIN['Æ'] = 'a';
    LATIN['ß'] = 's';
  }

  private TextFold() {}

  /**
   * Folds at most {@code max} characters of a text.
   *
   * @param s the text
   * @param max the most characters read
   * @return the folded text
   */
  static String fold(CharSequence s, int max) {
    int n = Math.min(s.length(), max);
    StringBuilder b = new StringBuilder(n);
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F') {
        space = true;
        continue;
      }
      if (space) {
        if (b.length() > 0) {
          b.append(' ');
        }
        space = false;
      }
      if (c < LATIN.length) {
        b.append(LATIN[c]);
      } else if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
        b.append('\'');
      } else if (c >= '\u2010' && c <= '\u2015') {
        b.append('-');
      } else {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
