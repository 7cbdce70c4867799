package dev.ins.insi;

import dev.ins.core.InsException;

/**
 * Root of the INSi client's errors: a SOAP fault ({@link InsiFaultException}), a transport failure
 * ({@link InsiTransportException}) or an unreadable response ({@link InsiResponseException}).
 *
 * <p>Messages never hold patient data.
 *
 * <pre>{@code
 * try {
 *   client.searchByTraits(traits);
 * } catch (InsiFaultException e) {
 *   e.errorCode(); // e.g. "DESIR_560"
 * } catch (InsiException e) {
 *   e.messageId();
 * }
 * }</pre>
 */
public abstract class InsiException extends InsException {
  private static final long serialVersionUID = 1L;

  /** The wsa:MessageID of the failed call, or null. */
  private final String messageId;

  /**
   * Creates an error.
   *
   * @param message what happened (no patient data)
   * @param messageId the message ID of the call, or null
   * @param cause the cause, or null
   */
  protected InsiException(String message, String messageId, Throwable cause) {
    super(message, cause);
    this.messageId = messageId;
  }

  /**
   * Returns the message ID of the failed call.
   *
   * @return {@code uuid:...}, or null when unknown
   */
  public String messageId() {
    return messageId;
  }
}
