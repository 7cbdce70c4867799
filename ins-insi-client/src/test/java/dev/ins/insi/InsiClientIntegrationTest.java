package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.vitale.CardPresence;
import dev.ins.core.vitale.VitaleSelection;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ViolationCode;
import dev.ins.insi.stub.RecordedRequest;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.CaptureInterceptor;
import dev.ins.insi.transport.MetricsInterceptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The real client against the stub over mutual TLS: CNDA-like cases, injected faults, what was sent. */
class InsiClientIntegrationTest {

  private static final Pattern UUID_ID =
      Pattern.compile("uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static StubInsiServer stub;
  private static InsiClient client;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder().start();
    client = StubFixture.client(stub, StubPki.Client.INSI_AUTO).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.clearFaults();
    stub.clearRequests();
  }

  private static Traits traits(String name, String first, String sex, String date, String cog) {
    return Traits.fromTyped(name, first, BirthDate.parse(date), Sex.fromCode(sex), cog);
  }

  private static Traits ecetinsi() {
    return traits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220");
  }

  @Test
  void search_ecetinsi_foundWithHistory_andEnvelopeIsComplete() {
    InsiResult r = client.searchByTraits(ecetinsi());

    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals("00", f.cr().code());
    assertEquals("OK", f.cr().label());
    assertEquals(InsIdentifier.of("109076322083489", "1.2.250.1.213.1.4.8"),
        f.identity().active().identifier().orElseThrow());
    assertEquals(2, f.identity().history().size());
    assertEquals("2019-03-01", f.identity().history().get(0).dateDeb());
    assertEquals("209066322012355", f.identity().history().get(1).rawMatricule());
    assertEquals("PIERRE-ALAIN MURIEL FLORIANT", f.identity().traits().traits().orElseThrow().firstNames().value());
    assertTrue(f.identity().isValid());
    assertEquals(1, f.attempts().size());
    assertEquals(InsiEnvironment.STUB, f.environment());
    assertTrue(UUID_ID.matcher(f.messageId()).matches(), f.messageId());

    // What was sent: HTTP, WS-Addressing, ContexteLPS, ContexteBAM, wsse:Security and body.
    RecordedRequest sent = stub.requests().get(0);
    assertEquals("POST", sent.method());
    assertEquals("/lps", sent.path());
    assertEquals("INSI-AUTO", sent.clientCn());
    assertTrue(sent.headers().get("content-type").startsWith("application/soap+xml"), sent.headers().toString());
    assertEquals(InsiOperation.SEARCH_BY_TRAITS.action(), sent.action());
    assertEquals(f.messageId(), sent.messageId());
    assertEquals("CTXLPS", sent.lps().get("Nature"));
    assertEquals("01_00", sent.lps().get("Version"));
    assertEquals("TESTSGIE0000", sent.lps().get("IDAM"));
    assertEquals("4", sent.lps().get("IDAM@R"));
    assertEquals("0.1.0", sent.lps().get("LPS.Version"));
    assertEquals(StubFixture.SOFTWARE.instance().toString(), sent.lps().get("Instance"));
    assertEquals("urn:lps:InsSdkTests:0.1.0", sent.lps().get("Nom"));
    assertEquals("10B0000000", sent.lps().get("Emetteur"));
    assertTrue(sent.lps().get("Temps").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    assertEquals("CTXBAM", sent.bam().get("Nature"));
    assertEquals("01_02", sent.bam().get("Version"));
    assertEquals("empty", sent.bam().get("COUVERTURE"));
    assertNotEquals(sent.lps().get("Id"), sent.bam().get("Id"));
    assertEquals(0, sent.securityElements());
    assertEquals("RECSANSVITALE", sent.operation());
    assertEquals("ECETINSI", sent.birthName());
    assertEquals(List.of("PIERRE-ALAIN"), sent.prenoms());
    assertEquals("M", sent.sex());
    assertEquals("2009-07-14", sent.birthDate());
    assertEquals(null, sent.birthplace());
    String xml = new String(sent.body(), StandardCharsets.UTF_8);
    assertFalse(xml.contains("Security"), "mutual-TLS mode: no wsse:Security header, there is nothing to carry");
  }

  @Test
  void search_provisoireMatricule_keepsTheNiaOid() {
    InsiResult r = client.searchByTraits(traits("PROVISOIRE", "MATRICULE", "M", "2009-07-01", "63220"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals(InsOid.INS_NIA, f.identity().active().identifier().orElseThrow().oid());
    assertEquals("1.2.250.1.213.1.4.9", f.identity().active().oid());
  }

  @Test
  void search_corsica_adrtroisDominique_found() {
    InsiResult r = client.searchByTraits(traits("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "2A020"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals("297022A02077878", f.identity().active().identifier().orElseThrow().matricule().value());
    assertEquals("2A020", f.identity().traits().birthplace());
  }

  @Test
  void search_corseAnthony_corsicanMatriculeWithHistory() {
    InsiResult r = client.searchByTraits(traits("CORSE", "ANTHONY", "M", "1980-03-02", "2B020"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals("180032B02040123", f.identity().active().identifier().orElseThrow().matricule().value());
    assertEquals(1, f.identity().history().size());
    assertTrue(f.identity().isValid());
  }

  @Test
  void search_tchitchi_eachFirstNameThenStopsOnFirstFound() {
    InsiResult r = client.searchByTraits(traits("TCHITCHI", "OLA CATARINA BELLA", "F", "1936-06-21", "63220"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals(2, f.attempts().size());
    assertEquals("01", f.attempts().get(0).cr().code());
    assertEquals(List.of("OLA"), f.attempts().get(0).firstNamesSent());
    assertEquals("00", f.attempts().get(1).cr().code());
    assertEquals(List.of("CATARINA"), f.attempts().get(1).firstNamesSent());
    assertEquals(f.attempts().get(1).messageId(), f.messageId());
    assertEquals("CATARINA BELLA", f.identity().traits().firstNames());
    List<List<String>> sent = new ArrayList<>();
    stub.requests().forEach(q -> sent.add(q.prenoms()));
    assertEquals(List.of(List.of("OLA"), List.of("CATARINA")), sent);
  }

  @Test
  void search_houilles_notFound_afterEachFirstNameAndAllOfThem() {
    InsiResult r = client.searchByTraits(traits("HOUILLES", "PIERRE PAUL JACQUES", "M", "1993-01-27", null));
    InsiResult.NotFound nf = assertInstanceOf(InsiResult.NotFound.class, r);
    assertEquals("01", nf.cr().code());
    assertEquals("Aucune identite trouvee", nf.cr().label());
    List<List<String>> sent = new ArrayList<>();
    stub.requests().forEach(q -> sent.add(q.prenoms()));
    assertEquals(List.of(List.of("PIERRE"), List.of("PAUL"), List.of("JACQUES"), List.of("PIERRE PAUL JACQUES")),
        sent);
    assertEquals(4, nf.attempts().size());
    Set<String> ids = new java.util.HashSet<>();
    nf.attempts().forEach(a -> ids.add(a.messageId()));
    assertEquals(4, ids.size(), "each attempt has its own message ID");
  }

  @Test
  void search_deVinci_withoutBirthplace_isSeveralFound() {
    InsiResult r = client.searchByTraits(traits("DE VINCI", "LEONARDO", "M", "2014-02-01", null));
    InsiResult.SeveralFound s = assertInstanceOf(InsiResult.SeveralFound.class, r);
    assertEquals("02", s.cr().code());
    assertEquals(1, s.attempts().size());
  }

  @Test
  void search_deVinci_onSeveral_addsTheBirthplace() {
    InsiResult r = client.searchByTraits(traits("DE VINCI", "LEONARDO", "M", "2014-02-01", "75056"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    assertEquals(2, f.attempts().size());
    assertEquals("02", f.attempts().get(0).cr().code());
    assertFalse(f.attempts().get(0).birthplaceSent());
    assertTrue(f.attempts().get(1).birthplaceSent());
    assertEquals(null, stub.requests().get(0).birthplace());
    assertEquals("75056", stub.requests().get(1).birthplace());
    assertEquals("75056", f.identity().traits().birthplace());
  }

  @Test
  void search_hermann_wrongKeysAreReportedWithTheDataKept() {
    InsiResult r = client.searchByTraits(traits("HERMANN", "GATIEN", "M", "1981-03-24", "63220"));
    InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
    ReturnedIns active = f.identity().active();
    assertFalse(active.keyValid());
    assertFalse(active.isValid());
    assertEquals("181036322045660", active.rawMatricule());
    assertEquals(ViolationCode.INVALID_KEY, active.violations().get(0).code());
    assertEquals(2, f.identity().history().size());
    assertFalse(f.identity().isValid());
    dev.ins.core.Identity local = dev.ins.core.Identity.builder()
        .traits(traits("HERMANN", "GATIEN", "M", "1981-03-24", "63220")).build();
    assertTrue(f.identity().review(local, java.time.Instant.EPOCH).isEmpty(), "invalid INSi data cannot be reviewed");
    assertTrue(f.identity().traits().isValid());
  }

  @Test
  void search_singleCallStrategy_sendsAllNamesAndBirthplaceOnce() {
    try (InsiClient single = StubFixture.client(stub, StubPki.Client.INSI_MANU)
        .firstNameStrategy(FirstNameStrategy.SINGLE_CALL).build()) {
      InsiResult r = single.searchByTraits(ecetinsi());
      assertInstanceOf(InsiResult.Found.class, r);
      assertEquals(1, stub.requests().size());
      assertEquals(List.of("PIERRE-ALAIN MURIEL FLORIANT"), stub.requests().get(0).prenoms());
      assertEquals("63220", stub.requests().get(0).birthplace());
      assertEquals("INSI-MANU", stub.requests().get(0).clientCn());
    }
  }

  @Test
  void search_withUnknownSex_isRejectedBeforeAnyCall() {
    Traits t = traits("ECETINSI", "PIERRE-ALAIN", "I", "2009-07-14", null);
    assertThrows(dev.ins.core.InsValidationException.class, () -> client.searchByTraits(t));
    assertEquals(0, stub.requests().size());
  }

  @Test
  void searchWithVitale_sendsRecVitaleAndCoverage_andFindsTheBeneficiary() {
    Element assertion = element("urn:oasis:names:tc:SAML:2.0:assertion", "saml:Assertion");
    try (InsiClient vitaleClient = StubFixture.client(stub, StubPki.Client.INSI_AUTO)
        .vitaleAssertions(v -> List.of(assertion)).build()) {
      int[] checks = new int[1];
      VitaleSelection chosen = VitaleSelection.of(Matricule.parse("275126322074974"),
          Matricule.parse("275126322074974"), BirthName.of("ADRUN"), dev.ins.core.FirstNames.of("ZOE"),
          dev.ins.core.BirthDate.parse("1975-12-31"), 1, 0, 1, () -> {
            checks[0]++;
            assertEquals(0, stub.requests().size(), "the card is checked before the call");
            return CardPresence.SAME_CARD;
          });
      InsiResult r = vitaleClient.searchWithVitale(chosen);
      assertEquals(1, checks[0]);
      assertEquals(java.util.Optional.of(CardPresence.SAME_CARD), r.cardCheck());
      InsiResult.Found f = assertInstanceOf(InsiResult.Found.class, r);
      assertEquals("275126322074974", f.identity().active().rawMatricule());
      RecordedRequest sent = stub.requests().get(0);
      assertEquals(InsiOperation.SEARCH_WITH_VITALE.action(), sent.action());
      assertEquals("RECVITALE", sent.operation());
      assertEquals("filled", sent.bam().get("COUVERTURE"));
      assertEquals(1, sent.securityElements());
      assertEquals("2751263220749", sent.vitaleNir());
      assertEquals("1975-12-31", sent.birthDate());
    }
  }

  @Test
  void searchWithVitale_onASwappedOrRemovedCard_isRefusedBeforeAnyCall() {
    for (CardPresence seen : List.of(CardPresence.OTHER_CARD, CardPresence.NO_CARD)) {
      VitaleSelection chosen = VitaleSelection.of(Matricule.parse("275126322074974"), null, BirthName.of("ADRUN"),
          dev.ins.core.FirstNames.of("ZOE"), dev.ins.core.BirthDate.parse("1975-12-31"), 0, 0, 1, () -> seen);
      VitaleCardChangedException e = assertThrows(VitaleCardChangedException.class,
          () -> client.searchWithVitale(chosen));
      assertEquals(seen, e.presence());
      assertEquals(0, stub.requests().size(), "no INSi call for a card that is not the one chosen on");
      assertTrue(e.getMessage().contains(seen.name()), e.getMessage());
    }
  }

  @Test
  void searchByTraits_carriesNoCardCheck() {
    assertTrue(client.searchByTraits(ecetinsi()).cardCheck().isEmpty());
  }

  @Test
  void securityHeaderProvider_fillsWsseSecurity_andCaptureWritesFiles(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    Element psAssertion = element("urn:oasis:names:tc:SAML:2.0:assertion", "saml:Assertion");
    List<String> seenIds = new ArrayList<>();
    CaptureInterceptor capture = CaptureInterceptor.masked();
    try (InsiClient cpx = StubFixture.client(stub, StubPki.Client.INSI_AUTO, capture)
        .securityHeader((op, messageId) -> {
          seenIds.add(messageId);
          return List.of(psAssertion);
        }).build()) {
      InsiResult r = cpx.searchByTraits(traits("ADRUN", "ZOE", "F", "1975-12-31", "63220"));
      assertEquals(List.of(r.messageId()), seenIds);
    }
    RecordedRequest sent = stub.requests().get(0);
    assertEquals(1, sent.securityElements());
    String xml = new String(sent.body(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("ID=\"_stub-assertion\""), xml);
    List<java.nio.file.Path> files = capture.writeTo(dir);
    assertEquals(List.of(dir.resolve("01-request.xml"), dir.resolve("01-response.xml")), files);
    assertTrue(java.nio.file.Files.readString(files.get(0)).contains("saml:Assertion"));
  }

  @Test
  void verify_confirmed_mismatch_notFound() {
    InsIdentifier held = InsIdentifier.of("109076322083489", "1.2.250.1.213.1.4.8");
    Verification ok = client.verify(held, ecetinsi());
    assertEquals(Verification.Status.CONFIRMED, ok.status());
    assertTrue(ok.mismatches().isEmpty());

    InsIdentifier other = InsIdentifier.of("209076322083439", "1.2.250.1.213.1.4.8");
    Verification ko = client.verify(other, ecetinsi());
    assertEquals(Verification.Status.MISMATCH, ko.status());
    assertEquals(Set.of(Verification.Field.MATRICULE), ko.mismatches());

    Verification none = client.verify(held, traits("HOUILLES", "PIERRE", "M", "1993-01-27", null));
    assertEquals(Verification.Status.NOT_FOUND, none.status());
  }

  @Test
  void wrongCertificateCn_getsDesir560() {
    try (InsiClient wrong = StubFixture.client(stub, StubPki.Client.WRONG_CN).build()) {
      InsiFaultException e = assertThrows(InsiFaultException.class, () -> wrong.searchByTraits(ecetinsi()));
      assertEquals("DESIR_560", e.errorCode());
      assertEquals("Sender", e.soapCode());
      assertEquals(InsiFaultException.Severity.ERROR, e.severity());
      assertEquals(500, e.httpStatus());
      assertEquals("INSI-WRONG", stub.requests().get(0).clientCn());
      assertTrue(e.messageId().startsWith("uuid:"));
    }
  }

  @Test
  void rogueClientCertificate_failsTheTlsHandshake() {
    try (InsiClient rogue = StubFixture.client(stub, StubPki.Client.ROGUE).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> rogue.searchByTraits(ecetinsi()));
      assertEquals(InsiTransportException.ErrorCode.TLS, e.errorCode(), e.getMessage());
      assertEquals(0, stub.requests().size());
    }
  }

  @Test
  void injectedHandshakeFailure_isATlsError_thenTheNextConnectionWorks() {
    stub.failNextHandshake();
    try (InsiClient fresh = StubFixture.client(stub, StubPki.Client.INSI_AUTO).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> fresh.searchByTraits(ecetinsi()));
      assertEquals(InsiTransportException.ErrorCode.TLS, e.errorCode(), e.getMessage());
    }
    try (InsiClient fresh = StubFixture.client(stub, StubPki.Client.INSI_AUTO).build()) {
      assertInstanceOf(InsiResult.Found.class, fresh.searchByTraits(ecetinsi()));
    }
  }

  @Test
  void clientTrustingAnotherRoot_failsTheTlsHandshake() {
    StubPki other = StubPki.generate();
    var t = dev.ins.insi.transport.HttpClientTransport.builder()
        .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(other.rootCertificate())).build();
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO).transport(t).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> c.searchByTraits(ecetinsi()));
      assertEquals(InsiTransportException.ErrorCode.TLS, e.errorCode(), e.getMessage());
    }
  }

  @Test
  void unknownIdam_getsSiram100Desir550() {
    try (StubInsiServer strict = StubInsiServer.builder().acceptedIdams(Set.of("KNOWN-IDAM")).start();
        InsiClient c = StubFixture.client(strict, StubPki.Client.INSI_AUTO).build()) {
      InsiFaultException e = assertThrows(InsiFaultException.class, () -> c.searchByTraits(ecetinsi()));
      assertEquals("siram_100", e.subcode());
      assertEquals("desir_550", e.errorCode());
    }
  }

  @Test
  void injectedSoapFault_isTyped() {
    stub.enqueue(StubFault.soapFault("siram_102", "insi_102", "fatale", "Branche SNGI indisponible"));
    InsiFaultException e = assertThrows(InsiFaultException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals("insi_102", e.errorCode());
    assertEquals("siram_102", e.subcode());
    assertEquals(InsiFaultException.Severity.FATAL, e.severity());
    assertEquals("Branche SNGI indisponible", e.text());
  }

  @Test
  void latency_beyondTheTimeout_isATimeout() {
    stub.enqueue(StubFault.latency(Duration.ofSeconds(3)));
    var t = StubFixture.transport(stub, StubPki.Client.INSI_AUTO, Duration.ofMillis(300));
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO).transport(t).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> c.searchByTraits(ecetinsi()));
      assertEquals(InsiTransportException.ErrorCode.TIMEOUT, e.errorCode());
    }
  }

  @Test
  void latency_withinTheTimeout_answersNormally() {
    stub.enqueue(StubFault.latency(Duration.ofMillis(50)));
    assertInstanceOf(InsiResult.Found.class, client.searchByTraits(ecetinsi()));
  }

  @Test
  void http500_withoutFault_isAnHttpStatusError() {
    stub.enqueue(StubFault.httpStatus(500));
    InsiTransportException e = assertThrows(InsiTransportException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals(InsiTransportException.ErrorCode.HTTP_STATUS, e.errorCode());
    assertEquals(500, e.httpStatus());
    assertEquals(1, stub.requests().size(), "500 is never retried");
  }

  @Test
  void http503_isRetriedWithinTheBound_thenSucceeds() {
    stub.enqueue(StubFault.httpStatus(503));
    List<MetricsInterceptor.Sample> samples = Collections.synchronizedList(new ArrayList<>());
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO, new MetricsInterceptor(samples::add))
        .retry(RetryPolicy.of(2, Duration.ZERO)).build()) {
      assertInstanceOf(InsiResult.Found.class, c.searchByTraits(ecetinsi()));
    }
    assertEquals(2, stub.requests().size());
    assertEquals(stub.requests().get(0).messageId(), stub.requests().get(1).messageId());
    assertEquals(List.of(503, 200), samples.stream().map(MetricsInterceptor.Sample::httpStatus).toList());
  }

  @Test
  void http503_pastTheBound_isAnHttpStatusError() {
    stub.always(StubFault.httpStatus(503));
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO)
        .retry(RetryPolicy.of(3, Duration.ZERO)).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> c.searchByTraits(ecetinsi()));
      assertEquals(503, e.httpStatus());
    }
    assertEquals(3, stub.requests().size());
  }

