package dev.ins.security;

import dev.ins.security.internal.Rng;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Secret bytes (a key, a seed) that never show up in a log, a message or {@code toString()}.
 *
 * <p>Immutable: the bytes are copied in and out. Raw access needs a {@link SecretAccess} token.
 * Comparison is constant-time through {@link #equalsSecret(SecretBytes)}; {@code equals} is
 * identity so that secrets are not compared by accident in collections.
 *
 * <pre>{@code
 * SecretBytes key = SecretBytes.random(32);
 * key.toString(); // "SecretBytes[32 bytes, redacted]"
 * }</pre>
 */
public final class SecretBytes {
  private final byte[] bytes;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of raw secret bytes.
   *
   * @param raw the bytes, not null, copied
   * @param access the access token
   * @return the secret
   */
  public static SecretBytes copyOf(byte[] raw, SecretAccess access) {
    Objects.requireNonNull(access, "access == null");
    return new SecretBytes(Objects.requireNonNull(raw, "raw == null").clone());
  }

  /**
   * Generates fresh random secret bytes from a strong random source.
   *
   * @param length how many bytes, 1 to 1024
   * @return the secret
   */
  public static SecretBytes random(int length) {
    if (length < 1 || length > 1024) {
      throw new IllegalArgumentException("length must be in 1..1024, got " + length);
    }
    return new SecretBytes(Rng.bytes(length));
  }

  /**
   * Returns a copy of the raw bytes.
   *
   * @param access the access token
   * @return a fresh copy the caller should wipe after use
   */
  public byte[] toByteArray(SecretAccess access) {
    Objects.requireNonNull(access, "access == null");
    return bytes.clone();
  }

  /**
   * Returns the number of bytes.
   *
   * @return the length
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Compares two secrets in constant time (for equal lengths).
   *
   * @param other the other secret, may be null
   * @return whether both hold the same bytes
   */
  public boolean equalsSecret(SecretBytes other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Overwrites the bytes with zeros; the object must not be used afterwards. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, redacted]";
  }
}
