package dev.ins.insi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.CaptureInterceptor;
import dev.ins.insi.transport.HttpClientTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceRunTest {

  private static StubInsiServer stub;
  private static Function<CaptureInterceptor, dev.ins.insi.InsiClientBuilder> clients;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder().start();
    HttpClientTransport t = HttpClientTransport.builder()
        .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(stub.pki().rootCertificate())).build();
    LpsSoftware sw = new LpsSoftware("TESTSGIE0000", "ins-sdk-test", "0.1.0", UUID.randomUUID());
    clients = capture -> InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())
        .software(sw).emitter("10B0000000").transport(t).interceptor(capture);
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void cndaLikeScenarios_allPassAgainstTheStub_andTheMaterialIsWrittenMasked(@TempDir Path dir) throws Exception {
    AcceptanceReport r = AcceptanceRun.run(clients, AcceptanceScenarios.cndaLike(), dir, false);
    assertTrue(r.passed(), r.markdown());
    List<String> ids = r.results().stream().map(x -> x.scenario().id()).toList();
    assertEquals(List.of("2.03-cas1", "2.03-cas2", "2.03-cas3", "2.04", "2.05", "2.08-cas1", "2.08-cas2",
        "first-names", "CR01", "CR02", "1.02", "1.03"), ids);
    AcceptanceReport.Result cr01 = result(r, "CR01");
    assertEquals("01", cr01.obtainedCr());
    assertTrue(cr01.attempts() >= 4, cr01.toString());
    String summary = Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8);
    assertEquals(2 + ids.size(), summary.lines().count(), summary);
    for (String id : ids) {
      assertTrue(summary.contains("| " + id + " |"), id);
    }
    assertTrue(Files.readString(dir.resolve("summary.csv")).startsWith("scenario,expected_cr,obtained_cr,calls,result\n"));
    Path request = dir.resolve("2.04").resolve("01-request.xml");
    Path response = dir.resolve("2.04").resolve("01-response.xml");
    assertTrue(Files.exists(request) && Files.exists(response));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).toList()) {
        PiiGuard.assertNoPii(Files.readString(f, StandardCharsets.UTF_8),
            List.of("ECETINSI", "TCHITCHI", "HOUILLES", "CATARINA", "PROVISOIRE", "1090763220834"));
      }
    }
  }

  private static AcceptanceReport.Result result(AcceptanceReport r, String id) {
    return r.results().stream().filter(x -> x.scenario().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void cas2_sendsTheBirthplace_inTheCapturedRequest(@TempDir Path dir) throws Exception {
    AcceptanceReport r = AcceptanceRun.run(clients, List.of(AcceptanceScenarios.cndaLike().get(1)), dir, true);
    assertTrue(r.passed(), r.markdown());
    String request = Files.readString(dir.resolve("2.03-cas2").resolve("01-request.xml"), StandardCharsets.UTF_8);
    assertTrue(request.matches("(?s).*<(\\w+:)?LieuNaissance>2B020</(\\w+:)?LieuNaissance>.*"), request);
    assertTrue(result(r, "2.03-cas2").note().contains("birthplace sent"), r.markdown());
  }

  @Test
  void cas3_typedLigatures_areRefusedBeforeAnyCall_andTheRefusalIsMaterial(@TempDir Path dir) throws Exception {
    AcceptanceReport r = AcceptanceRun.run(clients, List.of(AcceptanceScenarios.cndaLike().get(2)), dir, false);
    AcceptanceReport.Result ligature = result(r, "2.03-cas3");
    assertTrue(ligature.pass(), r.markdown());
    assertEquals("-", ligature.obtainedCr());
    assertEquals(0, ligature.attempts());
    assertTrue(ligature.note().contains("LIGATURE [traits.birthName@2 LIGATURE, traits.firstNames@1 LIGATURE]"),
        ligature.note());
    assertFalse(Files.exists(dir.resolve("2.03-cas3").resolve("01-request.xml")), "no call for a refused input");
    String refusal = Files.readString(dir.resolve("2.03-cas3").resolve("refusal.txt"), StandardCharsets.UTF_8);
    assertTrue(refusal.startsWith("refused before any INSi call (typed input)"), refusal);
    assertTrue(refusal.contains("TRANSLITERATE_CONFIRMED_BY_OPERATOR"), refusal);
  }

  @Test
  void cas208_2_keepsTheSexChangedFormerMatricule(@TempDir Path dir) {
    AcceptanceReport r = AcceptanceRun.run(clients, List.of(AcceptanceScenarios.cndaLike().get(6)), dir, false);
    AcceptanceReport.Result hermann = result(r, "2.08-cas2");
    assertTrue(hermann.pass(), r.markdown());
    assertTrue(hermann.note().contains("2 former matricule(s) incl. one with another sex digit"), hermann.note());
    assertTrue(hermann.note().contains("INSi data invalid (active INVALID_KEY"), hermann.note());
  }

  @Test
  void cardCases_checkTheCardBeforeTheSearch_andWriteTheCheck(@TempDir Path dir) throws Exception {
    List<AcceptanceScenario> all = AcceptanceScenarios.cndaLike();
    AcceptanceReport r = AcceptanceRun.run(clients, all.subList(all.size() - 2, all.size()), dir, false);
    assertTrue(r.passed(), r.markdown());
    AcceptanceReport.Result same = result(r, "1.02");
    assertEquals("00", same.obtainedCr());
    assertTrue(same.note().contains("card check SAME_CARD") && same.note().contains("INSi returned the chosen beneficiary"),
        same.note());
    assertEquals("card check right before the search: SAME_CARD\nsearch made: 1 call(s), CR 00\n",
        Files.readString(dir.resolve("1.02").resolve("card-check.txt")));
    assertTrue(Files.readString(dir.resolve("1.02").resolve("01-request.xml")).contains("RECVITALE"));
    AcceptanceReport.Result swapped = result(r, "1.03");
    assertEquals("-", swapped.obtainedCr());
    assertEquals(0, swapped.attempts());
    assertEquals("card check right before the search: OTHER_CARD\nsearch refused before any INSi call\n",
        Files.readString(dir.resolve("1.03").resolve("card-check.txt")));
    assertFalse(Files.exists(dir.resolve("1.03").resolve("01-request.xml")));
  }

  @Test
  void cardCase_onAVendorsCardPath_failsWhenAnotherBeneficiaryIsSearched(@TempDir Path dir) {
    AcceptanceScenario case102 = AcceptanceScenarios.cndaLike().get(10);
    // A card path that searches the card holder instead of the chosen beneficiary: INSi returns ADRUN.
    AcceptanceReport r = AcceptanceRun.run(clients, List.of(case102), dir, false, card ->
        dev.ins.core.vitale.VitaleSelection.of(dev.ins.core.Matricule.parse(card.insured()),
            dev.ins.core.Matricule.parse(card.insured()), dev.ins.core.BirthName.of("ADRUN"),
            dev.ins.core.FirstNames.of("ZOE"), dev.ins.core.BirthDate.parse("1975-12-31"), 0, 0, 2,
            () -> dev.ins.core.vitale.CardPresence.SAME_CARD));
    assertFalse(r.passed(), r.markdown());
    assertTrue(result(r, "1.02").note().contains("INSi returned ANOTHER beneficiary"), r.markdown());
  }

  @Test
  void aWrongExpectation_isReportedAsFail(@TempDir Path dir) {
    AcceptanceScenario wrong = new AcceptanceScenario("wrong", "HOUILLES is absent, expecting 00 must fail",
        "HOUILLES", "PIERRE", "M", "1993-01-27", null, false, AcceptanceScenario.Expected.FOUND);
    AcceptanceScenario typedLigature = new AcceptanceScenario("typed", "typed ligatures are refused, never sent",
        "Cœur", "Zoé", "F", "1975-12-31", null, false, AcceptanceScenario.Expected.FOUND);
    AcceptanceReport r = AcceptanceRun.run(clients, List.of(wrong, typedLigature), dir, false);
    assertFalse(r.passed());
    assertEquals("01", r.results().get(0).obtainedCr());
    assertFalse(r.results().get(0).pass());
    assertFalse(r.results().get(1).pass());
    assertEquals("-", r.results().get(1).obtainedCr());
    assertTrue(r.markdown().contains("| wrong |") && r.markdown().contains("FAIL"));
  }
}
