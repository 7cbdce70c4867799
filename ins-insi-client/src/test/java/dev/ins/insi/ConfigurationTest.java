package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.vitale.CardPresence;
import dev.ins.core.vitale.VitaleSelection;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.insi.transport.TransportResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Builders and value types fail fast with messages naming what is wrong. */
class ConfigurationTest {

  private static final LpsSoftware SW = new LpsSoftware("IDAM", "n", "1", new UUID(0, 1));

  @Test
  void clientBuilder_requiresEnvironmentSoftwareEmitterTransport() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> InsiClient.builder().build());
    assertTrue(e.getMessage().contains("environment"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> InsiClient.builder().environment(InsiEnvironment.TEST).build());
    assertTrue(e.getMessage().contains("software"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> InsiClient.builder().environment(InsiEnvironment.TEST).software(SW).build());
    assertTrue(e.getMessage().contains("emitter"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> InsiClient.builder().environment(InsiEnvironment.TEST).software(SW).emitter("E").build());
    assertTrue(e.getMessage().contains("transport"), e.getMessage());
  }

  @Test
  void clientBuilder_stubNeedsAnEndpoint_andEndpointsAreHttps() {
    InsiClientBuilder b = InsiClient.builder().environment(InsiEnvironment.STUB).software(SW).emitter("E")
        .transport(r -> new TransportResponse(200, "", new byte[0]));
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalArgumentException.class, () -> b.endpoint(URI.create("http://127.0.0.1/lps")));
  }

  @Test
  void environments_haveThePublicMutualTlsEndpoints() {
    assertEquals(URI.create("https://qualiflps-services-ps-tlsm.ameli.fr:443/lps"),
        InsiEnvironment.TEST.mutualTlsEndpoint());
    assertEquals(URI.create("https://services-ps-tlsm.ameli.fr/lps"), InsiEnvironment.PRODUCTION.mutualTlsEndpoint());
    assertThrows(IllegalStateException.class, InsiEnvironment.STUB::mutualTlsEndpoint);
  }

  @Test
  void transportBuilder_refusesToRunWithoutKeyOrTrustedRoots() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpClientTransport.builder().build());
    assertTrue(e.getMessage().contains("client certificate"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HttpClientTransport.builder().trustedRoots(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> HttpClientTransport.builder().requestTimeout(Duration.ZERO));
    IllegalArgumentException p12 = assertThrows(IllegalArgumentException.class,
        () -> HttpClientTransport.builder().pkcs12(Path.of("does-not-exist.p12"), "x".toCharArray()));
    assertTrue(p12.getMessage().contains("does-not-exist.p12"), p12.getMessage());
  }

  @Test
  void retryPolicy_isBounded() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(6, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(2, Duration.ofMinutes(1)));
  }

  @Test
  void vitaleSearch_isMadeFromASelection_inOneCall_andMasks() {
    Matricule m = Matricule.parse("275126322074974");
    VitaleSelection chosen = VitaleSelection.of(m, null, BirthName.of("ADRUN"), FirstNames.of("ZOE"),
        BirthDate.parse("1975-12-00"), 0, 0, 1, () -> CardPresence.SAME_CARD);
    VitaleSearch v = VitaleSearch.of(chosen);
    assertEquals("1975-12-00", v.birthDate(), "an unknown day travels as 00");
    assertTrue(v.rank().isEmpty(), "the rank is never guessed");
    assertTrue(v.beneficiary().isEmpty());
    assertEquals(m, v.insured());
    assertTrue(v.toString().contains("*************74"), v.toString());
    assertTrue(!v.toString().contains("ADRUN") && !v.toString().contains("1975"), v.toString());
  }

  @Test
  void lpsSoftware_nameFollowsThePeersConvention() {
    assertEquals("urn:lps:n:1", SW.lpsName());
    assertThrows(IllegalArgumentException.class, () -> new LpsSoftware(" ", "n", "1", new UUID(0, 1)));
  }

  @Test
  void faultSeverity_readsSiramValues() {
    assertEquals(InsiFaultException.Severity.FATAL, InsiFaultException.Severity.fromSiram("fatale"));
    assertEquals(InsiFaultException.Severity.WARNING, InsiFaultException.Severity.fromSiram("Avertissement"));
    assertEquals(InsiFaultException.Severity.UNKNOWN, InsiFaultException.Severity.fromSiram(null));
  }

  @Test
  void transportError_retryableOnlyForConnectionAnd503() {
    assertTrue(new InsiTransportException(InsiTransportException.ErrorCode.CONNECTION, -1, "x", null, null)
        .isRetryable());
    assertTrue(new InsiTransportException(InsiTransportException.ErrorCode.HTTP_STATUS, 503, "x", null, null)
        .isRetryable());
    for (InsiTransportException.ErrorCode c : List.of(InsiTransportException.ErrorCode.TIMEOUT,
        InsiTransportException.ErrorCode.TLS, InsiTransportException.ErrorCode.RESPONSE_TOO_LARGE)) {
      assertEquals(false, new InsiTransportException(c, -1, "x", null, null).isRetryable(), c.name());
    }
    assertEquals(false, new InsiTransportException(InsiTransportException.ErrorCode.HTTP_STATUS, 500, "x", null, null)
        .isRetryable());
  }
}
