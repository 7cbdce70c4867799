package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.BouncyCastle;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 signing key, taken from the primary key of an {@link KeyType#ED25519} keyset (so it is
 * stored sealed like any keyset). {@code toString()} shows only the public key.
 *
 * <pre>{@code
 * Keyset ks = Keyset.generate(KeyType.ED25519);
 * Ed25519SigningKey signer = Ed25519SigningKey.fromKeyset(ks);
 * byte[] sig = signer.sign(message);
 * }</pre>
 */
public final class Ed25519SigningKey {
  private final Ed25519PrivateKeyParameters priv;
  private final Ed25519PublicKey pub;
  private final int keyId;

  private Ed25519SigningKey(Ed25519PrivateKeyParameters priv, int keyId) {
    this.priv = priv;
    this.pub = Ed25519PublicKey.of(priv.generatePublicKey().getEncoded());
    this.keyId = keyId;
  }

  /**
   * Uses the primary key of an Ed25519 keyset.
   *
   * @param keyset the keyset
   * @return the signing key
   */
  public static Ed25519SigningKey fromKeyset(Keyset keyset) {
    BouncyCastle.require();
    KeysetKey k = Objects.requireNonNull(keyset, "keyset == null").primary();
    if (k.type() != KeyType.ED25519) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keyset.primary", "need an ED25519 key, got " + k.type());
    }
    return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(k.material().toByteArray(SecretAccess.insecure()), 0), k.id());
  }

  /**
   * Generates a fresh key (not stored anywhere; prefer {@link #fromKeyset}).
   *
   * @return the key
   */
  public static Ed25519SigningKey generate() {
    return fromKeyset(Keyset.generate(KeyType.ED25519));
  }

  /**
   * Signs.
   *
   * @param message the bytes
   * @return the 64-byte signature
   */
  public byte[] sign(byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, priv);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  /**
   * Returns the public key.
   *
   * @return the public key
   */
  public Ed25519PublicKey publicKey() {
    return pub;
  }

  /**
   * Returns the keyset key id this key came from.
   *
   * @return the id
   */
  public int keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "Ed25519SigningKey[public=" + pub.toBase64() + ", private redacted]";
  }
}
