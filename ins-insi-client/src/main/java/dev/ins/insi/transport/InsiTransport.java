package dev.ins.insi.transport;

/**
 * Carries one SOAP request to INSi and returns the HTTP answer. The default implementation is
 * {@link HttpClientTransport}; tests or other stacks can plug their own.
 *
 * <p>Contract: return any HTTP answer (including 4xx/5xx, the client reads SOAP faults from them);
 * throw {@link dev.ins.insi.InsiTransportException} with the matching code for timeouts, TLS
 * failures, connection failures and oversized responses; never log bodies.
 *
 * <pre>{@code
 * InsiTransport canned = request -> new TransportResponse(200, "application/soap+xml", cannedBytes);
 * }</pre>
 */
@FunctionalInterface
public interface InsiTransport extends AutoCloseable {

  /**
   * Sends the request.
   *
   * @param request the request
   * @return the HTTP answer
   * @throws dev.ins.insi.InsiTransportException when no HTTP answer could be obtained
   */
  TransportResponse send(TransportRequest request);

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
