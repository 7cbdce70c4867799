package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ins.security.internal.Wycheproof;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the Wycheproof AES-GCM and ChaCha20-Poly1305 files through {@link AeadPrimitive}, the
 * public single-key AEAD. Vectors our policy forbids (keys other than 256 bits, nonces other than
 * 96 bits, tags shorter than 128 bits) must be refused with a typed error, never accepted.
 */
class AeadWycheproofTest {

  @ParameterizedTest
  @CsvSource({"aes_gcm_test.json, AES_256_GCM", "chacha20_poly1305_test.json, CHACHA20_POLY1305"})
  void wycheproofVectors_validDecryptAndInvalidOrForbiddenAreRefused(String file, KeyType type) throws Exception {
    JsonNode root = Wycheproof.load(file);
    int valid = 0;
    int refused = 0;
    Map<String, Integer> forbidden = new TreeMap<>();
    for (JsonNode g : root.get("testGroups")) {
      int keySize = g.get("keySize").asInt();
      int ivSize = g.get("ivSize").asInt();
      int tagSize = g.get("tagSize").asInt();
      boolean allowed = keySize == 256 && ivSize == 96 && tagSize == 128;
      for (JsonNode t : g.get("tests")) {
        String id = file + " tcId " + t.get("tcId").asInt();
        byte[] key = Wycheproof.hex(t.get("key").asText());
        byte[] iv = Wycheproof.hex(t.get("iv").asText());
        byte[] aad = Wycheproof.hex(t.get("aad").asText());
        byte[] msg = Wycheproof.hex(t.get("msg").asText());
        byte[] ct = Wycheproof.hex(t.get("ct").asText());
        byte[] tag = Wycheproof.hex(t.get("tag").asText());
        byte[] input = concat(iv, ct, tag);
        String result = t.get("result").asText();
        if (!allowed) {
          forbidden.merge("key" + keySize + "/iv" + ivSize + "/tag" + tagSize, 1, Integer::sum);
          // A forbidden parameter set is refused as an error, whatever the vector's own verdict.
          assertThrows(
              InsCryptoException.class,
              () -> AeadPrimitive.of(type, SecretBytes.copyOf(key, SecretAccess.insecure())).decrypt(input, aad),
              id + ": forbidden parameters accepted");
          refused++;
          continue;
        }
        AeadPrimitive p = AeadPrimitive.of(type, SecretBytes.copyOf(key, SecretAccess.insecure()));
        if (result.equals("valid")) {
          assertArrayEquals(msg, p.decrypt(input, aad), id);
          // Our encryption interoperates: a fresh ciphertext decrypts under plain JCA.
          byte[] fresh = p.encrypt(msg, aad);
          assertArrayEquals(msg, jcaDecrypt(type, key, fresh, aad), id + " (interop)");
          valid++;
        } else {
          InsCryptoException e = assertThrows(InsCryptoException.class, () -> p.decrypt(input, aad), id);
          assertTrue(
              e.code() == InsCryptoException.Code.DECRYPTION_FAILED || e.code() == InsCryptoException.Code.MALFORMED, id);
          refused++;
        }
      }
    }
    assertTrue(valid > 30, file + ": too few valid vectors ran (" + valid + ")");
    assertTrue(refused > 10, file + ": too few invalid vectors ran (" + refused + ")");
    assertEquals(root.get("numberOfTests").asInt(), valid + refused, file + ": every vector must run; policy refusals " + forbidden);
  }

  private static byte[] jcaDecrypt(KeyType type, byte[] key, byte[] in, byte[] aad) throws Exception {
    byte[] nonce = Arrays.copyOf(in, 12);
    byte[] body = Arrays.copyOfRange(in, 12, in.length);
    Cipher c;
    if (type == KeyType.AES_256_GCM) {
      c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    } else {
      c = Cipher.getInstance("ChaCha20-Poly1305");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    }
    c.updateAAD(aad);
    return c.doFinal(body);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
