package dev.ins.insi;

import java.util.Objects;

/**
 * The exchange with INSi failed below SOAP: HTTP error status, timeout, TLS failure, connection
 * failure, oversized response. Each failure has its own {@link ErrorCode}.
 *
 * <pre>{@code
 * catch (InsiTransportException e) {
 *   if (e.errorCode() == InsiTransportException.ErrorCode.TLS) { ... } // check certificates
 * }
 * }</pre>
 */
public final class InsiTransportException extends InsiException {
  private static final long serialVersionUID = 1L;

  /** What failed. */
  public enum ErrorCode {
    /** A non-2xx HTTP status without a SOAP fault. */
    HTTP_STATUS,
    /** Connect or response timeout. */
    TIMEOUT,
    /** TLS handshake or certificate failure (either side). */
    TLS,
    /** Connection refused, reset or closed early. */
    CONNECTION,
    /** The response exceeded the configured size bound. */
    RESPONSE_TOO_LARGE,
    /** The calling thread was interrupted. */
    INTERRUPTED
  }

  /** The failure kind. */
  private final ErrorCode errorCode;
  /** HTTP status, or -1. */
  private final int httpStatus;

  /**
   * Creates the error.
   *
   * @param errorCode what failed
   * @param httpStatus HTTP status, or -1 when none was received
   * @param message what happened (no patient data)
   * @param messageId the request's message ID, or null
   * @param cause the cause, or null
   */
  public InsiTransportException(ErrorCode errorCode, int httpStatus, String message, String messageId,
      Throwable cause) {
    super(Objects.requireNonNull(errorCode, "errorCode") + ": " + message, messageId, cause);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  /**
   * Returns the failure kind.
   *
   * @return the code
   */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status, or -1 when none was received
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Tells whether re-sending the same search is safe and may succeed: connection failures before a
   * response, and HTTP 503.
   *
   * @return true when a bounded retry is reasonable
   */
  public boolean isRetryable() {
    return errorCode == ErrorCode.CONNECTION || (errorCode == ErrorCode.HTTP_STATUS && httpStatus == 503);
  }
}
