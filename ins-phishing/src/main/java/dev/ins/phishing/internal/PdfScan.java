package dev.ins.phishing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A bounded scan of a PDF for what triage needs, without a PDF library: the targets of its URI
 * actions ({@code /URI (...)} in link annotations, in the file or inside Flate-compressed streams
 * such as object streams), the web addresses its JavaScript actions ({@code /JS}) or its shown text
 * hold (viewers make a written address clickable), and how much text its content streams show (the
 * string operands between {@code BT} and {@code ET}).
 *
 * <p>This is not a PDF parser: it searches the bytes, inflates at most {@value #MAX_STREAMS}
 * Flate streams and {@value #MAX_INFLATED} bytes in all, skips images, and keeps at most
 * {@value #MAX_URIS} targets. A malformed or encrypted file gives what could be read.
 */
final class PdfScan {

  /** The most Flate streams inflated per file. */
  static final int MAX_STREAMS = 256;
  /** The most bytes inflated per file, all streams together. */
  static final int MAX_INFLATED = 8 * 1024 * 1024;
  /** The most URI targets kept. */
  static final int MAX_URIS = 50;
  /** The longest URI kept, in characters. */
  static final int MAX_URI_CHARS = 2048;

  /**
   * What was found.
   *
   * @param uris the URI action targets, in order of appearance, without duplicates
   * @param textChars how many characters the content streams show (approximately)
   * @param truncated whether a bound stopped the scan
   */
  record Result(List<String> uris, int textChars, boolean truncated) {}

  private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile(
      "(?i)\\b(?:https?://|www\\.)[^\\s()<>\"'\\\\]{2," + MAX_URI_CHARS + "}");
  /** The most characters of shown text kept to look for written addresses. */
  static final int MAX_SHOWN_CHARS = 64 * 1024;

  private final List<String> uris = new ArrayList<>(2);
  private final StringBuilder shown = new StringBuilder();
  private int textChars;
  private boolean truncated;
  private int inflatedTotal;

  private PdfScan() {}

  /**
   * Scans a PDF held in memory.
   *
   * @param pdf the bytes (the whole file, or its beginning)
   * @return the targets and the amount of text
   */
  static Result scan(byte[] pdf) {
    PdfScan s = new PdfScan();
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    s.uris(raw);
    s.text(raw);
    s.streams(pdf, raw);
    s.addresses(s.shown);
    return new Result(List.copyOf(s.uris), s.textChars, s.truncated);
  }

  /** Inflates the Flate streams that are not images and scans their content. */
  private void streams(byte[] pdf, String raw) {
    int from = 0;
    int count = 0;
    while (true) {
      int kw = raw.indexOf("stream", from);
      if (kw < 0) {
        return;
      }
      from = kw + 6;
      if (kw >= 3 && raw.startsWith("end", kw - 3)) {
        continue;
      }
      int start = from;
      if (start < raw.length() && raw.charAt(start) == '\r') {
        start++;
      }
      if (start < raw.length() && raw.charAt(start) == '\n') {
        start++;
      } else if (start == from) {
        continue; // "stream" inside a name or a string, not the keyword
      }
      // The stream's dictionary: at most 1 KiB back, after the last "obj" or "endstream" in that window
      // (searching further back for each keyword would be quadratic on a hostile file).
      String window = raw.substring(Math.max(0, kw - 1024), kw);
      String dict = window.substring(Math.max(0, Math.max(window.lastIndexOf("obj"), window.lastIndexOf("endstream"))));
      int end = raw.indexOf("endstream", start);
      if (end < 0) {
        end = raw.length();
      }
      from = Math.max(from, end);
      if (!dict.contains("/FlateDecode") || dict.contains("/Image") || dict.contains("/DCTDecode")) {
        continue;
      }
      if (++count > MAX_STREAMS || inflatedTotal >= MAX_INFLATED) {
        truncated = true;
        return;
      }
      String content = inflate(pdf, start, end - start);
      if (content != null) {
        uris(content);
        text(content);
      }
    }
  }

  private String inflate(byte[] pdf, int offset, int length) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(pdf, offset, length);
      byte[] buf = new byte[Math.min(64 * 1024, MAX_INFLATED - inflatedTotal)];
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      while (!inf.finished() && inflatedTotal < MAX_INFLATED) {
        int n = inf.inflate(buf, 0, Math.min(buf.length, MAX_INFLATED - inflatedTotal));
        if (n == 0) {
          if (inf.needsInput() || inf.needsDictionary()) {
            break;
          }
          continue;
        }
        inflatedTotal += n;
        out.write(buf, 0, n);
      }
      if (!inf.finished() && inflatedTotal >= MAX_INFLATED) {
        truncated = true;
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    } catch (DataFormatException | RuntimeException e) {
      return null;
    } finally {
      inf.end();
    }
  }

  /** Collects the web addresses written in a text (shown text, JavaScript). */
  private void addresses(CharSequence text) {
    java.util.regex.Matcher m = WEB_ADDRESS.matcher(text);
    while (m.find()) {
      String u = m.group();
      while (!u.isEmpty() && ".,;:!?]}".indexOf(u.charAt(u.length() - 1)) >= 0) {
        u = u.substring(0, u.length() - 1);
      }
      add(u);
      if (truncated) {
        return;
      }
    }
  }

  private void add(String value) {
    String v = value.strip();
    if (v.isEmpty() || uris.contains(v)) {
      return;
    }
    if (uris.size() >= MAX_URIS) {
      truncated = true;
      return;
    }
    uris.add(v);
  }

  /** Collects the targets of {@code /URI} entries and the addresses in {@code /JS} strings. */
  private void uris(String s) {
    int js = 0;
    while ((js = s.indexOf("/JS", js)) >= 0) {
      int j = js + 3;
      while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
        j++;
      }
      js += 3;
      if (j < s.length() && s.charAt(j) == '(') {
        int[] end = new int[1];
        addresses(literal(s, j, end));
        js = end[0];
      }
    }
    int from = 0;
    while (true) {
      int i = s.indexOf("/URI", from);
      if (i < 0) {
        return;
      }
      from = i + 4;
      int j = from;
      while (j < s.length() && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == 0)) {
        j++;
      }
      if (j >= s.length()) {
        return;
      }
      String value = null;
      if (s.charAt(j) == '(') {
        int[] end = new int[1];
        value = literal(s, j, end);
        from = end[0];
      } else if (s.charAt(j) == '<' && (j + 1 >= s.length() || s.charAt(j + 1) != '<')) {
        int close = indexWithin(s, '>', j, 2 * MAX_URI_CHARS + 2);
        if (close > 0) {
          value = hex(s.substring(j + 1, close));
          from = close + 1;
        }
      }
      if (value != null) {
        add(value);
        if (truncated) {
          return;
        }
      }
    }
  }

  /** Reads a literal string starting at {@code open} (a '('); {@code end[0]} is set past it. */
  static String literal(String s, int open, int[] end) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    int i = open;
    for (; i < s.length() && b.length() <= MAX_URI_CHARS; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case '\r', '\n' -> {
            // line continuation
          }
          default -> {
            if (n >= '0' && n <= '7') {
              int v = n - '0';
              int k = 1;
              while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                v = v * 8 + s.charAt(++i) - '0';
                k++;
              }
              b.append((char) (v & 0xFF));
            } else {
              b.append(n);
            }
          }
        }
        continue;
      }
      if (c == '(') {
        if (depth++ > 0) {
          b.append(c);
        }
      } else if (c == ')') {
        if (--depth == 0) {
          i++;
          break;
        }
        b.append(c);
      } else {
        b.append(c);
      }
    }
    end[0] = i;
    return b.toString();
  }

  private static String hex(String h) {
    StringBuilder b = new StringBuilder(h.length() / 2);
    int hi = -1;
    for (int i = 0; i < h.length(); i++) {
      int d = Character.digit(h.charAt(i), 16);
      if (d < 0) {
        continue;
      }
      if (hi < 0) {
        hi = d;
      } else {
        b.append((char) (hi * 16 + d));
        hi = -1;
      }
    }
    return b.toString();
  }

  /** Counts the characters of the strings shown between {@code BT} and {@code ET}. */
  private void text(String s) {
    int from = 0;
    while (textChars < 100_000) {
      int bt = token(s, "BT", from);
      if (bt < 0) {
        return;
      }
      int et = token(s, "ET", bt + 2);
      if (et < 0) {
        et = s.length();
      }
      for (int i = bt + 2; i < et; i++) {
        char c = s.charAt(i);
        if (c == '(') {
          int[] end = new int[1];
          String str = literal(s, i, end);
          textChars += str.strip().length();
          if (shown.length() < MAX_SHOWN_CHARS) {
            shown.append(str, 0, Math.min(str.length(), MAX_SHOWN_CHARS - shown.length())).append(' ');
          }
          i = Math.max(i, end[0] - 1);
        } else if (c == '<' && i + 1 < et && s.charAt(i + 1) != '<') {
          int close = indexWithin(s, '>', i, Math.min(et - i, 2 * MAX_URI_CHARS + 2));
          if (close < 0) {
            break;
          }
          textChars += (close - i - 1) / 4; // two hex digits per byte, often two bytes per glyph
          i = close;
        }
      }
      from = et + 2;
    }
  }

  /** The index of {@code c} in {@code s} from {@code from} within {@code max} characters, or -1. */
  private static int indexWithin(String s, char c, int from, int max) {
    int end = Math.min(s.length(), from + Math.max(0, max));
    for (int i = from; i < end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Finds an operator standing alone (between delimiters or white space). */
  private static int token(String s, String op, int from) {
    int i = from;
    while (true) {
      i = s.indexOf(op, i);
      if (i < 0) {
        return -1;
      }
      boolean before = i == 0 || delimiter(s.charAt(i - 1));
      boolean after = i + op.length() >= s.length() || delimiter(s.charAt(i + op.length()));
      if (before && after) {
        return i;
      }
      i += op.length();
    }
  }

  private static boolean delimiter(char c) {
    return Character.isWhitespace(c) || c == 0 || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' || c == '>' || c == '/';
  }
}
