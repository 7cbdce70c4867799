package dev.ins.insi;

import java.util.Objects;

/**
 * INSi's response could not be read as the contract says: malformed or truncated XML, a DTD, not a
 * SOAP 1.2 envelope, an unknown CR code, a CR 00 without identity.
 *
 * <p>Distinct from {@link InsiTransportException} (the bytes arrived) and from
 * {@link InsiFaultException} (no fault was recognised). Data that are merely invalid by ins-core's
 * rules (a wrong matricule key) are not errors: they are reported in the result.
 *
 * <pre>{@code
 * catch (InsiResponseException e) {
 *   e.errorCode(); // e.g. MALFORMED_XML
 * }
 * }</pre>
 */
public final class InsiResponseException extends InsiException {
  private static final long serialVersionUID = 1L;

  /** What was wrong. */
  public enum ErrorCode {
    /** Not well-formed XML (garbage, truncated, bad encoding, nested too deep). */
    MALFORMED_XML,
    /** A DOCTYPE, entity declaration or entity reference: refused. */
    DTD_FORBIDDEN,
    /** Well-formed, but not a SOAP 1.2 envelope with a body. */
    NOT_SOAP,
    /** The SOAP body holds something else than RESULTAT or a Fault. */
    UNEXPECTED_CONTENT,
    /** The document exceeds the size bound. */
    TOO_LARGE,
    /** The CR is missing or its code is not 00, 01 or 02. */
    INVALID_CR,
    /** CR 00 without INDIVIDU/INSACTIF/TIQ, or CR 01/02 with an INDIVIDU. */
    INCONSISTENT_RESULT
  }

  /** The code. */
  private final ErrorCode errorCode;

  /**
   * Creates the error.
   *
   * @param errorCode what was wrong
   * @param message details (no patient data)
   * @param messageId the request's message ID, or null
   * @param cause the cause, or null
   */
  public InsiResponseException(ErrorCode errorCode, String message, String messageId, Throwable cause) {
    super(Objects.requireNonNull(errorCode, "errorCode") + ": " + message, messageId, cause);
    this.errorCode = errorCode;
  }

  /**
   * Returns what was wrong.
   *
   * @return the code
   */
  public ErrorCode errorCode() {
    return errorCode;
  }
}
