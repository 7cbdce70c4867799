package dev.ins.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes given as a record ciphertext or pseudonym give a value or the SDK's typed error. */
class RecordAeadFuzzTest {
  private static final Keyset KS = Keyset.generate(KeyType.AES_256_GCM).addKey(KeyType.CHACHA20_POLY1305);
  private static final RecordAead AEAD = KS.recordAead();
  private static final RecordContext CTX = RecordContext.of("t", "c", "1");

  @FuzzTest(maxDuration = "15s")
  void recordCiphertext_decryptsOrFailsTyped(FuzzedDataProvider data) {
    byte[] b = data.consumeRemainingAsBytes();
    try {
      AEAD.decrypt(b, CTX);
      throw new AssertionError("forged ciphertext accepted");
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }

  @FuzzTest(maxDuration = "15s")
  void pseudonym_parsesOrFailsTyped(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      Pseudonym p = Pseudonym.parse(s);
      if (!p.format().equals(s) || !Pseudonym.parse(p.format()).equals(p)) {
        throw new AssertionError("round trip broken");
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }
}
