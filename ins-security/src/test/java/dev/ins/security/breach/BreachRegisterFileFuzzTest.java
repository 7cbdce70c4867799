package dev.ins.security.breach;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.security.InsCryptoException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Any bytes give a register that formats back to the same bytes, or a typed error. */
class BreachRegisterFileFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parse_roundTripsOrFailsTyped(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      BreachRegister r = BreachRegisterFile.parse(bytes);
      byte[] again = BreachRegisterFile.format(r).getBytes(StandardCharsets.UTF_8);
      if (BreachRegisterFile.parse(again).all().size() != r.all().size() || !Arrays.equals(again, BreachRegisterFile.format(BreachRegisterFile.parse(again)).getBytes(StandardCharsets.UTF_8))) {
        throw new AssertionError("format/parse not stable");
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }
}
