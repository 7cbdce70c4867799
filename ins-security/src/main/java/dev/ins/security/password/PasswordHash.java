package dev.ins.security.password;

import dev.ins.security.Argon2Params;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Argon2id password hash in the PHC string format: {@code
 * $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (base64 without padding).
 *
 * <p>Parsing is strict and bounded: the cost must lie within {@link Argon2Params}'s bounds (so a
 * planted hash cannot make a login use 1 TiB), salt 16..64 bytes, hash 16..64 bytes. {@code
 * toString()} omits the hash bytes.
 *
 * <pre>{@code
 * PasswordHash h = PasswordHash.parse(storedString);
 * boolean weak = !h.params().atLeast(Argon2Params.recommended());
 * }</pre>
 *
 * @param params the Argon2id cost
 * @param salt the salt
 * @param hash the hash bytes
 */
public record PasswordHash(Argon2Params params, byte[] salt, byte[] hash) {
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,7}),t=([1-9][0-9]?),p=([1-9])\\$([A-Za-z0-9+/]{22,86})\\$([A-Za-z0-9+/]{22,86})");

  /**
   * Validates and copies.
   *
   * @param params the cost
   * @param salt 16..64 bytes
   * @param hash 16..64 bytes
   */
  public PasswordHash {
    Objects.requireNonNull(params, "params == null");
    if (salt == null || salt.length < 16 || salt.length > 64) {
      throw new InsCryptoException(Code.MALFORMED, "passwordHash.salt", "must be 16..64 bytes");
    }
    if (hash == null || hash.length < 16 || hash.length > 64) {
      throw new InsCryptoException(Code.MALFORMED, "passwordHash.hash", "must be 16..64 bytes");
    }
    salt = salt.clone();
    hash = hash.clone();
  }

  /**
   * Parses a PHC string.
   *
   * @param phc the stored string
   * @return the hash
   * @throws InsCryptoException MALFORMED naming the rule
   */
  public static PasswordHash parse(String phc) {
    if (phc == null || phc.length() > 256) {
      throw new InsCryptoException(Code.MALFORMED, "passwordHash", "null or longer than 256 characters");
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      throw new InsCryptoException(
          Code.MALFORMED, "passwordHash", "expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>");
    }
    Argon2Params p;
    try {
      p = Argon2Params.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (InsCryptoException e) {
      throw new InsCryptoException(Code.MALFORMED, e.field(), "stored cost refused: " + e.getMessage(), e);
    }
    PasswordHash h;
    try {
      h = new PasswordHash(p, Base64.getDecoder().decode(m.group(4)), Base64.getDecoder().decode(m.group(5)));
    } catch (IllegalArgumentException e) {
      throw new InsCryptoException(Code.MALFORMED, "passwordHash", "salt or hash is not base64", e);
    }
    if (!h.format().equals(phc)) {
      throw new InsCryptoException(Code.MALFORMED, "passwordHash", "not in canonical form");
    }
    return h;
  }

  /**
   * Returns the PHC string.
   *
   * @return the string to store
   */
  public String format() {
    Base64.Encoder e = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
        + "$" + e.encodeToString(salt) + "$" + e.encodeToString(hash);
  }

  /**
   * Returns a copy of the salt.
   *
   * @return the salt
   */
  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /**
   * Returns a copy of the hash bytes.
   *
   * @return the hash
   */
  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHash && ((PasswordHash) o).format().equals(format());
  }

  @Override
  public int hashCode() {
    return format().hashCode();
  }

  @Override
  public String toString() {
    return "PasswordHash[argon2id, " + params + ", hash redacted]";
  }

  boolean sameHash(byte[] other) {
    return java.security.MessageDigest.isEqual(hash, other);
  }
}
