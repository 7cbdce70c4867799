package dev.ins.practice.updates;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.practice.PracticeException;
import dev.ins.security.Ed25519SigningKey;
import java.util.List;

/**
 * Any advisory bytes are refused unless signed by the trusted key; any floor-list JSON given to the
 * maintainers' signing tool is either signed and verifies, or refused with the typed error.
 */
class FloorListFuzzTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();

  @FuzzTest(maxDuration = "15s")
  void advisory_signOrRefuse_andEverySignedListVerifies(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      FloorList.verifyAdvisory(bytes, List.of(KEY.publicKey()));
      throw new AssertionError("fuzzed bytes verified as an advisory signed by a fresh key");
    } catch (PracticeException expected) {
      // refused
    }
    String signed;
    try {
      signed = FloorList.sign(bytes, KEY);
    } catch (PracticeException expected) {
      return;
    }
    FloorList back = FloorList.verifyAdvisory(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(KEY.publicKey()));
    if (!back.source().equals("advisory")) {
      throw new AssertionError("a signed list did not come back as an advisory");
    }
  }
}