  @Test
  void truncatedBody_isMalformedXml() {
    stub.enqueue(StubFault.truncatedBody());
    InsiResponseException e = assertThrows(InsiResponseException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals(InsiResponseException.ErrorCode.MALFORMED_XML, e.errorCode());
  }

  @Test
  void malformedXml_isMalformedXml() {
    stub.enqueue(StubFault.malformedXml());
    InsiResponseException e = assertThrows(InsiResponseException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals(InsiResponseException.ErrorCode.MALFORMED_XML, e.errorCode());
  }

  @Test
  void oversizedBody_isRefused() {
    stub.enqueue(StubFault.oversizedBody(3 << 20));
    InsiTransportException e = assertThrows(InsiTransportException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals(InsiTransportException.ErrorCode.RESPONSE_TOO_LARGE, e.errorCode());
  }

  @Test
  void connectionReset_isAConnectionError() {
    stub.enqueue(StubFault.connectionReset());
    InsiTransportException e = assertThrows(InsiTransportException.class, () -> client.searchByTraits(ecetinsi()));
    assertEquals(InsiTransportException.ErrorCode.CONNECTION, e.errorCode(), e.getMessage());
  }

  @Test
  void connectionReset_isRetriedWhenAllowed() {
    stub.enqueue(StubFault.connectionReset());
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO)
        .retry(RetryPolicy.of(2, Duration.ZERO)).build()) {
      assertInstanceOf(InsiResult.Found.class, c.searchByTraits(ecetinsi()));
    }
    assertEquals(2, stub.requests().size());
  }

  @Test
  void nothingListening_isAConnectionError() {
    int port;
    try (StubInsiServer gone = StubInsiServer.builder().pki(stub.pki()).start()) {
      port = gone.port();
    }
    var t = StubFixture.transport(stub, StubPki.Client.INSI_AUTO, Duration.ofSeconds(2));
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO).transport(t)
        .endpoint(java.net.URI.create("https://127.0.0.1:" + port + "/lps")).build()) {
      InsiTransportException e = assertThrows(InsiTransportException.class, () -> c.searchByTraits(ecetinsi()));
      assertEquals(InsiTransportException.ErrorCode.CONNECTION, e.errorCode());
    }
  }

  @Test
  void cannedResponse_isServedAsIs() {
    stub.enqueue(StubFault.canned(("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
        + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>01</CodeCR>"
        + "<LibelleCR>Aucune identite trouvee</LibelleCR></CR></RESULTAT></soap:Body></soap:Envelope>")
        .getBytes(StandardCharsets.UTF_8)));
    InsiResult r = client.searchByTraits(traits("ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", null));
    assertInstanceOf(InsiResult.NotFound.class, r);
  }

  @Test
  void capture_keepsEachAttempt_maskedByDefault() {
    CaptureInterceptor masked = CaptureInterceptor.masked();
    CaptureInterceptor clear = CaptureInterceptor.revealingPatientData();
    try (InsiClient c = StubFixture.client(stub, StubPki.Client.INSI_AUTO, masked, clear).build()) {
      c.searchByTraits(traits("TCHITCHI", "OLA CATARINA BELLA", "F", "1936-06-21", "63220"));
    }
    assertEquals(2, masked.exchanges().size());
    String req = masked.exchanges().get(1).requestXml();
    String res = masked.exchanges().get(1).responseXml().orElseThrow();
    dev.ins.core.testing.PiiGuard.assertNoPii(req + res,
        List.of("TCHITCHI", "CATARINA", "1936-06-21", "63220", "2360663220836"));
    assertTrue(res.contains("CodeCR>00</"), res);
    assertTrue(clear.exchanges().get(1).requestXml().contains("CATARINA"));
    assertTrue(clear.exchanges().get(1).responseXml().orElseThrow().contains("2360663220836"));
  }

  private static Element element(String ns, String qname) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document d = f.newDocumentBuilder().newDocument();
      Element e = d.createElementNS(ns, qname);
      e.setAttribute("ID", "_stub-assertion");
      d.appendChild(e);
      return e;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
