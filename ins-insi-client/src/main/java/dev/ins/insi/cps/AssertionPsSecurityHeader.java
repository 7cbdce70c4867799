package dev.ins.insi.cps;

import dev.ins.insi.InsiOperation;
import dev.ins.insi.SecurityHeaderProvider;
import dev.ins.insi.internal.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Puts the signed assertion PS in {@code wsse:Security} of every INSi request (CPS mode). The
 * assertion comes from an {@link AssertionPsSigner}, which reuses it until shortly before it
 * expires.
 *
 * <pre>{@code
 * InsiClient insi = InsiClient.builder()
 *     .transport(HttpClientTransport.builder().serverAuthenticationOnly().trustedRoots(roots).build())
 *     .securityHeader(new AssertionPsSecurityHeader(signer))
 *     ...
 *     .build();
 * }</pre>
 */
public final class AssertionPsSecurityHeader implements SecurityHeaderProvider {

  private final AssertionPsSigner signer;

  /**
   * Creates the provider.
   *
   * @param signer the signer of the practitioner's assertion
   */
  public AssertionPsSecurityHeader(AssertionPsSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public List<Element> elements(InsiOperation operation, String messageId) {
    String xml = signer.current().xml();
    return List.of(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), AssertionPsVerifier.MAX_BYTES).getDocumentElement());
  }
}
