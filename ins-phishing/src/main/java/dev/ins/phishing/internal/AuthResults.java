package dev.ins.phishing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code Authentication-Results} header (RFC 8601): the authserv-id of the server that wrote it
 * and its method results ({@code spf=pass smtp.mailfrom=…}, {@code dkim=pass header.d=…},
 * {@code dmarc=fail header.from=…}).
 *
 * <p>Comments in parentheses are dropped (they are for humans), quoted strings are honoured, method
 * and result names are lower-cased, property values keep their text. At most {@value #MAX_RESULTS}
 * results and {@value #MAX_LENGTH} characters are read.
 *
 * @param authservId the lower-cased authserv-id
 * @param results the method results in header order
 */
public record AuthResults(String authservId, List<Result> results) {

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /** The most results read from one header. */
  public static final int MAX_RESULTS = 64;
  /** The longest header read, in characters. */
  public static final int MAX_LENGTH = 16_384;

  /**
   * One method result.
   *
   * @param method e.g. {@code dkim}, lower-case, version dropped
   * @param result e.g. {@code pass}, lower-case
   * @param properties e.g. {@code header.d → example.fr}, keys lower-case
   */
  public record Result(String method, String result, Map<String, String> properties) {
    /**
     * Returns a property.
     *
     * @param key e.g. {@code header.d}
     * @return the value, or null
     */
    public String property(String key) {
      return properties.get(key);
    }
  }

  /** Copies the results. */
  public AuthResults {
    results = List.copyOf(results);
  }

  /**
   * Returns the results of one method.
   *
   * @param method e.g. {@code spf}
   * @return the results, in header order
   */
  public List<Result> of(String method) {
    List<Result> out = new ArrayList<>(2);
    for (Result r : results) {
      if (r.method().equals(method)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Parses a header value.
   *
   * @param value the unfolded header value
   * @return the parsed header, or null when it has no authserv-id
   */
  public static AuthResults parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    List<String> segments = segments(stripComments(v));
    if (segments.isEmpty()) {
      return null;
    }
    String[] head = WHITESPACE.split(segments.get(0).strip());
    if (head.length == 0 || head[0].isEmpty()) {
      return null;
    }
    String id = unquote(head[0]).toLowerCase(Locale.ROOT);
    List<Result> results = new ArrayList<>();
    for (int i = 1; i < segments.size() && results.size() < MAX_RESULTS; i++) {
      Result r = resinfo(segments.get(i));
      if (r != null) {
        results.add(r);
      }
    }
    return new AuthResults(id, results);
  }

  private static Result resinfo(String segment) {
    List<String> tokens = tokens(segment);
    if (tokens.isEmpty()) {
      return null;
    }
    String first = tokens.get(0);
    int eq = first.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    String method = first.substring(0, eq).toLowerCase(Locale.ROOT);
    int slash = method.indexOf('/');
    if (slash > 0) {
      method = method.substring(0, slash);
    }
    String result = unquote(first.substring(eq + 1)).toLowerCase(Locale.ROOT);
    if (method.equals("none") || result.isEmpty()) {
      return null;
    }
    Map<String, String> props = new LinkedHashMap<>();
    for (int i = 1; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int e = t.indexOf('=');
      if (e > 0) {
        props.putIfAbsent(t.substring(0, e).toLowerCase(Locale.ROOT), unquote(t.substring(e + 1)));
      }
    }
    return new Result(method, result, props);
  }

  /** Splits on white space outside quotes, joining {@code a = b} into {@code a=b}. */
  private static List<String> tokens(String s) {
    List<String> raw = split(s, false);
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String t = raw.get(i);
      if (t.equals("=") && !out.isEmpty() && i + 1 < raw.size()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + "=" + raw.get(++i));
      } else if (t.endsWith("=") && t.length() > 1 && i + 1 < raw.size() && t.indexOf('=') == t.length() - 1) {
        out.add(t + raw.get(++i));
      } else if (t.startsWith("=") && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + t);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** Splits on semicolons outside quotes. */
  private static List<String> segments(String s) {
    return split(s, true);
  }

  /**
   * Splits outside quoted strings (kept with their quotes and escapes): on semicolons, keeping empty
   * pieces, or on white space, dropping them.
   */
  private static List<String> split(String s, boolean semicolons) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        cur.append(c);
      } else if (c == '\\' && quoted && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
      } else if (!quoted && (semicolons ? c == ';' : Character.isWhitespace(c))) {
        if (semicolons || cur.length() > 0) {
          out.add(cur.toString());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (semicolons || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** Drops RFC 5322 comments (nested parentheses) outside quoted strings. */
  static String stripComments(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        if (depth == 0) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (depth == 0 && c == '"') {
        quoted = !quoted;
        b.append(c);
      } else if (!quoted && c == '(') {
        depth++;
        if (depth == 1) {
          b.append(' ');
        }
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return s;
  }
}
