package dev.ins.security.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ins.security.InsCryptoException;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import dev.ins.security.internal.Wycheproof;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** Runs Wycheproof's Cobblestone-256 vectors through the backup reader's decrypting stream. */
class ChunkedEncryptionWycheproofTest {

  @Test
  void wycheproofVectors_validDecrypt_everyInvalidIsRefused() throws Exception {
    JsonNode root = Wycheproof.load("c2sp_chunked_encryption_aes_256_gcm_test.json");
    int ran = 0;
    for (JsonNode g : root.get("testGroups")) {
      for (JsonNode t : g.get("tests")) {
        String id = "tcId " + t.get("tcId").asInt() + " " + t.get("comment").asText() + " " + t.get("flags");
        byte[] ct;
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(Wycheproof.hex(t.get("ct").asText())))) {
          ct = in.readAllBytes();
        }
        byte[] ctx = Wycheproof.hex(t.get("ctx").asText());
        SecretBytes key = SecretBytes.copyOf(Wycheproof.hex(t.get("key").asText()), SecretAccess.insecure());
        if (t.get("result").asText().equals("valid")) {
          byte[] pt = ChunkedEncryption.decrypt(ct, key, ctx);
          assertEquals(t.get("msgLength").asLong(), pt.length, id);
          byte[] digest = MessageDigest.getInstance("SHA-512").digest(pt);
          byte[] want = Wycheproof.hex(t.get("msgSha512").asText());
          assertArrayEquals(want, Arrays.copyOf(digest, want.length), id);
        } else {
          assertThrows(InsCryptoException.class, () -> drain(ct, key, ctx), id);
        }
        ran++;
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), ran);
  }

  private static void drain(byte[] ct, SecretBytes key, byte[] ctx) throws IOException {
    try (InputStream in = ChunkedEncryption.decryptingStream(new ByteArrayInputStream(ct), key, ctx)) {
      in.transferTo(new ByteArrayOutputStream());
    }
  }
}
