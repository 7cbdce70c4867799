package dev.ins.security.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON: object keys sorted, no insignificant whitespace, UTF-8, duplicates refused on
 * input, and an input is accepted only if re-encoding it gives back the same bytes.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(65536).maxNumberLength(32).build());
  }

  private CanonicalJson() {}

  /**
   * Returns a fresh object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Encodes a tree canonically (keys sorted at every level).
   *
   * @param node the tree
   * @return UTF-8 bytes
   */
  public static byte[] encode(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(sort(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON", e);
    }
  }

  private static JsonNode sort(JsonNode n) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = MAPPER.createObjectNode();
      for (String k : names) {
        out.set(k, sort(n.get(k)));
      }
      return out;
    }
    if (n.isArray()) {
      var out = MAPPER.createArrayNode();
      n.forEach(e -> out.add(sort(e)));
      return out;
    }
    return n;
  }

  /**
   * Parses canonical JSON; refuses anything whose canonical re-encoding differs.
   *
   * @param bytes UTF-8 JSON
   * @param field the field for errors
   * @return the tree
   */
  public static JsonNode parse(byte[] bytes, String field) {
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (IOException e) {
      // Jackson's own message may quote the input; report only the position.
      String at = "";
      if (e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null) {
        at = " at byte " + ((JsonProcessingException) e).getLocation().getByteOffset();
      }
      throw new InsCryptoException(Code.MALFORMED, field, "not valid JSON" + at, null);
    }
    if (n == null || !n.isObject()) {
      throw new InsCryptoException(Code.MALFORMED, field, "expected a JSON object");
    }
    if (!java.util.Arrays.equals(encode(n), bytes)) {
      throw new InsCryptoException(Code.MALFORMED, field, "not in canonical form (sorted keys, no whitespace)");
    }
    return n;
  }

  /**
   * Requires exactly these field names.
   *
   * @param n the object
   * @param field the field for errors
   * @param required names that must be present
   * @param optional names that may be present
   */
  public static void requireFields(JsonNode n, String field, List<String> required, List<String> optional) {
    for (String r : required) {
      if (!n.has(r)) {
        throw new InsCryptoException(Code.MALFORMED, field + "." + r, "missing");
      }
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!required.contains(f) && !optional.contains(f)) {
        throw new InsCryptoException(Code.MALFORMED, field + "." + f, "unknown field");
      }
    }
  }

  /**
   * Reads a required text field.
   *
   * @param n the object
   * @param name the field
   * @param field the error prefix
   * @return the text
   */
  public static String text(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw new InsCryptoException(Code.MALFORMED, field + "." + name, "expected a string");
    }
    return v.textValue();
  }

  /**
   * Reads a required non-negative integer field.
   *
   * @param n the object
   * @param name the field
   * @param field the error prefix
   * @return the value
   */
  public static long number(JsonNode n, String name, String field) {
    JsonNode v = n.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new InsCryptoException(Code.MALFORMED, field + "." + name, "expected a non-negative integer");
    }
    return v.longValue();
  }

  /**
   * Encodes a map of strings as a canonical JSON object.
   *
   * @param m the map
   * @return the node
   */
  public static ObjectNode fromMap(Map<String, String> m) {
    ObjectNode o = MAPPER.createObjectNode();
    m.forEach(o::put);
    return o;
  }

  /**
   * Encodes any tree as pretty-free UTF-8 text.
   *
   * @param node the tree
   * @return the text
   */
  public static String toText(JsonNode node) {
    return new String(encode(node), StandardCharsets.UTF_8);
  }
}
