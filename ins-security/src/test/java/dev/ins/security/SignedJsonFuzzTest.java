package dev.ins.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes give a verified document only when signed by the trusted key; otherwise a typed error. */
class SignedJsonFuzzTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();

  @FuzzTest(maxDuration = "15s")
  void verify_acceptsOnlyTrustedSignatures(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      SignedJson.Document d = SignedJson.verify(bytes, "ins-sdk/test/v1", KEY.publicKey(), 65536);
      throw new AssertionError("a fuzzed document verified under a fresh key: " + d.type());
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }
}
