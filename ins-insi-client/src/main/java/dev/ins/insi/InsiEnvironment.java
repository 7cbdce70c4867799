package dev.ins.insi;

import java.net.URI;

/**
 * The INSi environment a client talks to. Always configured explicitly: the SDK never infers it
 * from an OID or from the data returned.
 *
 * <pre>{@code
 * InsiEnvironment.TEST.mutualTlsEndpoint(); // https://qualiflps-services-ps-tlsm.ameli.fr:443/lps
 * }</pre>
 */
public enum InsiEnvironment {
  /** The "qualif LPS" test environment (test identities only). */
  TEST("https://qualiflps-services-ps-tlsm.ameli.fr:443/lps"),
  /** Production. */
  PRODUCTION("https://services-ps-tlsm.ameli.fr/lps"),
  /** A local stub server (see {@code dev.ins.insi.stub.StubInsiServer}); no default endpoint. */
  STUB(null);

  private final String mtls;

  InsiEnvironment(String mtls) {
    this.mtls = mtls;
  }

  /**
   * Returns the public mutual-TLS (software certificate) endpoint of this environment.
   *
   * @return the endpoint
   * @throws IllegalStateException for {@link #STUB}, whose endpoint is the stub's
   */
  public URI mutualTlsEndpoint() {
    if (mtls == null) {
      throw new IllegalStateException("the STUB environment has no fixed endpoint: use the stub's endpoint()");
    }
    return URI.create(mtls);
  }
}
