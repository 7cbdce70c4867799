package dev.ins.phishing;

import dev.ins.core.InsException;

/**
 * The message source could not be read (an I/O failure of the stream or the file), as opposed to
 * bad content, which is never an exception but a verdict with a {@link ReasonCode#MALFORMED}
 * reason.
 *
 * <pre>{@code
 * try {
 *   triage.assess(path);
 * } catch (MailReadException e) {
 *   log.warn("cannot read {}: {}", path.getFileName(), e.getMessage());
 * }
 * }</pre>
 */
public final class MailReadException extends InsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read; no message content
   * @param cause the I/O failure
   */
  public MailReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
