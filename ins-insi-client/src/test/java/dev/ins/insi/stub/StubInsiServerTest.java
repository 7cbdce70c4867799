package dev.ins.insi.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.Matricule;
import dev.ins.core.Traits;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiResult;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.RetryPolicy;
import dev.ins.insi.internal.xml.ContexteBamXml;
import dev.ins.insi.internal.xml.ContexteLpsXml;
import dev.ins.insi.internal.xml.Ns;
import dev.ins.insi.internal.xml.RecVitXml;
import dev.ins.insi.internal.xml.SoapCodec;
import dev.ins.insi.internal.xml.SoapMessages;
import dev.ins.insi.transport.CaptureInterceptor;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.insi.transport.TransportRequest;
import dev.ins.insi.transport.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stub speaks like the real service (fault shape, element order, no extra element), uses an
 * RSA PKI by default, and checks a Carte Vitale search as INSi would (contexts, coverage).
 */
class StubInsiServerTest {

  private static final LpsSoftware SW = new LpsSoftware("TESTSGIE0000", "StubTests", "0.1.0", new UUID(7, 7));
  private static StubInsiServer stub;
  private static HttpClientTransport transport;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder().start();
    transport = transport(stub, StubPki.Client.INSI_AUTO);
  }

  @AfterAll
  static void stop() {
    transport.close();
    stub.close();
  }

  private static HttpClientTransport transport(StubInsiServer s, StubPki.Client c) {
    return HttpClientTransport.builder().keyStore(s.pki().clientKeyStore(c), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(s.pki().rootCertificate())).build();
  }

  private static InsiClient client(StubInsiServer s, StubPki.Client c, CaptureInterceptor capture) {
    return InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(s.endpoint()).software(SW)
        .emitter("10B0000000").retry(RetryPolicy.NONE).transport(transport(s, c)).interceptor(capture).build();
  }

  @Test
  void pki_isRsaByDefault_andEcOnRequest() {
    assertEquals(StubPki.KeyAlgorithm.RSA, stub.pki().keyAlgorithm());
    assertEquals("RSA", stub.pki().rootCertificate().getPublicKey().getAlgorithm());
    assertEquals("SHA256withRSA", stub.pki().clientCertificate(StubPki.Client.INSI_AUTO).getSigAlgName());
    try (StubInsiServer ec = StubInsiServer.builder().pki(StubPki.generate(StubPki.KeyAlgorithm.EC)).start();
        InsiClient c = client(ec, StubPki.Client.INSI_AUTO, CaptureInterceptor.masked())) {
      assertEquals("EC", ec.pki().rootCertificate().getPublicKey().getAlgorithm());
      InsiResult r = c.searchByTraits(Traits.fromInsi("ADRUN", "ZOE", "F", "1975-12-31", "63220"));
      assertEquals("00", r.cr().code());
    }
  }

  @Test
  void answer_hasTheLiveShape_historyInSchemaOrder_andNoPrenomInTiq() {
    CaptureInterceptor capture = CaptureInterceptor.revealingPatientData();
    try (InsiClient c = client(stub, StubPki.Client.INSI_AUTO, capture)) {
      c.searchByTraits(Traits.fromInsi("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220"));
    }
    String xml = capture.exchanges().get(0).responseXml().orElseThrow();
    assertFalse(Pattern.compile("<(\\w+:)?Prenom>").matcher(xml).find(), "the live service sends ListePrenom only: " + xml);
    Matcher histo = Pattern.compile("<(?:\\w+:)?INSHISTO>(.*?)</(?:\\w+:)?INSHISTO>").matcher(xml);
    assertTrue(histo.find(), xml);
    assertTrue(histo.group(1).matches("<(\\w+:)?IdIndividu>.*</(\\w+:)?IdIndividu><(\\w+:)?OID>[^<]*</(\\w+:)?OID>"
        + "<(\\w+:)?DateDeb>2019-03-01</(\\w+:)?DateDeb><(\\w+:)?DateFin>2019-02-28</(\\w+:)?DateFin>"), histo.group(1));
  }

  @Test
  void fault_hasAPrefixedSiramErreur_andASeparateUserFacingReason() {
    CaptureInterceptor capture = CaptureInterceptor.revealingPatientData();
    try (StubInsiServer strict = StubInsiServer.builder().pki(stub.pki()).acceptedIdams(java.util.Set.of("OTHER")).start();
        InsiClient c = client(strict, StubPki.Client.INSI_AUTO, capture)) {
      InsiFaultException e = assertThrows(InsiFaultException.class,
          () -> c.searchByTraits(Traits.fromInsi("ADRUN", "ZOE", "F", "1975-12-31", "63220")));
      assertEquals("siram_100", e.subcode());
      assertEquals("desir_550", e.errorCode());
      assertEquals("Numéro d'autorisation du logiciel inconnu.", e.text());
      assertTrue(e.reason().startsWith("L'accès par ce progiciel au service n'est pas autorisé."), e.reason());
      assertNotEquals(e.text(), e.reason());
      String xml = capture.exchanges().get(0).responseXml().orElseThrow();
      assertTrue(xml.contains("<siram:Erreur xmlns:siram=\"urn:siram\" code=\"desir_550\" messageID=\""
          + e.messageId() + "\" severite=\"erreur\">"), xml);
    }
  }

  // ------------------------------------------------------------------ Carte Vitale checks

  private static final Matricule INSURED = Matricule.parse("275126322074974");

  /** A Carte Vitale request as a coherent client sends it; each test breaks one thing. */
  private static SoapMessages.Request vitale(Consumer<RecVitXml> body, Consumer<ContexteBamXml> bam) {
    ContexteLpsXml lps = new ContexteLpsXml();
    lps.nature = "CTXLPS";
    lps.version = "01_00";
    lps.id = UUID.randomUUID().toString();
    lps.emetteur = "10B0000000";
    lps.lps = new ContexteLpsXml.Lps();
    lps.lps.idam = new ContexteLpsXml.Idam();
    lps.lps.idam.r = "4";
    lps.lps.idam.value = "TESTSGIE0000";
    RecVitXml b = new RecVitXml();
    b.matriculeOD = new RecVitXml.Matricule();
    b.matriculeOD.numIdentifiant = INSURED.nir();
    b.matriculeOD.cle = INSURED.key();
    b.nomNaissance = "ADRUN";
    b.dateNaissance = "1975-12-31";
    ContexteBamXml c = new ContexteBamXml();
    c.nature = "CTXBAM";
    c.version = "01_02";
    c.id = UUID.randomUUID().toString();
    c.couverture = new ContexteBamXml.Couverture();
    c.couverture.assure = new ContexteBamXml.Assure();
    c.couverture.assure.id = new ContexteBamXml.Num();
    c.couverture.assure.id.num = INSURED.nir();
    c.couverture.assure.id.cle = INSURED.key();
    c.couverture.beneficiaire = new ContexteBamXml.Beneficiaire();
    c.couverture.beneficiaire.dateNai = "1975-12-31";
    body.accept(b);
    bam.accept(c);
    return new SoapMessages.Request(Ns.ACTION_VITALE, "uuid:" + UUID.randomUUID(), lps, c, List.of(), b);
  }

  private static String send(SoapMessages.Request req) {
    TransportResponse res = transport.send(new TransportRequest(stub.endpoint(), req.action(), req.messageId(),
        SoapCodec.get().writeRequest(req)));
    String xml = new String(res.body(), StandardCharsets.UTF_8);
    Matcher code = Pattern.compile("<siram:Erreur[^>]* code=\"([^\"]+)\"").matcher(xml);
    if (code.find()) {
      assertEquals(500, res.status());
      return code.group(1);
    }
    Matcher cr = Pattern.compile("<(?:\\w+:)?CodeCR>(\\d\\d)<").matcher(xml);
    assertTrue(cr.find(), xml);
    return "CR" + cr.group(1);
  }

  @Test
  void vitaleSearch_withACoherentCoverage_isAnswered() {
    assertEquals("CR00", send(vitale(b -> { }, c -> { })));
  }

  @Test
  void vitaleSearch_isCheckedAsInsiWould() {
    assertEquals("stub_vitale_insured", send(vitale(b -> { }, c -> c.couverture.assure = null)));
    assertEquals("stub_vitale_insured", send(vitale(b -> { }, c -> c.couverture.assure.id.num = "2751263220750")));
    assertEquals("stub_vitale_beneficiary", send(vitale(b -> { }, c -> c.couverture.beneficiaire = null)));
    assertEquals("stub_vitale_beneficiary", send(vitale(b -> { }, c -> c.couverture.beneficiaire.dateNai = "1975-12-30")));
    assertEquals("stub_vitale_beneficiary", send(vitale(b -> b.rangNaissance = "2", c -> { })));
    assertEquals("stub_vitale_beneficiary", send(vitale(b -> {
      b.matriculeIndividu = new RecVitXml.Matricule();
      b.matriculeIndividu.numIdentifiant = INSURED.nir();
      b.matriculeIndividu.cle = INSURED.key();
    }, c -> { })));
    assertEquals("stub_vitale_key", send(vitale(b -> b.matriculeOD.cle = "75", c -> c.couverture.assure.id.cle = "75")));
    assertEquals("stub_context_bam", send(vitale(b -> { }, c -> c.version = "01_01")));
    assertEquals("stub_context_coverage", send(vitale(b -> { }, c -> c.couverture = null)));
    assertTrue(stub.requests().size() >= 9, "every refused request is recorded");
  }

  @Test
  void request_withAContexteLpsOfTheWrongNature_isRefused() {
    SoapMessages.Request ok = vitale(b -> { }, c -> { });
    ok.lps().nature = "CTXBAM";
    assertEquals("stub_context_lps", send(ok));
  }
}
