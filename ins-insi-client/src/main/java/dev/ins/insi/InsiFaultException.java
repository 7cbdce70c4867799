package dev.ins.insi;

import java.util.Locale;

/**
 * INSi answered with a SOAP 1.2 fault ({@code siram_*}, {@code desir_*}, {@code insi_*}).
 *
 * <p>Structured: SOAP code ({@code Sender}/{@code Receiver}), subcode ({@code siram_100}),
 * the {@code siram:Erreur} code ({@code desir_550}), its severity and technical text, and the
 * user-facing {@code soap:Reason} text ({@link #reason()}).
 *
 * <pre>{@code
 * catch (InsiFaultException e) {
 *   if ("DESIR_560".equalsIgnoreCase(e.errorCode())) { ... } // certificate CN not INSI-AUTO/INSI-MANU
 * }
 * }</pre>
 */
public final class InsiFaultException extends InsiException {
  private static final long serialVersionUID = 1L;

  /** Severity of an INSi error ({@code severite}). */
  public enum Severity {
    /** information. */
    INFORMATION,
    /** avertissement. */
    WARNING,
    /** erreur. */
    ERROR,
    /** fatale. */
    FATAL,
    /** absent or unknown. */
    UNKNOWN;

    /**
     * Reads the {@code severite} attribute.
     *
     * @param s the attribute, may be null
     * @return the severity, {@link #UNKNOWN} when absent or unrecognised
     */
    public static Severity fromSiram(String s) {
      if (s == null) {
        return UNKNOWN;
      }
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "information":
          return INFORMATION;
        case "avertissement":
          return WARNING;
        case "erreur":
          return ERROR;
        case "fatale":
          return FATAL;
        default:
          return UNKNOWN;
      }
    }
  }

  /** SOAP Code/Value local part. */
  private final String soapCode;
  /** SOAP Subcode/Value local part, or null. */
  private final String subcode;
  /** siram:Erreur code, or null. */
  private final String errorCode;
  /** Severity. */
  private final Severity severity;
  /** The server's technical text (Erreur text, else Reason). */
  private final String text;
  /** The user-facing Reason text, or null. */
  private final String reason;
  /** HTTP status of the response. */
  private final int httpStatus;

  /**
   * Creates the error.
   *
   * @param soapCode SOAP code, e.g. {@code Sender}
   * @param subcode subcode, e.g. {@code siram_100}, or null
   * @param errorCode Erreur code, e.g. {@code desir_550}, or null
   * @param severity severity
   * @param text the server's explanation
   * @param httpStatus HTTP status
   * @param messageId the request's message ID
   */
  public InsiFaultException(String soapCode, String subcode, String errorCode, Severity severity, String text,
      int httpStatus, String messageId) {
    this(soapCode, subcode, errorCode, severity, text, null, httpStatus, messageId);
  }

  /**
   * Creates the error with the two texts the service sends: the technical {@code siram:Erreur} text
   * and the user-facing {@code soap:Reason} text.
   *
   * @param soapCode SOAP code, e.g. {@code Sender}
   * @param subcode subcode, e.g. {@code siram_100}, or null
   * @param errorCode Erreur code, e.g. {@code desir_550}, or null
   * @param severity severity
   * @param text the technical explanation (Erreur text, else Reason)
   * @param reason the user-facing Reason text, or null
   * @param httpStatus HTTP status
   * @param messageId the request's message ID
   */
  public InsiFaultException(String soapCode, String subcode, String errorCode, Severity severity, String text,
      String reason, int httpStatus, String messageId) {
    super("INSi fault " + soapCode + (subcode == null ? "" : "/" + subcode)
        + (errorCode == null ? "" : " (" + errorCode + ")") + ", severity " + severity
        + (text == null ? "" : ": " + abbreviate(text)), messageId, null);
    this.soapCode = soapCode;
    this.subcode = subcode;
    this.errorCode = errorCode;
    this.severity = severity;
    this.text = text;
    this.reason = reason;
    this.httpStatus = httpStatus;
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  /**
   * Returns the SOAP code.
   *
   * @return e.g. {@code Sender}
   */
  public String soapCode() {
    return soapCode;
  }

  /**
   * Returns the SOAP subcode.
   *
   * @return e.g. {@code siram_100}, or null
   */
  public String subcode() {
    return subcode;
  }

  /**
   * Returns the INSi error code (siram:Erreur/@code), falling back to the subcode.
   *
   * @return e.g. {@code desir_550}, or null when neither is present
   */
  public String errorCode() {
    return errorCode != null ? errorCode : subcode;
  }

  /**
   * Returns the severity.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }

  /**
   * Returns the server's explanation.
   *
   * @return the text, or null
   */
  public String text() {
    return text;
  }

  /**
   * Returns the user-facing explanation INSi gives in {@code soap:Reason}, meant for the operator's
   * screen (the technical one is {@link #text()}).
   *
   * @return the Reason text, or null when the fault has none
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the HTTP status of the fault response.
   *
   * @return usually 500
   */
  public int httpStatus() {
    return httpStatus;
  }
}
