package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.BouncyCastle;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 public key (RFC 8032) that verifies audit checkpoints and backup manifests.
 *
 * <p>Verification is strict: a signature must be exactly 64 bytes with a canonical scalar.
 * Equality is structural on the 32 encoded bytes.
 *
 * <pre>{@code
 * Ed25519PublicKey pk = Ed25519PublicKey.parse(base64);
 * boolean ok = pk.verify(message, signature);
 * }</pre>
 */
public final class Ed25519PublicKey {
  private final byte[] encoded;
  private final Ed25519PublicKeyParameters params;

  private Ed25519PublicKey(byte[] encoded, Ed25519PublicKeyParameters params) {
    this.encoded = encoded;
    this.params = params;
  }

  /**
   * Wraps a 32-byte encoded public key.
   *
   * @param encoded the key
   * @return the key
   * @throws InsCryptoException MALFORMED when not 32 bytes or not a valid point encoding
   */
  public static Ed25519PublicKey of(byte[] encoded) {
    BouncyCastle.require();
    Objects.requireNonNull(encoded, "encoded == null");
    if (encoded.length != 32) {
      throw new InsCryptoException(Code.MALFORMED, "publicKey", "Ed25519 keys are 32 bytes, got " + encoded.length);
    }
    try {
      return new Ed25519PublicKey(encoded.clone(), new Ed25519PublicKeyParameters(encoded, 0));
    } catch (RuntimeException e) {
      throw new InsCryptoException(Code.MALFORMED, "publicKey", "not a valid Ed25519 point", e);
    }
  }

  /**
   * Parses standard base64.
   *
   * @param base64 the key in base64
   * @return the key
   */
  public static Ed25519PublicKey parse(String base64) {
    try {
      return of(Base64.getDecoder().decode(Objects.requireNonNull(base64, "base64 == null").trim()));
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, "publicKey", "not base64", e);
    }
  }

  /**
   * Verifies a signature.
   *
   * @param message the signed bytes
   * @param signature the 64-byte signature
   * @return whether it is valid
   */
  public boolean verify(byte[] message, byte[] signature) {
    if (message == null || signature == null || signature.length != 64) {
      return false;
    }
    try {
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, params);
      v.update(message, 0, message.length);
      return v.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns the encoded key.
   *
   * @return 32 bytes
   */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * Returns the key in standard base64.
   *
   * @return base64
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey && Arrays.equals(((Ed25519PublicKey) o).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + toBase64() + "]";
  }
}
