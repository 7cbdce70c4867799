package dev.ins.insi.cps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiResult;
import dev.ins.insi.InsiTransportException;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.SecurityHeaderProvider;
import dev.ins.insi.internal.xml.AssertionXml;
import dev.ins.insi.internal.xml.SecureXml;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.testing.SoftHsmToken;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.security.testing.SyntheticPki;
import dev.ins.security.testing.SyntheticPki.LeafProfile;
import java.nio.charset.StandardCharsets;
import java.security.AuthProvider;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * INSi in CPS mode end to end: server-only TLS, the signed assertion PS in wsse:Security, and the
 * stub verifying it: the good assertion (software key and PKCS#11 key) is served, each defect gets its
 * own fault.
 */
class CpsModeIntegrationTest {

  private static final Traits ECETINSI = Traits.fromTyped("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT",
      BirthDate.parse("2009-07-14"), Sex.MALE, "63220");
  private static final Instant NOW = Instant.now();
  private static final SyntheticPki CPS_PKI = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
  private static final SyntheticPki.Issued CPS = CPS_PKI.issue("899700000001",
      NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT);
  private static StubInsiServer stub;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder()
        .cpsMode(AssertionPsVerifier.builder().trustAnchor(CPS_PKI.root).build()).start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  private static InsiClient client(SecurityHeaderProvider header) {
    return InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())
        .software(new LpsSoftware("TESTSGIE0000", "ins-sdk-test", "0.1.0", UUID.randomUUID())).emitter("899700000001")
        .transport(HttpClientTransport.builder().serverAuthenticationOnly()
            .trustedRoots(List.of(stub.pki().rootCertificate())).build())
        .securityHeader(header).build();
  }

  private static AssertionPsSigner.Builder signer(PrivateKey key, Clock clock) {
    return AssertionPsSigner.builder().key(key, CPS.certificate(), CPS_PKI.ca)
        .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
        .codeSpecialite("SM26").clock(clock);
  }

  private static String faultOf(SecurityHeaderProvider header) {
    try (InsiClient c = client(header)) {
      InsiFaultException e = assertThrows(InsiFaultException.class, () -> c.searchByTraits(ECETINSI));
      return e.errorCode();
    }
  }

  @Test
  void goodAssertionFromASoftwareKey_isServed() {
    try (InsiClient c = client(new AssertionPsSecurityHeader(signer(CPS.key(), Clock.systemUTC()).build()))) {
      InsiResult r = c.searchByTraits(ECETINSI);
      assertInstanceOf(InsiResult.Found.class, r);
    }
    String sent = new String(stub.requests().get(stub.requests().size() - 1).body(), StandardCharsets.UTF_8);
    assertTrue(sent.contains("NameQualifier=\"CPS\"") && sent.contains("SignatureValue"), sent.length() + " bytes");
  }

  @Test
  void carteVitaleSearch_inCpsMode_needsTheAssertion() {
    dev.ins.core.vitale.VitaleSelection chosen = dev.ins.core.vitale.VitaleSelection.of(
        dev.ins.core.Matricule.parse("275126322074974"), dev.ins.core.Matricule.parse("109076322083489"),
        dev.ins.core.BirthName.of("ECETINSI"), dev.ins.core.FirstNames.of("PIERRE-ALAIN"),
        BirthDate.parse("2009-07-14"), 0, 1, 2, () -> dev.ins.core.vitale.CardPresence.SAME_CARD);
    try (InsiClient none = client((op, id) -> List.of())) {
      InsiFaultException e = assertThrows(InsiFaultException.class, () -> none.searchWithVitale(chosen));
      assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "missing", e.errorCode());
    }
    try (InsiClient c = client(new AssertionPsSecurityHeader(signer(CPS.key(), Clock.systemUTC()).build()))) {
      InsiResult r = c.searchWithVitale(chosen);
      assertEquals("109076322083489", assertInstanceOf(InsiResult.Found.class, r).identity().active().rawMatricule());
      assertEquals(java.util.Optional.of(dev.ins.core.vitale.CardPresence.SAME_CARD), r.cardCheck());
    }
  }

  @Test
  void goodAssertionSignedOnAPkcs11Token_isServed() throws Exception {
    SoftHsmToken.Loaded token = SoftHsmToken.shared();
    try {
      token.keyStore().setKeyEntry("cps-mode", CPS.key(), null, new Certificate[] {CPS.certificate()});
      PrivateKey onToken = (PrivateKey) token.keyStore().getKey("cps-mode", null);
      AssertionPsSigner s = signer(onToken, Clock.systemUTC()).provider(token.provider()).build();
      try (InsiClient c = client(new AssertionPsSecurityHeader(s))) {
        assertInstanceOf(InsiResult.Found.class, c.searchByTraits(ECETINSI));
      }
    } finally {
      ((AuthProvider) token.provider()).logout();
    }
  }

  @Test
  void tamperedAssertion_getsItsOwnFault() {
    AssertionPsSigner s = signer(CPS.key(), Clock.systemUTC()).build();
    SecurityHeaderProvider tampered = (op, id) -> List.of(SecureXml.parse(
        s.current().xml().replace("SM26", "SM01").getBytes(StandardCharsets.UTF_8), 65536).getDocumentElement());
    assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "tampered", faultOf(tampered));
  }

  @Test
  void expiredAssertion_getsItsOwnFault() {
    AssertionPsSigner old = signer(CPS.key(), Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC)).build();
    assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "expired", faultOf(new AssertionPsSecurityHeader(old)));
  }

  @Test
  void assertionSignedWithTheWrongKey_getsItsOwnFault() {
    SyntheticPki.Issued other = CPS_PKI.issue("899700000009", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(30)), LeafProfile.DEFAULT);
    assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "wrong_key",
        faultOf(new AssertionPsSecurityHeader(signer(other.key(), Clock.systemUTC()).build())));
  }

  @Test
  void assertionMissingAnAttribute_getsItsOwnFault() throws Exception {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("identifiantFacturation", "991234567");
    attrs.put("codeSpecialite", "SM26");
    Document d = AssertionXml.build("_missing", AssertionXml.subjectDn(CPS.certificate()), "899700000001",
        Instant.now(), Instant.now().plus(Duration.ofHours(1)), attrs);
    AssertionXml.sign(d, CPS.key(), List.of(CPS.certificate(), CPS_PKI.ca), null);
    assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "missing_attribute", faultOf((op, id) -> List.of(d.getDocumentElement())));
  }

  @Test
  void noAssertionAtAll_getsItsOwnFault() {
    assertEquals(StubInsiServer.CPS_FAULT_PREFIX + "missing", faultOf((op, id) -> List.of()));
  }

  @Test
  void mutualTlsClientAgainstACpsStub_stillNeedsAnAssertion_andServerOnlyTlsAgainstAnMtlsStubFails() {
    try (StubInsiServer mtls = StubInsiServer.builder().start();
        InsiClient c = InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(mtls.endpoint())
            .software(new LpsSoftware("TESTSGIE0000", "ins-sdk-test", "0.1.0", UUID.randomUUID())).emitter("x")
            .transport(HttpClientTransport.builder().serverAuthenticationOnly()
                .trustedRoots(List.of(mtls.pki().rootCertificate())).build()).build()) {
      assertThrows(InsiTransportException.class, () -> c.searchByTraits(ECETINSI));
    }
    assertThrows(IllegalStateException.class, () -> HttpClientTransport.builder().serverAuthenticationOnly()
        .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(stub.pki().rootCertificate())).build());
  }
}
