package dev.ins.core.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.core.Identity;

/** Reading an identity from any JSON gives an identity that round-trips, or Jackson's typed error. */
class InsJacksonModuleFuzzTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new InsJacksonModule());

  @FuzzTest(maxDuration = "15s")
  void readIdentity_givesAnIdentityOrAJsonError(FuzzedDataProvider data) throws Exception {
    String json = data.consumeRemainingAsString();
    Identity i;
    try {
      i = MAPPER.readValue(json, Identity.class);
    } catch (JacksonException expected) {
      return;
    }
    if (i != null && !MAPPER.readValue(MAPPER.writeValueAsString(i), Identity.class).equals(i)) {
      throw new AssertionError("identity does not round-trip");
    }
  }
}
