package dev.ins.insi.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * The HTTP answer to a {@link TransportRequest}: status, content type and body bytes (bounded by
 * the transport).
 *
 * <pre>{@code
 * TransportResponse r = new TransportResponse(200, "application/soap+xml", bytes);
 * }</pre>
 *
 * @param status HTTP status
 * @param contentType the Content-Type header, or empty
 * @param body the body bytes
 */
public record TransportResponse(int status, String contentType, byte[] body) {

  /**
   * Validates and copies.
   *
   * @param status see the record component
   * @param contentType see the record component
   * @param body see the record component
   */
  public TransportResponse {
    Objects.requireNonNull(contentType, "contentType");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /**
   * Returns a copy of the body.
   *
   * @return the bytes
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Without the body. */
  @Override
  public String toString() {
    return "TransportResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportResponse r && r.status == status && r.contentType.equals(contentType)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType) * 31 + Arrays.hashCode(body);
  }
}
