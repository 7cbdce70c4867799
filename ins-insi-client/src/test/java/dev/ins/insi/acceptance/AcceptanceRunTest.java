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
  private static Function<CaptureInterceptor, InsiClient> clients;

  @BeforeAll
  static void start() {
    stub = StubInsiServer.builder().start();
    HttpClientTransport t = HttpClientTransport.builder()
        .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(stub.pki().rootCertificate())).build();
    LpsSoftware sw = new LpsSoftware("TESTSGIE0000", "ins-sdk-test", "0.1.0", UUID.randomUUID());
    clients = capture -> InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())
        .software(sw).emitter("10B0000000").transport(t).interceptor(capture).build();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void cndaLikeScenarios_allPassAgainstTheStub_andTheMaterialIsWrittenMasked(@TempDir Path dir) throws Exception {
    AcceptanceReport r = AcceptanceRun.run(clients, AcceptanceScenarios.cndaLike(), dir, false);
    assertTrue(r.passed(), r.markdown());
    assertEquals(9, r.results().size());
    AcceptanceReport.Result cr01 = r.results().stream().filter(x -> x.scenario().id().equals("CR01")).findFirst().orElseThrow();
    assertEquals("01", cr01.obtainedCr());
    assertTrue(cr01.attempts() >= 4, cr01.toString());
    AcceptanceReport.Result ligature = r.results().get(2);
    assertEquals("-", ligature.obtainedCr());
    assertTrue(ligature.note().contains("LIGATURE"), ligature.note());
    assertFalse(Files.exists(dir.resolve("2.03-cas3").resolve("01-request.xml")), "no call for a refused input");
    String summary = Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8);
    assertEquals(2 + 9, summary.lines().count(), summary);
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
