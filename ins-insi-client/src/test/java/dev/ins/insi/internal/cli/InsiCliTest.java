package dev.ins.insi.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the stub, with the PKI files the stub wrote. */
class InsiCliTest {

  @TempDir
  static Path dir;
  private static StubInsiServer stub;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    stub = StubInsiServer.builder().start();
    stub.pki().writeTo(dir);
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void reset() {
    stub.clearFaults();
  }

  private static Run run(String... args) {
    return runWith(Map.of(), args);
  }

  private static Run runWith(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = InsiCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The search arguments with the two passwords taken out, for the secret-source tests. */
  private static List<String> searchWithoutPasswords() {
    List<String> a = new ArrayList<>(List.of(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14")));
    for (String option : List.of("--password", "--truststore-password")) {
      int i = a.indexOf(option);
      a.remove(i + 1);
      a.remove(i);
    }
    return a;
  }

  private static String[] search(String client, String name, String first, String sex, String date,
      String... extra) {
    List<String> a = new ArrayList<>(List.of("search", "--endpoint", stub.endpoint().toString(),
        "--pkcs12", dir.resolve(client + ".p12").toString(), "--password", StubPki.PASSWORD,
        "--truststore", dir.resolve("truststore.p12").toString(), "--truststore-password", StubPki.PASSWORD,
        "--birth-name", name, "--first-names", first, "--sex", sex, "--birth-date", date, "--timeout-ms", "5000"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  @Test
  void stubCommand_printsOneJsonLine_writesThePki_andAnswersSearches(@TempDir Path pki) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StubInsiServer own = InsiCli.startStub(InsiCli.options("--port", "0", "--pki-out", pki.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    try {
      String line = out.toString(StandardCharsets.UTF_8);
      assertEquals(1, line.lines().count(), line);
      assertTrue(line.startsWith("{\"endpoint\":\"" + own.endpoint() + "\""), line);
      assertTrue(line.contains("\"INSI_AUTO\":\"insi-auto.p12\""), line);
      Run r = run("search", "--endpoint", own.endpoint().toString(),
          "--pkcs12", pki.resolve("insi-manu.p12").toString(), "--password", StubPki.PASSWORD,
          "--truststore", pki.resolve("truststore.p12").toString(), "--truststore-password", StubPki.PASSWORD,
          "--birth-name", "ADRUN", "--first-names", "ZOE", "--sex", "F", "--birth-date", "1975-12-31");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("\"outcome\":\"FOUND\""), r.out());
    } finally {
      own.close();
    }
  }

  @Test
  void stubWritesEveryPkiFile() {
    for (String f : List.of("insi-auto.p12", "insi-auto.pem", "insi-auto.key.pem", "insi-manu.p12",
        "wrong-cn.p12", "rogue.p12", "truststore.p12", "ca.pem")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
  }

  @Test
  void search_found_isMaskedByDefault_exit0() {
    Run r = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14"));
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().lines().count(), "exactly one JSON line");
    assertTrue(r.out().startsWith("{\"outcome\":\"FOUND\",\"cr\":\"00\""), r.out());
    assertTrue(r.out().contains("\"keyValid\":true"), r.out());
    assertTrue(r.out().contains("\"historyCount\":2"), r.out());
    assertTrue(r.out().contains("\"attempts\":1"), r.out());
    assertTrue(r.out().contains("\"matricule\":\"*************89\""), r.out());
    PiiGuard.assertNoPii(r.out() + r.err(), List.of("ECETINSI", "PIERRE-ALAIN", "2009-07-14", "63220"));
  }

  @Test
  void search_reveal_showsMatriculeOidAndTraits() {
    Run r = run(search("insi-auto", "PROVISOIRE", "MATRICULE", "M", "2009-07-01", "--reveal"));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"matricule\":\"109076322088835\""), r.out());
    assertTrue(r.out().contains("\"oid\":\"1.2.250.1.213.1.4.9\""), r.out());
    assertTrue(r.out().contains("\"birthName\":\"PROVISOIRE\""), r.out());
  }

  @Test
  void search_notFound_andSeveral_exit0() {
    Run nf = run(search("insi-auto", "HOUILLES", "PIERRE PAUL", "M", "1993-01-27"));
    assertEquals(0, nf.code());
    assertTrue(nf.out().contains("\"outcome\":\"NOT_FOUND\",\"cr\":\"01\""), nf.out());
    assertTrue(nf.out().contains("\"attempts\":3"), nf.out());
    Run sev = run(search("insi-auto", "DE VINCI", "LEONARDO", "M", "2014-02-01"));
    assertEquals(0, sev.code());
    assertTrue(sev.out().contains("\"outcome\":\"SEVERAL\",\"cr\":\"02\""), sev.out());
  }

  @Test
  void search_wrongKey_reportsKeyValidFalse() {
    Run r = run(search("insi-auto", "HERMANN", "GATIEN", "M", "1981-03-24"));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"keyValid\":false"), r.out());
    assertTrue(r.out().contains("INVALID_KEY"), r.out());
  }

  @Test
  void search_fault_isNonZeroWithFaultCode() {
    Run r = run(search("wrong-cn", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(InsiCli.FAULT, r.code());
    assertTrue(r.out().contains("\"outcome\":\"FAULT\""), r.out());
    assertTrue(r.out().contains("\"faultCode\":\"DESIR_560\""), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void search_transportAndInvalidResponse_areNonZero() {
    Run tls = run(search("rogue", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(InsiCli.TRANSPORT, tls.code());
    assertTrue(tls.out().contains("\"outcome\":\"TRANSPORT_ERROR\",\"errorCode\":\"TLS\""), tls.out());
    stub.enqueue(StubFault.malformedXml());
    Run bad = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(InsiCli.INVALID_RESPONSE, bad.code());
    assertTrue(bad.out().contains("\"outcome\":\"INVALID_RESPONSE\",\"errorCode\":\"MALFORMED_XML\""), bad.out());
  }

  @Test
  void search_badArguments_exit2_oneSentenceOnStderr() {
    Run r = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "X", "2009-07-14"));
    assertEquals(InsiCli.USAGE, r.code());
    assertTrue(r.out().contains("INVALID_INPUT"));
    assertEquals(1, r.err().lines().count());
    Run missing = run("search", "--endpoint", "https://127.0.0.1:1/lps");
    assertEquals(InsiCli.USAGE, missing.code());
    assertFalse(missing.err().isBlank());
  }

  @Test
  void search_takesThePasswordsFromAnEnvironmentVariableOrAFile() throws IOException {
    Path trustPasswordFile = Files.writeString(dir.resolve("trust.pw"), StubPki.PASSWORD + "\n");
    List<String> a = searchWithoutPasswords();
    a.addAll(List.of("--password-env", "INSI_P12_PW", "--truststore-password-file", trustPasswordFile.toString()));
    Run r = runWith(Map.of("INSI_P12_PW", StubPki.PASSWORD), a.toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"outcome\":\"FOUND\""), r.out());
  }

  @Test
  void search_refusesTwoSourcesForOnePassword_andAnUnsetVariable_withoutPrintingTheSecret() {
    List<String> twice = searchWithoutPasswords();
    twice.addAll(List.of("--password", "s3cret-on-the-line", "--password-env", "INSI_P12_PW",
        "--truststore-password", StubPki.PASSWORD));
    Run both = runWith(Map.of("INSI_P12_PW", StubPki.PASSWORD), twice.toArray(new String[0]));
    assertEquals(InsiCli.USAGE, both.code());
    assertTrue(both.err().contains("--password and --password-env"), both.err());
    assertFalse((both.out() + both.err()).contains("s3cret-on-the-line"));

    List<String> unset = searchWithoutPasswords();
    unset.addAll(List.of("--password-env", "INSI_P12_PW", "--truststore-password", StubPki.PASSWORD));
    Run missing = runWith(Map.of(), unset.toArray(new String[0]));
    assertEquals(InsiCli.USAGE, missing.code());
    assertTrue(missing.err().contains("INSI_P12_PW, which is not set"), missing.err());
  }
}
