package dev.ins.core.internal.interop;

import dev.ins.core.InsValidationException;
import dev.ins.core.ViolationCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259) so that the FHIR mapping works without Jackson.
 *
 * <p>Values: {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@link String},
 * {@link BigDecimal}, {@link Boolean} and {@link #NULL}. The reader rejects, with an
 * {@link InsValidationException} on field {@code json} and the character index: anything after the
 * value, comments, trailing commas, single quotes, leading zeros, unescaped control characters,
 * invalid escapes, duplicate keys, more than {@link #MAX_DEPTH} nested containers and text longer than
 * {@link #MAX_LENGTH}. Messages never quote the input.
 */
public final class JsonText {

  /** The JSON {@code null}. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  /** The longest text accepted, in characters. */
  public static final int MAX_LENGTH = 1 << 20;

  private static final String FIELD = "json";

  private final String s;
  private int pos;

  private JsonText(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON value.
   *
   * @param text the JSON text
   * @return the value
   * @throws InsValidationException naming the rule and the index
   */
  public static Object parse(CharSequence text) {
    if (text == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "JSON text is required");
    }
    if (text.length() > MAX_LENGTH) {
      throw InsValidationException.of(FIELD, ViolationCode.TOO_LONG, MAX_LENGTH, "at most " + MAX_LENGTH + " characters");
    }
    JsonText p = new JsonText(text.toString());
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.pos != p.s.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return v;
  }

  private InsValidationException error(String why) {
    return InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, pos, why);
  }

  private void ws() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private Object value(int depth) {
    if (pos >= s.length()) {
      throw error("unexpected end of JSON text");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        checkDepth(depth);
        return object(depth);
      case '[':
        checkDepth(depth);
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private void checkDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw error("more than " + MAX_DEPTH + " nested objects or arrays");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, pos)) {
      throw error("invalid literal");
    }
    pos += word.length();
    return v;
  }

  private Map<String, Object> object(int depth) {
    pos++;
    Map<String, Object> m = new LinkedHashMap<>();
    ws();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      return Collections.unmodifiableMap(m);
    }
    while (true) {
      ws();
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw error("expected a member name in double quotes");
      }
      int at = pos;
      String key = string();
      ws();
      if (pos >= s.length() || s.charAt(pos) != ':') {
        throw error("expected ':'");
      }
      pos++;
      ws();
      Object v = value(depth + 1);
      if (m.put(key, v) != null) {
        throw InsValidationException.of(FIELD, ViolationCode.INCONSISTENT, at, "duplicate member name");
      }
      ws();
      if (pos >= s.length()) {
        throw error("unterminated object");
      }
      char c = s.charAt(pos++);
      if (c == '}') {
        return Collections.unmodifiableMap(m);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    pos++;
    List<Object> l = new ArrayList<>();
    ws();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return Collections.unmodifiableList(l);
    }
    while (true) {
      ws();
      l.add(value(depth + 1));
      ws();
      if (pos >= s.length()) {
        throw error("unterminated array");
      }
      char c = s.charAt(pos++);
      if (c == ']') {
        return Collections.unmodifiableList(l);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string must be escaped");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw error("unterminated escape");
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '/' -> b.append('/');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > s.length()) {
            throw error("truncated unicode escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
              throw error("invalid unicode escape");
            }
            code = code * 16 + d;
          }
          pos += 4;
          b.append((char) code);
        }
        default -> {
          pos--;
          throw error("invalid escape");
        }
      }
    }
  }

  private BigDecimal number() {
    int start = pos;
    if (s.charAt(pos) == '-') {
      pos++;
    }
    if (pos < s.length() && s.charAt(pos) == '0') {
      pos++;
    } else if (!digits()) {
      throw error("invalid number");
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      if (!digits()) {
        throw error("invalid number: digits expected after '.'");
      }
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("invalid number: digits expected in the exponent");
      }
    }
    if (pos - start > 100) {
      throw error("number too long");
    }
    try {
      return new BigDecimal(s.substring(start, pos));
    } catch (NumberFormatException | ArithmeticException e) {
      throw error("number out of range");
    }
  }

  private boolean digits() {
    int start = pos;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  /**
   * Writes a value as indented JSON (two spaces), keys in map order.
   *
   * @param value maps, lists, strings, numbers, booleans, {@link #NULL} or null
   * @return the JSON text
   */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, int indent) {
    if (v == null || v == NULL) {
      b.append("null");
    } else if (v instanceof String str) {
      quote(b, str);
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append("  ".repeat(indent + 1));
        quote(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent + 1);
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      b.append("  ".repeat(indent)).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        b.append("  ".repeat(indent + 1));
        write(b, l.get(i), indent + 1);
        b.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      b.append("  ".repeat(indent)).append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  /**
   * Appends a JSON string literal (RFC 8259 escapes, plus U+2028/U+2029 for JavaScript readers).
   * Shared with {@code dev.ins.core.cli.Json}.
   *
   * @param b where to write
   * @param str the string
   */
  public static void quote(StringBuilder b, String str) {
    b.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
