package dev.ins.security;

import java.util.Objects;

/**
 * One key of a {@link Keyset}: an id unique in its keyset, a type, a status and the secret.
 *
 * <p>Immutable. {@code toString()} never shows the secret. Equality is identity.
 *
 * <pre>{@code
 * KeysetKey primary = keyset.primary();
 * int id = primary.id();
 * }</pre>
 */
public final class KeysetKey {
  private final int id;
  private final KeyType type;
  private final KeyStatus status;
  private final SecretBytes material;

  /**
   * Creates a key.
   *
   * @param id the key id, non-zero
   * @param type the key type
   * @param status the status
   * @param material the secret, exactly {@code type.keyLength()} bytes
   */
  public KeysetKey(int id, KeyType type, KeyStatus status, SecretBytes material) {
    if (id == 0) {
      throw new InsCryptoException(InsCryptoException.Code.POLICY_VIOLATION, "key.id", "key id 0 is reserved");
    }
    this.id = id;
    this.type = Objects.requireNonNull(type, "type == null");
    this.status = Objects.requireNonNull(status, "status == null");
    this.material = Objects.requireNonNull(material, "material == null");
    if (material.size() != type.keyLength()) {
      throw new InsCryptoException(
          InsCryptoException.Code.POLICY_VIOLATION,
          "key.material",
          type + " needs " + type.keyLength() + " bytes, got " + material.size());
    }
  }

  /**
   * Returns the id.
   *
   * @return the non-zero id
   */
  public int id() {
    return id;
  }

  /**
   * Returns the type.
   *
   * @return the type
   */
  public KeyType type() {
    return type;
  }

  /**
   * Returns the status.
   *
   * @return the status
   */
  public KeyStatus status() {
    return status;
  }

  /**
   * Returns the secret.
   *
   * @return the key material (raw access needs a {@link SecretAccess} token)
   */
  public SecretBytes material() {
    return material;
  }

  KeysetKey withStatus(KeyStatus s) {
    return new KeysetKey(id, type, s, material);
  }

  /**
   * Returns the id as eight hex digits.
   *
   * @return e.g. {@code "0a1b2c3d"}
   */
  public String idHex() {
    return String.format("%08x", id);
  }

  @Override
  public String toString() {
    return "KeysetKey[id=" + idHex() + ", " + type + ", " + status + ", material redacted]";
  }
}
