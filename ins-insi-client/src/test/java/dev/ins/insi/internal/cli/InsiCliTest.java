package dev.ins.insi.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.Cli;
import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.stub.StubFault;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against the stub, with the PKI files the stub wrote; the shared CLI conventions. */
class InsiCliTest {

  private static final String SECRET = "S3cret-Passw0rd!";

  @TempDir
  static Path dir;
  private static StubInsiServer stub;

  record Run(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

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
    stub.clearRequests();
  }

  private static Run run(String... args) {
    return runWith(Map.of(), args);
  }

  private static Run runWith(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = InsiCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, InputStream.nullInputStream());
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
    return search(stub, dir, client, name, first, sex, date, extra);
  }

  private static String[] search(StubInsiServer s, Path pki, String client, String name, String first, String sex,
      String date, String... extra) {
    List<String> a = new ArrayList<>(List.of("search", "--endpoint", s.endpoint().toString(),
        "--pkcs12", pki.resolve(client + ".p12").toString(), "--password", StubPki.PASSWORD,
        "--truststore", pki.resolve("truststore.p12").toString(), "--truststore-password", StubPki.PASSWORD,
        "--birth-name", name, "--first-names", first, "--sex", sex, "--birth-date", date, "--timeout-ms", "5000"));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  /** Parses a {@code stub} command line and starts it without blocking, as {@code call()} would. */
  private static StubInsiServer startStub(ByteArrayOutputStream out, String... args) {
    CommandLine cl = Cli.commandLine(new InsiCli(Map.of(), InputStream.nullInputStream()),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    StubCommand c = (StubCommand) cl.parseArgs(args).subcommand().commandSpec().userObject();
    return c.start();
  }

  // ------------------------------------------------------------------ conventions

  @Test
  void helpAndVersion_onTheToolAndEverySubcommand_exitZero() {
    assertEquals(0, run("--help").code());
    assertTrue(run("--help").out().contains("search") && run("--help").out().contains("stub"));
    assertTrue(run("--version").out().contains("ins-sdk"));
    for (String sub : List.of("search", "doctor", "acceptance", "stub")) {
      Run h = run(sub, "--help");
      assertEquals(0, h.code(), sub);
      assertTrue(h.out().contains("Usage:"), h.out());
      assertEquals(0, run(sub, "--version").code(), sub);
    }
    assertTrue(run("search", "--help").out().contains("--transliterate-ligatures"));
  }

  @Test
  void search_mistypedOption_isRefusedWithExit2_andTheSearchDoesNotRun() {
    Run r = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", "--birth-place", "63220"));
    assertEquals(2, r.code(), r.all());
    assertTrue(r.out().contains("unknown option '--birth-place'"), r.out());
    assertTrue(r.out().contains("--birthplace"), "suggests the right option: " + r.out());
    assertFalse(r.all().contains("63220"), "values are never echoed");
    assertEquals(0, stub.requests().size(), "no search without the birthplace the operator meant to send");
  }

  @Test
  void search_badValue_namesTheOptionNotTheValue() {
    Run r = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", "--timeout-ms", "abc"));
    assertEquals(2, r.code());
    assertTrue(r.out().contains("option '--timeout-ms'"), r.out());
    assertFalse(r.all().contains("abc"));
    Run sex = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "X", "2009-07-14"));
    assertEquals(2, sex.code());
    assertTrue(sex.out().contains("'--sex'"), sex.out());
    Run missing = run("search", "--endpoint", "https://127.0.0.1:1/lps");
    assertEquals(2, missing.code());
    assertTrue(missing.out().contains("missing option"), missing.out());
  }

  @Test
  void search_secretsPutInTheWrongPlace_areNeverEchoed() {
    List<String> inEnv = searchWithoutPasswords();
    inEnv.addAll(List.of("--password-env", SECRET, "--truststore-password", StubPki.PASSWORD));
    Run env = run(inEnv.toArray(new String[0]));
    assertEquals(3, env.code(), env.all());
    assertTrue(env.out().contains("--password-env"), env.out());

    List<String> inFile = searchWithoutPasswords();
    inFile.addAll(List.of("--password-file", SECRET, "--truststore-password", StubPki.PASSWORD));
    Run file = run(inFile.toArray(new String[0]));
    assertEquals(3, file.code(), file.all());
    assertTrue(file.out().contains("--password-file"), file.out());

    List<String> stray = new ArrayList<>(List.of(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14")));
    stray.add(SECRET);
    Run straw = run(stray.toArray(new String[0]));
    assertEquals(2, straw.code());

    Run glued = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", "--pasword=" + SECRET));
    assertEquals(2, glued.code());
    for (Run r : List.of(env, file, straw, glued)) {
      assertFalse(r.all().contains(SECRET), r.all());
      assertFalse(r.all().contains("Passw0rd"), r.all());
    }
    assertEquals(0, stub.requests().size());
  }

  @Test
  void search_missingFile_isNamed_exit3() {
    Path absent = dir.resolve("absent.p12");
    List<String> a = new ArrayList<>(List.of(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14")));
    a.set(a.indexOf("--pkcs12") + 1, absent.toString());
    Run r = run(a.toArray(new String[0]));
    assertEquals(3, r.code(), r.all());
    assertTrue(r.out().contains("\"code\":\"FILE_NOT_FOUND\"") && r.out().contains("--pkcs12: no such file: " + absent),
        r.out());
  }

  // ------------------------------------------------------------------ search outcomes

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
  void search_notFoundAndSeveral_areNegativeAnswers_exit1() {
    Run nf = run(search("insi-auto", "HOUILLES", "PIERRE PAUL", "M", "1993-01-27"));
    assertEquals(1, nf.code());
    assertTrue(nf.out().contains("\"outcome\":\"NOT_FOUND\",\"cr\":\"01\""), nf.out());
    assertTrue(nf.out().contains("\"attempts\":3"), nf.out());
    Run sev = run(search("insi-auto", "DE VINCI", "LEONARDO", "M", "2014-02-01"));
    assertEquals(1, sev.code());
    assertTrue(sev.out().contains("\"outcome\":\"SEVERAL\",\"cr\":\"02\""), sev.out());
  }

  @Test
  void search_birthplace_isSentWhenGiven() {
    Run r = run(search("insi-auto", "DE VINCI", "LEONARDO", "M", "2014-02-01", "--birthplace", "75056"));
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().contains("\"birthplaceSent\":true"), r.out());
    assertEquals("75056", stub.requests().get(stub.requests().size() - 1).birthplace());
  }

  @Test
  void search_typedLigatures_areRefusedBeforeAnyCall_unlessTheOperatorConfirmed() {
    Run refused = run(search("insi-auto", "D'Æion", "Cœur", "M", "1987-01-01"));
    assertEquals(2, refused.code(), refused.all());
    assertTrue(refused.out().contains("\"code\":\"INVALID_TRAITS\""), refused.out());
    assertTrue(refused.out().contains("--birth-name: LIGATURE at index 2; --first-names: LIGATURE at index 1"),
        refused.out());
    assertTrue(refused.out().contains("--transliterate-ligatures"), refused.out());
    assertEquals(0, stub.requests().size(), "CNDA 2.03 cas 3: no INSi call");
    Run confirmed = run(search("insi-auto", "D'Æion", "Cœur", "M", "1987-01-01", "--transliterate-ligatures"));
    assertEquals(1, confirmed.code(), confirmed.all());
    assertEquals("D'AEION", stub.requests().get(0).birthName());
    assertEquals(List.of("COEUR"), stub.requests().get(0).prenoms());
  }

  @Test
  void search_wrongKey_reportsKeyValidFalse() {
    Run r = run(search("insi-auto", "HERMANN", "GATIEN", "M", "1981-03-24"));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\"keyValid\":false"), r.out());
    assertTrue(r.out().contains("INVALID_KEY"), r.out());
  }

  @Test
  void search_fault_isRefused_exit5_withTheReason() {
    Run r = run(search("wrong-cn", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(5, r.code());
    assertTrue(r.out().contains("\"outcome\":\"FAULT\""), r.out());
    assertTrue(r.out().contains("\"faultCode\":\"DESIR_560\""), r.out());
    assertTrue(r.out().contains("\"reason\":\"Vous ne disposez pas des droits suffisants"), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void search_transportAndInvalidResponse_areUnavailableOrRefused() {
    Run tls = run(search("rogue", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(5, tls.code());
    assertTrue(tls.out().contains("\"outcome\":\"TRANSPORT_ERROR\",\"errorCode\":\"TLS\""), tls.out());
    stub.enqueue(StubFault.malformedXml());
    Run bad = run(search("insi-auto", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14"));
    assertEquals(4, bad.code());
    assertTrue(bad.out().contains("\"outcome\":\"INVALID_RESPONSE\",\"errorCode\":\"MALFORMED_XML\""), bad.out());
  }

  @Test
  void search_takesThePasswordsFromAnEnvironmentVariableOrAFile() throws IOException {
    Path trustPasswordFile = Files.writeString(dir.resolve("trust.pw"), StubPki.PASSWORD + "\n");
    List<String> a = searchWithoutPasswords();
    a.addAll(List.of("--password-env", "INSI_P12_PW", "--truststore-password-file", trustPasswordFile.toString()));
    Run r = runWith(Map.of("INSI_P12_PW", StubPki.PASSWORD), a.toArray(new String[0]));
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().startsWith("{\"outcome\":\"FOUND\""), r.out());
  }

  @Test
  void search_refusesTwoSourcesForOnePassword_withoutPrintingTheSecret() {
    List<String> twice = searchWithoutPasswords();
    twice.addAll(List.of("--password", "s3cret-on-the-line", "--password-env", "INSI_P12_PW",
        "--truststore-password", StubPki.PASSWORD));
    Run both = runWith(Map.of("INSI_P12_PW", StubPki.PASSWORD), twice.toArray(new String[0]));
    assertEquals(2, both.code());
    assertTrue(both.out().contains("--password and --password-env"), both.out());
    assertFalse(both.all().contains("s3cret-on-the-line"));
  }

  // ------------------------------------------------------------------ stub

  @Test
  void stubCommand_printsOneJsonLine_writesThePki_andAnswersSearches(@TempDir Path pki) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StubInsiServer own = startStub(out, "stub", "--port", "0", "--pki-out", pki.toString());
    try {
      String line = out.toString(StandardCharsets.UTF_8);
      assertEquals(1, line.lines().count(), line);
      assertTrue(line.startsWith("{\"endpoint\":\"" + own.endpoint() + "\""), line);
      assertTrue(line.contains("\"keyAlgorithm\":\"RSA\""), line);
      assertTrue(line.contains("\"INSI_AUTO\":\"insi-auto.p12\""), line);
      for (String f : List.of("insi-auto.p12", "insi-auto.pem", "insi-auto.key.pem", "insi-manu.p12",
          "wrong-cn.p12", "rogue.p12", "truststore.p12", "ca.pem")) {
        assertTrue(Files.isRegularFile(pki.resolve(f)), f);
      }
      Run r = run(search(own, pki, "insi-manu", "ADRUN", "ZOE", "F", "1975-12-31"));
      assertEquals(0, r.code(), r.all());
      assertTrue(r.out().contains("\"outcome\":\"FOUND\""), r.out());
    } finally {
      own.close();
    }
  }

  @Test
  void stubCommand_onABusyPort_saysSo_exit4(@TempDir Path pki) {
    Run r = run("stub", "--port", Integer.toString(stub.port()), "--pki-out", pki.toString());
    assertEquals(4, r.code(), r.all());
    assertTrue(r.out().contains("\"code\":\"PORT_IN_USE\""), r.out());
    assertTrue(r.out().contains("--port " + stub.port() + ": the port is already in use"), r.out());
  }

  @Test
  void stubCommand_injectsFaults_andRecordsRequests(@TempDir Path pki) throws IOException {
    Path record = pki.resolve("requests");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StubInsiServer own = startStub(out, "stub", "--pki-out", pki.toString(), "--key-algorithm", "ec",
        "--fault", "http:503", "--fault", "soap:siram_100:desir_550:Numero inconnu", "--record", record.toString());
    try {
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"faultsQueued\":2"));
      assertEquals("EC", own.pki().rootCertificate().getPublicKey().getAlgorithm());
      Run first = run(search(own, pki, "insi-auto", "ADRUN", "ZOE", "F", "1975-12-31"));
      assertEquals(4, first.code(), first.all());
      assertTrue(first.out().contains("\"httpStatus\":503"), first.out());
      Run second = run(search(own, pki, "insi-auto", "ADRUN", "ZOE", "F", "1975-12-31"));
      assertEquals(5, second.code(), second.all());
      assertTrue(second.out().contains("\"faultCode\":\"desir_550\""), second.out());
      assertEquals(0, run(search(own, pki, "insi-auto", "ADRUN", "ZOE", "F", "1975-12-31")).code());
      try (Stream<Path> files = Files.list(record)) {
        assertEquals(List.of("001-request.xml", "002-request.xml", "003-request.xml"),
            files.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertTrue(Files.readString(record.resolve("003-request.xml")).contains("RECSANSVITALE"));
    } finally {
      own.close();
    }
  }

  @Test
  void stubCommand_takesControlLinesOnStandardInput(@TempDir Path pki) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayInputStream in = new ByteArrayInputStream(("fault http:500\nrequests\nbogus\nfault nope:" + SECRET
        + "\nclear\n").getBytes(StandardCharsets.UTF_8));
    CommandLine cl = Cli.commandLine(new InsiCli(Map.of(), in), new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    StubCommand c = (StubCommand) cl.parseArgs("stub", "--pki-out", pki.toString()).subcommand().commandSpec()
        .userObject();
    StubInsiServer own = c.start();
    try {
      c.control(own);
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(6, lines.size(), lines.toString());
      assertEquals("{\"control\":\"fault\",\"ok\":true}", lines.get(1));
      assertTrue(lines.get(2).startsWith("{\"control\":\"requests\",\"requests\":[]"), lines.get(2));
      assertTrue(lines.get(3).contains("\"ok\":false"), lines.get(3));
      assertTrue(lines.get(4).contains("\"ok\":false") && !lines.get(4).contains(SECRET), lines.get(4));
      assertEquals("{\"control\":\"clear\",\"ok\":true}", lines.get(5));
    } finally {
      own.close();
    }
  }

  @Test
  void stubCommand_badFaultSpec_isAUsageError_withoutEchoingIt(@TempDir Path pki) {
    Run r = run("stub", "--pki-out", pki.toString(), "--fault", "explode:" + SECRET);
    assertEquals(2, r.code());
    assertTrue(r.out().contains("--fault: not a fault spec"), r.out());
    assertFalse(r.all().contains(SECRET));
  }

  // ------------------------------------------------------------------ acceptance

  @Test
  void acceptanceCommand_writesTheMaterial_andListsEveryCase(@TempDir Path out) {
    Run r = run("acceptance", "--out", out.toString());
    assertEquals(0, r.code(), r.all());
    for (String id : List.of("2.03-cas1", "2.03-cas2", "2.03-cas3", "2.04", "2.05", "2.08-cas1", "2.08-cas2", "CR01",
        "CR02", "1.02", "1.03")) {
      assertTrue(r.out().contains("{\"scenario\":\"" + id + "\""), id + " in " + r.out());
    }
    assertTrue(Files.isRegularFile(out.resolve("summary.md")));
  }
}
