package dev.ins.insi.stub;

import java.time.Duration;
import java.util.Objects;

/**
 * A behaviour injected into the stub server for the next request(s): latency, HTTP errors, SOAP
 * faults, broken bodies, connection reset, or a canned response file.
 *
 * <pre>{@code
 * stub.enqueue(StubFault.httpStatus(503));
 * stub.enqueue(StubFault.soapFault("siram_100", "desir_550", "erreur", "Numero d'autorisation inconnu"));
 * stub.enqueue(StubFault.canned(Files.readAllBytes(Path.of("REP_CR01.xml"))));
 * }</pre>
 *
 * @param kind what happens
 * @param delay latency before answering ({@link Kind#LATENCY}), else zero
 * @param status HTTP status ({@link Kind#HTTP_STATUS}, {@link Kind#SOAP_FAULT}, {@link Kind#CANNED}), body size
 *     in bytes ({@link Kind#OVERSIZED_BODY}), else 0
 * @param subcode SOAP subcode ({@link Kind#SOAP_FAULT})
 * @param errorCode siram:Erreur code ({@link Kind#SOAP_FAULT})
 * @param severity siram:Erreur severite ({@link Kind#SOAP_FAULT})
 * @param text the {@code siram:Erreur} text ({@link Kind#SOAP_FAULT})
 * @param body canned body ({@link Kind#CANNED}), else null or empty
 * @param reason the user-facing {@code soap:Reason} text ({@link Kind#SOAP_FAULT}), else null
 */
public record StubFault(Kind kind, Duration delay, int status, String subcode, String errorCode, String severity,
    String text, byte[] body, String reason) {

  /** The injected behaviours. */
  public enum Kind {
    /** Wait, then answer normally. */
    LATENCY,
    /** An HTTP status with a plain-text body. */
    HTTP_STATUS,
    /** A SOAP 1.2 fault, HTTP 500. */
    SOAP_FAULT,
    /** A normal answer cut in the middle. */
    TRUNCATED_BODY,
    /** A body that is not XML. */
    MALFORMED_XML,
    /** A well-formed but huge body. */
    OVERSIZED_BODY,
    /** The connection is closed without an answer. */
    CONNECTION_RESET,
    /** A canned response (e.g. a CNDA file), HTTP 200 unless said otherwise. */
    CANNED
  }

  /**
   * Validates.
   *
   * @param kind see the record component
   * @param delay see the record component
   * @param status see the record component
   * @param subcode see the record component
   * @param errorCode see the record component
   * @param severity see the record component
   * @param text see the record component
   * @param body see the record component
   * @param reason see the record component
   */
  public StubFault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delay, "delay");
    body = body == null ? null : body.clone();
  }

  private static StubFault of(Kind k) {
    return new StubFault(k, Duration.ZERO, 0, null, null, null, null, null, null);
  }

  /**
   * Answers normally after a delay.
   *
   * @param delay the delay
   * @return the fault
   */
  public static StubFault latency(Duration delay) {
    return new StubFault(Kind.LATENCY, delay, 0, null, null, null, null, null, null);
  }

  /**
   * Answers with an HTTP status and a plain-text body.
   *
   * @param status e.g. 500, 503
   * @return the fault
   */
  public static StubFault httpStatus(int status) {
    return new StubFault(Kind.HTTP_STATUS, Duration.ZERO, status, null, null, null, null, null, null);
  }

  /**
   * Answers with a SOAP fault (Sender, HTTP 500) whose user-facing Reason is the stub's generic one.
   *
   * @param subcode e.g. {@code siram_100}
   * @param errorCode e.g. {@code desir_550}
   * @param severity e.g. {@code erreur}
   * @param text the {@code siram:Erreur} text
   * @return the fault
   */
  public static StubFault soapFault(String subcode, String errorCode, String severity, String text) {
    return soapFault(subcode, errorCode, severity, text, GENERIC_REASON);
  }

  /**
   * Answers with a SOAP fault (Sender, HTTP 500) as the service writes one: a user-facing
   * {@code soap:Reason} text and the technical {@code siram:Erreur} detail.
   *
   * @param subcode e.g. {@code siram_100}
   * @param errorCode e.g. {@code desir_550}
   * @param severity e.g. {@code erreur}
   * @param text the {@code siram:Erreur} text
   * @param reason the {@code soap:Reason} text shown to users
   * @return the fault
   */
  public static StubFault soapFault(String subcode, String errorCode, String severity, String text, String reason) {
    return new StubFault(Kind.SOAP_FAULT, Duration.ZERO, 500, subcode, errorCode, severity, text, null,
        Objects.requireNonNull(reason, "reason"));
  }

  /** The stub's user-facing Reason for injected faults that give none. */
  public static final String GENERIC_REASON =
      "Le service INSi ne peut pas traiter la demande. Réessayez ou contactez votre support informatique.";

  /**
   * Answers with half of the normal response.
   *
   * @return the fault
   */
  public static StubFault truncatedBody() {
    return of(Kind.TRUNCATED_BODY);
  }

  /**
   * Answers with a body that is not XML.
   *
   * @return the fault
   */
  public static StubFault malformedXml() {
    return of(Kind.MALFORMED_XML);
  }

  /**
   * Answers with a well-formed body of about {@code bytes} bytes.
   *
   * @param bytes the size
   * @return the fault
   */
  public static StubFault oversizedBody(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("bytes must be positive");
    }
    return new StubFault(Kind.OVERSIZED_BODY, Duration.ZERO, bytes, null, null, null, null, null, null);
  }

  /**
   * Closes the connection without answering.
   *
   * @return the fault
   */
  public static StubFault connectionReset() {
    return of(Kind.CONNECTION_RESET);
  }

  /**
   * Answers with these bytes, HTTP 200.
   *
   * @param body the response (e.g. a CNDA XML file)
   * @return the fault
   */
  public static StubFault canned(byte[] body) {
    return new StubFault(Kind.CANNED, Duration.ZERO, 200, null, null, null, null, Objects.requireNonNull(body), null);
  }

  /**
   * Returns a copy of the canned body.
   *
   * @return the bytes, or null
   */
  @Override
  public byte[] body() {
    return body == null ? null : body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StubFault f && f.kind == kind && f.delay.equals(delay) && f.status == status
        && Objects.equals(f.subcode, subcode) && Objects.equals(f.errorCode, errorCode)
        && Objects.equals(f.severity, severity) && Objects.equals(f.text, text)
        && java.util.Arrays.equals(f.body, body) && Objects.equals(f.reason, reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, delay, status, subcode, errorCode, severity, text, reason) * 31
        + java.util.Arrays.hashCode(body);
  }

  /** Without the body. */
  @Override
  public String toString() {
    return "StubFault[" + kind + "]";
  }
}
