package dev.ins.insi.transport;

import java.net.URI;
import java.util.Objects;

/**
 * One SOAP request on its way to INSi.
 *
 * <p>The body is the complete SOAP 1.2 envelope in UTF-8; it holds patient data and must never be
 * logged unmasked. Arrays are copied on the way in and out.
 *
 * <pre>{@code
 * TransportRequest r = new TransportRequest(endpoint, InsiOperation.SEARCH_BY_TRAITS.action(), "uuid:...", xml);
 * }</pre>
 *
 * @param endpoint the URL
 * @param action the {@code wsa:Action}, also sent as the SOAP 1.2 {@code action} parameter
 * @param messageId the {@code wsa:MessageID}
 * @param body the envelope bytes
 */
public record TransportRequest(URI endpoint, String action, String messageId, byte[] body) {

  /**
   * Validates and copies.
   *
   * @param endpoint see the record component
   * @param action see the record component
   * @param messageId see the record component
   * @param body see the record component
   */
  public TransportRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(messageId, "messageId");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * Returns a copy of the body.
   *
   * @return the envelope bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Without the body. */
  @Override
  public String toString() {
    return "TransportRequest[" + endpoint + ", " + action + ", " + messageId + ", " + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportRequest r && r.endpoint.equals(endpoint) && r.action.equals(action)
        && r.messageId.equals(messageId) && java.util.Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, action, messageId) * 31 + java.util.Arrays.hashCode(body);
  }
}
