package dev.ins.security.backup;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.SecretAccess;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * Someone who can open a backup: an id and an X25519 public key. Only the public key is needed to
 * create a backup, so an offline recovery key never has to be on the practice's machine.
 *
 * <pre>{@code
 * BackupRecipient practice = BackupRecipient.fromKeyset("practice", practiceKeyset);
 * BackupRecipient recovery = BackupRecipient.of("recovery", recoveryPublicKey);
 * }</pre>
 *
 * @param id {@code [a-z0-9._-]{1,32}}, unique among a backup's recipients
 * @param publicKey the 32-byte X25519 public key
 */
public record BackupRecipient(String id, byte[] publicKey) {
  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,32}");

  /**
   * Validates.
   *
   * @param id the id
   * @param publicKey 32 bytes, copied
   */
  public BackupRecipient {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "recipient.id", "must match [a-z0-9._-]{1,32}");
    }
    Objects.requireNonNull(publicKey, "publicKey == null");
    if (publicKey.length != 32) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "recipient.publicKey", "X25519 keys are 32 bytes");
    }
    publicKey = publicKey.clone();
  }

  /**
   * Creates a recipient.
   *
   * @param id the id
   * @param publicKey the X25519 public key
   * @return the recipient
   */
  public static BackupRecipient of(String id, byte[] publicKey) {
    return new BackupRecipient(id, publicKey);
  }

  /**
   * Derives the recipient from the primary key of an X25519 keyset.
   *
   * @param id the id
   * @param keyset an {@link KeyType#X25519} keyset
   * @return the recipient
   */
  public static BackupRecipient fromKeyset(String id, Keyset keyset) {
    return new BackupRecipient(id, publicKeyOf(keyset));
  }

  static byte[] publicKeyOf(Keyset keyset) {
    if (keyset.primary().type() != KeyType.X25519) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keyset.primary", "need an X25519 key, got " + keyset.primary().type());
    }
    return new X25519PrivateKeyParameters(keyset.primary().material().toByteArray(SecretAccess.insecure()), 0)
        .generatePublicKey()
        .getEncoded();
  }

  /**
   * Returns a copy of the public key.
   *
   * @return 32 bytes
   */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupRecipient
        && ((BackupRecipient) o).id.equals(id)
        && Arrays.equals(((BackupRecipient) o).publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, Arrays.hashCode(publicKey));
  }

  @Override
  public String toString() {
    return "BackupRecipient[" + id + ", " + Base64.getEncoder().encodeToString(publicKey) + "]";
  }
}
