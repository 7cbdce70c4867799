package dev.ins.security;

/**
 * Authenticated encryption of one stored value, bound to where it is stored.
 *
 * <p>Implementations choose the key (the keyset's primary), generate the nonce themselves and put
 * the key ID in the ciphertext so that rotation never loses data. The context is mandatory: a
 * ciphertext only decrypts under the exact {@link RecordContext} it was encrypted for. Thread-safe.
 *
 * <pre>{@code
 * RecordAead aead = keyset.recordAead();
 * RecordContext ctx = RecordContext.of("patient", "ins", "42");
 * byte[] ct = aead.encrypt("279035121518989".getBytes(UTF_8), ctx);
 * byte[] pt = aead.decrypt(ct, ctx);
 * }</pre>
 */
public interface RecordAead {

  /**
   * Encrypts under the primary key.
   *
   * @param plaintext the value, not null
   * @param context where the value is stored, not null
   * @return the ciphertext: version, key id, nonce, body, tag
   */
  byte[] encrypt(byte[] plaintext, RecordContext context);

  /**
   * Decrypts a value encrypted under any enabled key of the keyset.
   *
   * @param ciphertext as produced by {@link #encrypt}
   * @param context the same context
   * @return the plaintext
   * @throws InsCryptoException MALFORMED, UNKNOWN_KEY, KEY_DISABLED or DECRYPTION_FAILED
   */
  byte[] decrypt(byte[] ciphertext, RecordContext context);
}
