package dev.ins.phishing.internal;

import dev.ins.core.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes evidence taken from a message into a reason: control, bidirectional and invisible
 * characters removed, white space collapsed, anything shaped like a NIR masked, and the length
 * bounded.
 */
public final class Evidence {

  /** The longest quotation, in characters. */
  public static final int MAX = 80;

  private static final Pattern NIR_SHAPED = Pattern.compile(
      "(?<![0-9A-Za-z])[1-8] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[AaBb]) ?[0-9]{3} ?[0-9]{3}(?: ?[0-9]{2})?(?![0-9A-Za-z])");

  private Evidence() {}

  /**
   * Quotes a value for a French message, between guillemets.
   *
   * @param value the value as the message shows it
   * @return {@code « value »}, cleaned, masked and shortened
   */
  public static String quote(String value) {
    return "« " + clean(value, MAX) + " »";
  }

  /**
   * Cleans a value: invisible and control characters removed, NIR-shaped runs masked, shortened.
   *
   * @param value the value, may be null
   * @param max the longest result, in characters
   * @return the cleaned value
   */
  public static String clean(String value, int max) {
    if (value == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(value.length(), max + 16));
    boolean space = false;
    for (int i = 0; i < value.length() && b.length() <= max + 40; i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        space = b.length() > 0;
        continue;
      }
      if (invisible(c)) {
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    String s = mask(b.toString());
    if (s.length() > max) {
      int cut = max - 1;
      if (Character.isHighSurrogate(s.charAt(cut - 1))) {
        cut--;
      }
      s = s.substring(0, cut) + "…";
    }
    return s;
  }

  /**
   * Masks the runs shaped like a NIR (13 or 15 characters, spaced or not).
   *
   * @param s the text
   * @return the text with each such run masked but for its last two characters
   */
  public static String mask(String s) {
    Matcher m = NIR_SHAPED.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int last = 0;
    do {
      b.append(s, last, m.start()).append(Masking.matricule(m.group().replace(" ", "")));
      last = m.end();
    } while (m.find());
    return b.append(s, last, s.length()).toString();
  }

  /**
   * Tells whether a character is a control, format (bidirectional, zero-width) or private-use one.
   *
   * @param c the character
   * @return true when it must not be shown
   */
  public static boolean invisible(char c) {
    int t = Character.getType(c);
    return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.UNASSIGNED;
  }
}
