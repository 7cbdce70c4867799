package dev.ins.core.cli;

import dev.ins.core.internal.interop.JsonText;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the SDK's command-line entry points, which print one JSON object and
 * must not need Jackson at run time.
 *
 * <p>Writes {@link Map}s (in iteration order), {@link List}s, strings, numbers, booleans and
 * {@code null}; anything else is written as its {@code toString()} in quotes. Strings are escaped
 * per RFC 8259.
 *
 * <pre>{@code
 * Json.write(Map.of("ok", true)); // {"ok":true}
 * }</pre>
 */
public final class Json {

  private Json() {}

  /**
   * Writes maps, lists, strings, numbers, booleans and null as JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      quote(b, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, l.get(i));
      }
      b.append(']');
    } else {
      quote(b, v.toString());
    }
  }

  private static void quote(StringBuilder b, String s) {
    JsonText.quote(b, s);
  }
}
