package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyed pseudonym of a matricule: purpose, key id (the key version) and 32 HMAC bytes.
 *
 * <p>Text form: {@code ps1.<purpose>.<keyId hex8>.<base64url, no padding>}, e.g. {@code
 * ps1.search-index.0a1b2c3d.Q2xh...}. Equality is structural. It reveals nothing about the
 * matricule without the key, so it may appear in audit logs and exports.
 *
 * <pre>{@code
 * Pseudonym p = Pseudonym.parse("ps1.export.0a1b2c3d.AAAA...");
 * }</pre>
 *
 * @param purpose the purpose label, {@code [a-z0-9-]{1,32}}
 * @param keyId the id of the key that computed it
 * @param value the 32 HMAC-SHA-256 bytes
 */
public record Pseudonym(String purpose, int keyId, byte[] value) {
  private static final Pattern PURPOSE = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern TEXT =
      Pattern.compile("ps1\\.([a-z0-9-]{1,32})\\.([0-9a-f]{8})\\.([A-Za-z0-9_-]{43})");

  /**
   * Validates the parts.
   *
   * @param purpose {@code [a-z0-9-]{1,32}}
   * @param keyId any int
   * @param value exactly 32 bytes, copied
   */
  public Pseudonym {
    checkPurpose(purpose);
    Objects.requireNonNull(value, "value == null");
    if (value.length != 32) {
      throw new InsCryptoException(Code.MALFORMED, "pseudonym.value", "must be 32 bytes, got " + value.length);
    }
    value = value.clone();
  }

  static void checkPurpose(String purpose) {
    if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "pseudonym.purpose", "must match [a-z0-9-]{1,32}");
    }
  }

  /**
   * Returns a copy of the HMAC bytes.
   *
   * @return 32 bytes
   */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /**
   * Parses the text form.
   *
   * @param text e.g. {@code ps1.export.0a1b2c3d.<43 base64url chars>}
   * @return the pseudonym
   * @throws InsCryptoException MALFORMED naming the rule
   */
  public static Pseudonym parse(CharSequence text) {
    if (text == null) {
      throw new InsCryptoException(Code.MALFORMED, "pseudonym", "null");
    }
    var m = TEXT.matcher(text);
    if (!m.matches()) {
      throw new InsCryptoException(
          Code.MALFORMED, "pseudonym", "expected ps1.<purpose>.<8 hex>.<43 base64url chars>");
    }
    byte[] v = Base64.getUrlDecoder().decode(m.group(3));
    Pseudonym p = new Pseudonym(m.group(1), Integer.parseUnsignedInt(m.group(2), 16), v);
    if (!p.format().contentEquals(text)) {
      throw new InsCryptoException(Code.MALFORMED, "pseudonym", "non-canonical base64url");
    }
    return p;
  }

  /**
   * Returns the text form.
   *
   * @return {@code ps1.<purpose>.<keyId>.<value>}
   */
  public String format() {
    return "ps1." + purpose + "." + String.format("%08x", keyId) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pseudonym
        && ((Pseudonym) o).purpose.equals(purpose)
        && ((Pseudonym) o).keyId == keyId
        && Arrays.equals(((Pseudonym) o).value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(purpose, keyId, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return format();
  }
}
