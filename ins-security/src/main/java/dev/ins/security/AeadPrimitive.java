package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.AeadCore;
import dev.ins.security.internal.Rng;
import java.util.Arrays;
import java.util.Objects;

/**
 * A single-key AEAD with internally generated nonces: the building block under {@link RecordAead}.
 *
 * <p>Output is {@code nonce(12) || ciphertext || tag(16)}. The policy admits only 256-bit keys,
 * 96-bit nonces and 128-bit tags; anything else is refused. Prefer {@link RecordAead}, which adds
 * key IDs, rotation and mandatory context binding.
 *
 * <pre>{@code
 * AeadPrimitive p = AeadPrimitive.of(KeyType.AES_256_GCM, SecretBytes.random(32));
 * byte[] ct = p.encrypt(plaintext, aad);
 * byte[] pt = p.decrypt(ct, aad);
 * }</pre>
 */
public final class AeadPrimitive {
  /** Bytes added to every plaintext: nonce plus tag. */
  public static final int OVERHEAD = AeadCore.NONCE + AeadCore.TAG;

  private final KeyType type;
  private final byte[] key;

  private AeadPrimitive(KeyType type, byte[] key) {
    this.type = type;
    this.key = key;
  }

  /**
   * Creates the primitive.
   *
   * @param type {@link KeyType#AES_256_GCM} or {@link KeyType#CHACHA20_POLY1305}
   * @param key exactly 32 bytes
   * @return the primitive
   * @throws InsCryptoException POLICY_VIOLATION for another type or key size
   */
  public static AeadPrimitive of(KeyType type, SecretBytes key) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(key, "key == null");
    if (!type.isAead()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keyType", type + " is not an AEAD key type");
    }
    if (key.size() != 32) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "key", "key must be 32 bytes (256 bits), got " + key.size());
    }
    return new AeadPrimitive(type, key.toByteArray(SecretAccess.insecure()));
  }

  /**
   * Returns the algorithm.
   *
   * @return the key type
   */
  public KeyType type() {
    return type;
  }

  /**
   * Encrypts under a fresh random nonce.
   *
   * @param plaintext the data, not null
   * @param aad associated data (authenticated, not encrypted), not null
   * @return nonce, ciphertext and tag
   */
  public byte[] encrypt(byte[] plaintext, byte[] aad) {
    byte[] nonce = Rng.bytes(AeadCore.NONCE);
    byte[] ct = AeadCore.seal(type, key, nonce, aad, plaintext);
    byte[] out = Arrays.copyOf(nonce, nonce.length + ct.length);
    System.arraycopy(ct, 0, out, nonce.length, ct.length);
    return out;
  }

  /**
   * Decrypts and authenticates.
   *
   * @param ciphertext nonce, ciphertext and tag as produced by {@link #encrypt}
   * @param aad the same associated data
   * @return the plaintext
   * @throws InsCryptoException MALFORMED when too short, DECRYPTION_FAILED when not authentic
   */
  public byte[] decrypt(byte[] ciphertext, byte[] aad) {
    Objects.requireNonNull(ciphertext, "ciphertext == null");
    Objects.requireNonNull(aad, "aad == null");
    if (ciphertext.length < OVERHEAD) {
      throw new InsCryptoException(
          Code.MALFORMED, "ciphertext", "shorter than nonce + tag (" + OVERHEAD + " bytes): " + ciphertext.length);
    }
    byte[] nonce = Arrays.copyOf(ciphertext, AeadCore.NONCE);
    byte[] body = Arrays.copyOfRange(ciphertext, AeadCore.NONCE, ciphertext.length);
    return AeadCore.open(type, key, nonce, aad, body, "ciphertext");
  }

  @Override
  public String toString() {
    return "AeadPrimitive[" + type + ", key redacted]";
  }
}
