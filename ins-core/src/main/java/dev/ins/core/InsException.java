package dev.ins.core;

/**
 * Root of the SDK's small, unchecked exception hierarchy.
 *
 * <p>Every module derives its typed errors from this class (validation here, transport in the INSi
 * client, card errors in the card reader, crypto errors in the security module). Subtypes carry
 * structured fields (field path, stable code, status word, SOAP fault code) so that callers branch
 * on data, not on message text. Messages name the rule and the offending part and never contain
 * patient data in clear.
 *
 * <pre>{@code
 * try {
 *   Matricule.parse(input);
 * } catch (InsException e) {
 *   log.warn("rejected: {}", e.getMessage()); // safe: no patient data in the message
 * }
 * }</pre>
 */
public abstract class InsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong, naming the rule; never patient data in clear
   * @param cause the underlying cause, or {@code null}
   */
  protected InsException(String message, Throwable cause) {
    super(message, cause);
  }
}
