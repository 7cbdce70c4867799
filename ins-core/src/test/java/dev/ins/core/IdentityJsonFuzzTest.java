package dev.ins.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.core.json.InsJacksonModule;

/**
 * Reading an identity from JSON gives an identity that round-trips, or Jackson's typed error whose
 * cause, when the SDK refused a value, is the SDK's own typed error. Lives in {@code dev.ins.core} so
 * that Jazzer instruments the domain classes too.
 */
class IdentityJsonFuzzTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new InsJacksonModule());
  private static final String[] STATUS = {"PROV", "RECUP", "VALI", "QUAL", "X"};
  private static final String[] KINDS = {"COHERENT", "OPERATOR_DECISION", "DECLARED", "X"};

  @FuzzTest(maxDuration = "15s")
  void readIdentity_givesAnIdentityOrATypedError(FuzzedDataProvider data) throws Exception {
    String json;
    if (data.consumeBoolean()) {
      json = data.consumeRemainingAsString();
    } else {
      // A structured skeleton with fuzzed values reaches the domain factories far more often.
      json = "{\"status\":\"" + data.pickValue(STATUS) + "\",\"traits\":{\"birthName\":" + quote(data.consumeString(30))
          + ",\"firstNames\":" + quote(data.consumeString(30)) + ",\"birthDate\":" + quote(data.consumeString(10))
          + ",\"sex\":" + quote(data.consumeString(1)) + ",\"birthplace\":" + quote(data.consumeString(5)) + "}"
          + (data.consumeBoolean() ? ",\"ins\":{\"matricule\":" + quote(data.consumeString(15))
              + ",\"oid\":\"1.2.250.1.213.1.4." + data.consumeInt(7, 12) + "\"}" : "")
          + ",\"attributes\":[" + (data.consumeBoolean() ? quote(data.consumeString(4)) : "") + "]"
          + ",\"validationMode\":" + quote(data.consumeString(3))
          + ",\"lastInsiCall\":" + quote(data.consumeString(24)) + ",\"validationDate\":" + quote(data.consumeString(10))
          + (data.consumeBoolean() ? ",\"insiJustification\":{\"kind\":\"" + data.pickValue(KINDS) + "\",\"source\":"
              + quote(data.consumeString(20)) + ",\"localFirstFirstName\":" + quote(data.consumeString(15))
              + ",\"operator\":" + quote(data.consumeString(10)) + ",\"decidedAt\":" + quote(data.consumeString(24))
              + ",\"accepted\":[{\"trait\":" + quote(data.consumeString(12)) + ",\"reason\":" + quote(data.consumeString(16))
              + "}]}" : "") + "}";
    }
    Identity i;
    try {
      i = MAPPER.readValue(json, Identity.class);
    } catch (JacksonException expected) {
      Throwable cause = expected.getCause();
      if (cause != null && !(cause instanceof InsException) && !(cause instanceof JacksonException)
          && !(cause instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected cause type " + cause.getClass().getName(), cause);
      }
      return;
    }
    if (i != null && !MAPPER.readValue(MAPPER.writeValueAsString(i), Identity.class).equals(i)) {
      throw new AssertionError("identity does not round-trip");
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
