package dev.ins.core.internal.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.InsValidationException;
import dev.ins.core.ViolationCode;
import dev.ins.core.testing.Seeds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON reader and the writer behind the FHIR mapping. */
class JsonTextTest {

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @Test
  void parse_readsEveryKindOfValue() {
    Object v = JsonText.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\n\\\"\\/\"} ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, JsonText.NULL));
    expected.put("b", "x\u00e9\n\"/");
    assertEquals(expected, v);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "-", "1e", "+1",
    "\"\\x\"", "\"\\u12\"", "\"a\u0001\"", "tru", "nul", "{\"a\" 1}", "{a:1}", "[1 2]", "\"abc", "1 2", "/* */1",
    "NaN", "Infinity"})
  void parse_invalidJson_failsOnFieldJson(String text) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> JsonText.parse(text));
    assertEquals("json", e.field());
    assertEquals(ViolationCode.INVALID_FORMAT, e.code());
  }

  @Test
  void parse_duplicateKey_fails() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> JsonText.parse("{\"a\":1,\"a\":2}"));
    assertEquals(ViolationCode.INCONSISTENT, e.code());
    assertEquals(7, e.violations().get(0).index());
  }

  @Test
  void parse_nestingLimit_isEnforced() {
    String ok = "[".repeat(JsonText.MAX_DEPTH - 1) + "{\"a\":1}" + "]".repeat(JsonText.MAX_DEPTH - 1);
    JsonText.parse(ok);
    InsValidationException e = assertThrows(InsValidationException.class, () -> JsonText.parse("[" + ok + "]"));
    assertEquals(ViolationCode.INVALID_FORMAT, e.code());
    assertEquals(JsonText.MAX_DEPTH, e.violations().get(0).index(), "fails at the first container too deep");
  }

  @Test
  void parse_tooLong_failsBeforeReading() {
    String big = "\"" + "a".repeat(JsonText.MAX_LENGTH) + "\"";
    assertEquals(ViolationCode.TOO_LONG, assertThrows(InsValidationException.class, () -> JsonText.parse(big)).code());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_ofWrite_givesTheSameTree(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Object tree = tree(r, 0);
    assertEquals(tree, JsonText.parse(JsonText.write(tree)), Seeds.describe(seed));
  }

  private static Object tree(SplittableRandom r, int depth) {
    int kind = depth > 4 ? r.nextInt(4) : r.nextInt(6);
    switch (kind) {
      case 0:
        return text(r);
      case 1:
        return new BigDecimal(r.nextInt() + "." + r.nextInt(1000));
      case 2:
        return r.nextBoolean();
      case 3:
        return JsonText.NULL;
      case 4: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(tree(r, depth + 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put(text(r), tree(r, depth + 1));
        }
        return m;
      }
    }
  }

  private static String text(SplittableRandom r) {
    String alphabet = "aZ \"\\/\n\t\u0001\u00e9\u2028\u20ac{}[],:";
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
