package dev.ins.insi;

import java.util.List;
import org.w3c.dom.Element;

/**
 * Supplies the content of {@code wsse:Security} for each request: nothing in mutual-TLS mode (the
 * default), the signed SAML "assertion PS" in CPx mode (produced by the caller's card stack).
 *
 * <pre>{@code
 * SecurityHeaderProvider cpx = (operation, messageId) -> List.of(mySignedAssertion());
 * }</pre>
 */
@FunctionalInterface
public interface SecurityHeaderProvider {

  /**
   * Returns the elements to place in {@code wsse:Security}.
   *
   * @param operation the operation being called
   * @param messageId the message ID of the request
   * @return the elements, possibly empty; they are copied into the envelope
   */
  List<Element> elements(InsiOperation operation, String messageId);
}
