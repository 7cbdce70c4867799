package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyStatus;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetKey;
import dev.ins.security.RecordAead;
import dev.ins.security.RecordContext;
import dev.ins.security.SecretAccess;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Record ciphertext: version 0x01 (1), key id (4), nonce (12), body, tag (16). The AAD is
 * {@code "ins-sdk/record/v1" 0x00 || header(5) || type code || context canonical bytes}.
 */
public final class KeysetRecordAead implements RecordAead {
  /** Format version byte. */
  public static final int VERSION = 1;

  /** Header length: version and key id. */
  public static final int HEADER = 5;

  private static final byte[] LABEL = "ins-sdk/record/v1\0".getBytes(StandardCharsets.US_ASCII);

  private final Map<Integer, KeysetKey> byId = new HashMap<>();
  private final Map<Integer, byte[]> material = new HashMap<>();
  private final KeysetKey primary;

  /**
   * Creates the AEAD.
   *
   * @param ks an AEAD keyset
   */
  public KeysetRecordAead(Keyset ks) {
    for (KeysetKey k : ks.keys()) {
      byId.put(k.id(), k);
      material.put(k.id(), k.material().toByteArray(SecretAccess.insecure()));
    }
    this.primary = ks.primary();
  }

  private static byte[] aad(byte[] header, KeyType type, RecordContext ctx) {
    return new ByteWriter().bytes(LABEL).bytes(header).u8(type.code()).bytes(ctx.canonicalBytes()).toByteArray();
  }

  @Override
  public byte[] encrypt(byte[] plaintext, RecordContext context) {
    Objects.requireNonNull(plaintext, "plaintext == null");
    Objects.requireNonNull(context, "context == null (context binding is mandatory)");
    byte[] header = new ByteWriter().u8(VERSION).i32(primary.id()).toByteArray();
    byte[] nonce = Rng.bytes(AeadCore.NONCE);
    byte[] body = AeadCore.seal(primary.type(), material.get(primary.id()), nonce, aad(header, primary.type(), context), plaintext);
    byte[] out = new byte[HEADER + nonce.length + body.length];
    System.arraycopy(header, 0, out, 0, HEADER);
    System.arraycopy(nonce, 0, out, HEADER, nonce.length);
    System.arraycopy(body, 0, out, HEADER + nonce.length, body.length);
    return out;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, RecordContext context) {
    Objects.requireNonNull(ciphertext, "ciphertext == null");
    Objects.requireNonNull(context, "context == null (context binding is mandatory)");
    if (ciphertext.length < HEADER + AeadCore.NONCE + AeadCore.TAG) {
      throw new InsCryptoException(
          Code.MALFORMED, "ciphertext", "too short for a record ciphertext: " + ciphertext.length + " bytes");
    }
    ByteReader r = new ByteReader(ciphertext, "ciphertext");
    int version = r.u8("version");
    if (version != VERSION) {
      throw new InsCryptoException(Code.MALFORMED, "ciphertext.version", "unsupported version " + version);
    }
    int id = r.i32("keyId");
    KeysetKey k = byId.get(id);
    if (k == null) {
      throw new InsCryptoException(Code.UNKNOWN_KEY, "ciphertext.keyId", "no key " + String.format("%08x", id) + " in the keyset");
    }
    if (k.status() != KeyStatus.ENABLED) {
      throw new InsCryptoException(Code.KEY_DISABLED, "ciphertext.keyId", "key " + k.idHex() + " is disabled");
    }
    byte[] nonce = r.bytes(AeadCore.NONCE, "nonce");
    byte[] body = r.rest();
    byte[] header = Arrays.copyOf(ciphertext, HEADER);
    return AeadCore.open(k.type(), material.get(id), nonce, aad(header, k.type(), context), body, "ciphertext");
  }

  @Override
  public String toString() {
    return "RecordAead[primary=" + primary.idHex() + ", keys=" + byId.size() + "]";
  }
}
