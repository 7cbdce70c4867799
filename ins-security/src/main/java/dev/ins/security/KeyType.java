package dev.ins.security;

/**
 * The kinds of key a {@link Keyset} may hold. All are 256-bit (32-byte) keys or seeds.
 *
 * <pre>{@code
 * Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
 * }</pre>
 */
public enum KeyType {
  /** AES-256 in GCM mode, 96-bit nonce, 128-bit tag. */
  AES_256_GCM(1, true),
  /** ChaCha20-Poly1305 (RFC 8439), 96-bit nonce, 128-bit tag. */
  CHACHA20_POLY1305(2, true),
  /** HMAC-SHA-256 with a 256-bit key, for pseudonyms and blind indexes. */
  HMAC_SHA256(3, false),
  /** An Ed25519 signing key (32-byte seed), for audit checkpoints and backup manifests. */
  ED25519(4, false),
  /** An X25519 key-agreement key (32-byte private key), for backup recipients. */
  X25519(5, false);

  private final int code;
  private final boolean aead;

  KeyType(int code, boolean aead) {
    this.code = code;
    this.aead = aead;
  }

  /**
   * Returns the one-byte code used in serialized keysets.
   *
   * @return 1..5
   */
  public int code() {
    return code;
  }

  /**
   * Tells whether this is an AEAD key usable by {@link RecordAead}.
   *
   * @return true for the AEADs
   */
  public boolean isAead() {
    return aead;
  }

  /**
   * Returns the key length in bytes.
   *
   * @return 32
   */
  public int keyLength() {
    return 32;
  }

  /**
   * Finds a type by its code.
   *
   * @param code the byte
   * @return the type
   * @throws InsCryptoException MALFORMED when unknown
   */
  public static KeyType fromCode(int code) {
    for (KeyType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new InsCryptoException(InsCryptoException.Code.MALFORMED, "keyType", "unknown key type code " + code);
  }
}
