package dev.ins.security;

import dev.ins.core.InsException;
import java.util.Objects;

/**
 * The typed error of the security module: a ciphertext, keyset, proof or backup was refused.
 *
 * <p>{@link #code()} says which rule failed and {@link #field()} names the part of the input that
 * broke it. Messages never contain key material or patient data.
 *
 * <pre>{@code
 * try {
 *   aead.decrypt(ciphertext, context);
 * } catch (InsCryptoException e) {
 *   if (e.code() == InsCryptoException.Code.UNKNOWN_KEY) { ... }
 * }
 * }</pre>
 */
public final class InsCryptoException extends InsException {
  private static final long serialVersionUID = 1L;

  /** Why the input was refused. */
  public enum Code {
    /** Authentication failed: wrong key, wrong context, or modified bytes. */
    DECRYPTION_FAILED,
    /** The bytes do not follow the format (length, magic, version, field ranges). */
    MALFORMED,
    /** The ciphertext names a key that the keyset does not hold. */
    UNKNOWN_KEY,
    /** The ciphertext names a key that is disabled in the keyset. */
    KEY_DISABLED,
    /** The request breaks the module's policy (key size, nonce size, parameter bounds). */
    POLICY_VIOLATION,
    /** A signature or proof did not verify. */
    VERIFICATION_FAILED,
    /** The crypto provider is missing or too old. */
    UNSUPPORTED_PROVIDER,
    /** Reading or writing an artefact failed. */
    IO
  }

  /** The rule that failed. */
  private final Code code;

  /** The part of the input that broke the rule. */
  private final String field;

  /**
   * Creates the error.
   *
   * @param code the rule that failed, not null
   * @param field the offending part of the input (e.g. {@code "ciphertext.keyId"}), not null
   * @param message what went wrong, without secrets or patient data
   * @param cause the underlying cause, or {@code null}
   */
  public InsCryptoException(Code code, String field, String message, Throwable cause) {
    super(Objects.requireNonNull(field, "field == null") + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code == null");
    this.field = field;
  }

  /**
   * Creates the error without a cause.
   *
   * @param code the rule that failed
   * @param field the offending part of the input
   * @param message what went wrong
   */
  public InsCryptoException(Code code, String field, String message) {
    this(code, field, message, null);
  }

  /**
   * Returns the rule that failed.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  /**
   * Returns the offending part of the input.
   *
   * @return the field path
   */
  public String field() {
    return field;
  }
}
