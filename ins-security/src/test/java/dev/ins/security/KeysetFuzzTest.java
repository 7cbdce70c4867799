package dev.ins.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/** Any bytes given to the keyset parsers give a keyset or the SDK's typed error, nothing else. */
class KeysetFuzzTest {
  private static final SecretKeySpec KEK = new SecretKeySpec(new byte[32], "AES");

  @FuzzTest(maxDuration = "15s")
  void clearKeyset_parsesOrFailsTyped(FuzzedDataProvider data) {
    byte[] b = data.consumeRemainingAsBytes();
    try {
      Keyset ks = Keyset.fromClearBytes(b, SecretAccess.insecure());
      if (!Arrays.equals(ks.toClearBytes(SecretAccess.insecure()), b)) {
        throw new AssertionError("accepted a non-canonical keyset encoding");
      }
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }

  @FuzzTest(maxDuration = "15s")
  void sealedKeyset_opensOrFailsTyped(FuzzedDataProvider data) {
    byte[] b = data.consumeRemainingAsBytes();
    try {
      KeysetVault.kekKind(b);
    } catch (InsCryptoException expected) {
      // typed refusal
    }
    try {
      KeysetVault.openWithKey(b, KEK);
    } catch (InsCryptoException expected) {
      // typed refusal
    }
  }
}
