package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ins.security.internal.Wycheproof;
import org.junit.jupiter.api.Test;

/** Runs Wycheproof's Ed25519 file through {@link Ed25519PublicKey#verify}, the checkpoint and manifest verifier. */
class Ed25519WycheproofTest {

  @Test
  void wycheproofVectors_validVerify_invalidAreRejected() {
    JsonNode root = Wycheproof.load("ed25519_test.json");
    int ran = 0;
    for (JsonNode g : root.get("testGroups")) {
      byte[] pk = Wycheproof.hex(g.get("publicKey").get("pk").asText());
      Ed25519PublicKey key;
      try {
        key = Ed25519PublicKey.of(pk);
      } catch (InsCryptoException e) {
        for (JsonNode t : g.get("tests")) {
          assertFalse(t.get("result").asText().equals("valid"), "valid vector with refused key, tcId " + t.get("tcId"));
          ran++;
        }
        continue;
      }
      for (JsonNode t : g.get("tests")) {
        boolean ok = key.verify(Wycheproof.hex(t.get("msg").asText()), Wycheproof.hex(t.get("sig").asText()));
        String result = t.get("result").asText();
        String id = "tcId " + t.get("tcId").asInt() + " " + t.get("comment").asText();
        if (result.equals("valid")) {
          assertTrue(ok, id);
        } else if (result.equals("invalid")) {
          assertFalse(ok, id);
        }
        ran++;
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), ran);
  }

  @Test
  void signThenVerify_roundTrips_andAnyFlipFails() {
    Ed25519SigningKey k = Ed25519SigningKey.generate();
    byte[] msg = "checkpoint".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] sig = k.sign(msg);
    assertTrue(k.publicKey().verify(msg, sig));
    assertEquals(k.publicKey(), Ed25519PublicKey.parse(k.publicKey().toBase64()));
    for (int i = 0; i < sig.length; i++) {
      byte[] t = sig.clone();
      t[i] ^= 0x20;
      assertFalse(k.publicKey().verify(msg, t), "byte " + i);
    }
    assertFalse(k.toString().contains(java.util.HexFormat.of().formatHex(sig)));
  }
}
