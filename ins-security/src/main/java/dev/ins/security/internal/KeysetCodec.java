package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyStatus;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetKey;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clear keyset format: magic "IKS1", version 1, primary id (4), key count (2), then per key: id
 * (4), type (1), status (1: 1 enabled, 2 disabled), length (1), material.
 */
public final class KeysetCodec {
  private static final byte[] MAGIC = {'I', 'K', 'S', '1'};

  private KeysetCodec() {}

  /**
   * Encodes.
   *
   * @param ks the keyset
   * @return the clear bytes
   */
  public static byte[] encode(Keyset ks) {
    ByteWriter w = new ByteWriter().bytes(MAGIC).u8(1).i32(ks.primary().id()).u16(ks.keys().size());
    for (KeysetKey k : ks.keys()) {
      byte[] m = k.material().toByteArray(SecretAccess.insecure());
      w.i32(k.id()).u8(k.type().code()).u8(k.status() == KeyStatus.ENABLED ? 1 : 2).u8(m.length).bytes(m);
      Arrays.fill(m, (byte) 0);
    }
    return w.toByteArray();
  }

  /**
   * Decodes strictly.
   *
   * @param b the bytes
   * @return the keyset
   */
  public static Keyset decode(byte[] b) {
    ByteReader r = new ByteReader(b, "keyset");
    if (!Arrays.equals(r.bytes(4, "magic"), MAGIC)) {
      throw new InsCryptoException(Code.MALFORMED, "keyset.magic", "not a clear keyset");
    }
    int version = r.u8("version");
    if (version != 1) {
      throw new InsCryptoException(Code.MALFORMED, "keyset.version", "unsupported version " + version);
    }
    int primary = r.i32("primaryId");
    int count = r.u16("count");
    if (count == 0 || count > Keyset.MAX_KEYS) {
      throw new InsCryptoException(Code.MALFORMED, "keyset.count", "key count out of range: " + count);
    }
    List<KeysetKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = r.i32("keys[" + i + "].id");
      KeyType type = KeyType.fromCode(r.u8("keys[" + i + "].type"));
      int st = r.u8("keys[" + i + "].status");
      if (st != 1 && st != 2) {
        throw new InsCryptoException(Code.MALFORMED, "keyset.keys[" + i + "].status", "unknown status " + st);
      }
      int len = r.u8("keys[" + i + "].length");
      byte[] m = r.bytes(len, "keys[" + i + "].material");
      if (id == 0 || len != type.keyLength()) {
        throw new InsCryptoException(Code.MALFORMED, "keyset.keys[" + i + "]", "bad id or key length");
      }
      keys.add(new KeysetKey(id, type, st == 1 ? KeyStatus.ENABLED : KeyStatus.DISABLED, SecretBytes.copyOf(m, SecretAccess.insecure())));
      Arrays.fill(m, (byte) 0);
    }
    r.end("end");
    try {
      return Keyset.of(keys, primary);
    } catch (InsCryptoException e) {
      throw new InsCryptoException(Code.MALFORMED, e.field(), "invalid keyset: " + e.getMessage(), e);
    }
  }
}
