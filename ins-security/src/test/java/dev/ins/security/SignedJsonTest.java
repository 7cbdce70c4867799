package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignedJsonTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();
  private static final String TYPE = "ins-sdk/test/v1";

  private static String doc() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", "floor list");
    f.put("count", 3);
    f.put("ok", true);
    f.put("items", List.of(Map.of("ga", "org.bouncycastle:bcprov-jdk18on", "min", "1.87"), "x"));
    return SignedJson.sign(TYPE, f, KEY);
  }

  @Test
  void signThenVerify_roundTripsEveryValueKind() {
    SignedJson.Document d = SignedJson.verify(doc().getBytes(StandardCharsets.UTF_8), TYPE, KEY.publicKey(), 4096);
    assertEquals("floor list", d.fields().get("name"));
    assertEquals(3L, d.fields().get("count"));
    assertEquals(true, d.fields().get("ok"));
    assertEquals(List.of(Map.of("ga", "org.bouncycastle:bcprov-jdk18on", "min", "1.87"), "x"), d.fields().get("items"));
    assertEquals(KEY.publicKey(), d.signer());
  }

  @Test
  void verify_everySingleByteFlip_isRefused() {
    byte[] good = doc().getBytes(StandardCharsets.UTF_8);
    Random rnd = new Random(Seeds.base());
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= (byte) (1 << rnd.nextInt(7));
      int at = i;
      assertThrows(InsCryptoException.class, () -> SignedJson.verify(bad, TYPE, KEY.publicKey(), 4096),
          () -> "flip at " + at + " accepted, " + Seeds.describe(Seeds.base()));
    }
  }

  @Test
  void verify_otherSignerTypeOrSize_isRefusedWithItsCode() {
    byte[] good = doc().getBytes(StandardCharsets.UTF_8);
    InsCryptoException other = assertThrows(InsCryptoException.class,
        () -> SignedJson.verify(good, TYPE, Ed25519SigningKey.generate().publicKey(), 4096));
    assertEquals(InsCryptoException.Code.VERIFICATION_FAILED, other.code());
    InsCryptoException type = assertThrows(InsCryptoException.class,
        () -> SignedJson.verify(good, "ins-sdk/other/v1", KEY.publicKey(), 4096));
    assertEquals("signedJson.type", type.field());
    InsCryptoException size = assertThrows(InsCryptoException.class,
        () -> SignedJson.verify(good, TYPE, KEY.publicKey(), 10));
    assertEquals(InsCryptoException.Code.MALFORMED, size.code());
  }

  @Test
  void verify_aReSignedDocumentByAnAttacker_isRefusedUnderTheTrustedKey() {
    Ed25519SigningKey attacker = Ed25519SigningKey.generate();
    String forged = SignedJson.sign(TYPE, Map.of("name", "floor list"), attacker);
    byte[] bytes = forged.getBytes(StandardCharsets.UTF_8);
    assertEquals(attacker.publicKey(), SignedJson.verifySelfSigned(bytes, TYPE, 4096).signer());
    assertThrows(InsCryptoException.class, () -> SignedJson.verify(bytes, TYPE, KEY.publicKey(), 4096));
  }

  @Test
  void sign_reservedNamesAndUnsupportedValues_areRefused() {
    assertThrows(InsCryptoException.class, () -> SignedJson.sign(TYPE, Map.of("signature", "x"), KEY));
    assertThrows(InsCryptoException.class, () -> SignedJson.sign(TYPE, Map.of("x", 1.5), KEY));
    assertThrows(InsCryptoException.class, () -> SignedJson.sign("Bad Type", Map.of(), KEY));
    assertTrue(SignedJson.sign(TYPE, Map.of(), KEY).contains("\"type\":\"" + TYPE + "\""));
  }
}
