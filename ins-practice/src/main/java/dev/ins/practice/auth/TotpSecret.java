package dev.ins.practice.auth;

import dev.ins.security.RecordAead;
import dev.ins.security.RecordContext;
import dev.ins.security.SecretAccess;
import dev.ins.security.SecretBytes;
import java.util.Objects;

/**
 * A user's TOTP shared secret, generated and sealed like the SDK's other keys: 256 random bits
 * (RFC 6238 §5.1: at least the HMAC output length for SHA-1 and SHA-256), stored only encrypted
 * by the practice's {@link RecordAead} and bound to the user (a sealed secret moved to another
 * user's row does not open).
 *
 * <pre>{@code
 * SecretBytes secret = TotpSecret.generate();
 * byte[] stored = TotpSecret.seal(secret, aead, userId);            // to the user's row
 * String uri = Totp.builder().build().otpauthUri("MonLogiciel", login, secret);   // QR code, shown once
 * SecretBytes back = TotpSecret.open(stored, aead, userId);
 * }</pre>
 */
public final class TotpSecret {
  /** The generated secret size in bytes. */
  public static final int SIZE = 32;

  private TotpSecret() {}

  /**
   * Generates a secret.
   *
   * @return 32 random bytes
   */
  public static SecretBytes generate() {
    return SecretBytes.random(SIZE);
  }

  /**
   * Encrypts a secret for storage in the user's row.
   *
   * @param secret the secret
   * @param aead the practice's record AEAD
   * @param userId the user's stable id (the record context)
   * @return the ciphertext
   */
  public static byte[] seal(SecretBytes secret, RecordAead aead, String userId) {
    Objects.requireNonNull(secret, "secret == null");
    return aead.encrypt(secret.toByteArray(SecretAccess.insecure()), context(userId));
  }

  /**
   * Decrypts a stored secret.
   *
   * @param sealed the ciphertext
   * @param aead the practice's record AEAD
   * @param userId the user's id it was sealed for
   * @return the secret
   * @throws dev.ins.security.InsCryptoException when it was sealed for another user or modified
   */
  public static SecretBytes open(byte[] sealed, RecordAead aead, String userId) {
    byte[] clear = aead.decrypt(sealed, context(userId));
    try {
      return SecretBytes.copyOf(clear, SecretAccess.insecure());
    } finally {
      java.util.Arrays.fill(clear, (byte) 0);
    }
  }

  private static RecordContext context(String userId) {
    return RecordContext.of("practice_user", "totp_secret", Objects.requireNonNull(userId, "userId == null"));
  }
}
