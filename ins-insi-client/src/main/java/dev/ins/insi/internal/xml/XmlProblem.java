package dev.ins.insi.internal.xml;

/** Raised by the codec when XML is unreadable or not what the contract says; mapped to public errors by callers. */
public final class XmlProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** Stable reason codes. */
  public enum Reason {
    /** Larger than the configured bound. */
    TOO_LARGE,
    /** Not well-formed XML (truncated, garbage, bad encoding). */
    MALFORMED,
    /** A DOCTYPE or entity declaration: forbidden. */
    DTD_FORBIDDEN,
    /** Well-formed but not a SOAP 1.2 envelope. */
    NOT_SOAP,
    /** A SOAP envelope without the expected body element. */
    UNEXPECTED_CONTENT
  }

  private final Reason reason;

  /**
   * Creates a problem.
   *
   * @param reason the reason
   * @param message what was wrong (no patient data)
   * @param cause the cause or null
   */
  public XmlProblem(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Returns the reason.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
