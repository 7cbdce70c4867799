package dev.ins.security.password;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.security.InsCryptoException;

/** Any stored string gives a parsed hash or the SDK's typed error, and never an unbounded cost. */
class PasswordHashFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void phcString_parsesOrFailsTyped(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      PasswordHash h = PasswordHash.parse(s);
      if (!h.format().equals(s) || h.params().memoryKiB() > dev.ins.security.Argon2Params.MAX_MEMORY_KIB) {
        throw new AssertionError("round trip broken or cost unbounded");
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }
}
