package dev.ins.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs the README's demo command in-process and checks what it printed. */
class DemoTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] logs = new String[1];
    int[] code = new int[1];
    logs[0] = PiiGuard.captureStderr(() -> code[0] = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Run(code[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + logs[0]);
  }

  private static void assertEveryStepPassed(Run r) {
    assertEquals(0, r.code(), r.out());
    List<String> steps = r.out().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(11, steps.size(), r.out());
    for (int i = 0; i < steps.size(); i++) {
      assertTrue(steps.get(i).startsWith(String.format("[%2d/11]", i + 1)), steps.get(i));
    }
    String out = r.out();
    assertTrue(out.contains("key VALID"), out);
    assertTrue(out.contains("CR 00 (OK)"), out);
    assertTrue(out.contains("PROV -> RECUP") && out.contains("-> QUAL"), out);
    // The verdict gates RECUP: the card gives fewer first names and no birthplace, so an operator
    // decides, and the demo says it plays that operator.
    assertTrue(out.contains("[ 4/11] compare INSi with the local identity NEEDS_REVIEW"), out);
    assertTrue(out.contains("SIMULATED OPERATOR \"demo-operator\" (this demo plays the operator) reviews the differences"
        + " and accepts them: FIRST_NAMES=LIST_IS_PREFIX, BIRTHPLACE=LOCAL_UNKNOWN"), out);
    assertTrue(out.contains("PROV -> RECUP (INSi, operator decision by demo-operator, simulated)"), out);
    assertTrue(out.contains("justification=OPERATOR_DECISION"), out);
    assertTrue(out.contains("moved to another row: refused"), out);
    assertTrue(out.contains("intact: true"), out);
    assertTrue(out.contains("drill restored and matched"), out);
    assertTrue(out.contains("IS01" + "0".repeat(22) + "S1109076322083489S21.2.250.1.213.1.4.8<GS>S3PIERRE-ALAIN MURIEL FLORIANT<GS>S4ECETINSI<GS>S5MS614-07-2009S763220"), out);
    assertTrue(out.contains("\"resourceType\": \"Patient\"") && out.contains("fr-core-patient-ins"), out);
    assertTrue(out.contains("Identity[status=QUAL"), out);
    assertTrue(out.trim().endsWith("demo complete: every step passed"), out);
    // What the SDK logged (stderr) holds no patient data; the screen shows the synthetic identity.
    PiiGuard.assertNoPii(r.err(), List.of("ECETINSI", "PIERRE-ALAIN", "FLORIANT", "109076322083489", "2009-07-14"));
  }

  @Test
  void defaultMode_runsEveryStepOnEmbeddedDefaults() {
    assertEveryStepPassed(run());
  }

  @Test
  void vitaleMode_checksTheCard_thenSearchesWithItsData() {
    Run r = run("--vitale");
    assertEveryStepPassed(r);
    assertTrue(r.out().contains("[ 3/11] check the card, search INSi with it"), r.out());
    assertTrue(r.out().contains("card check SAME_CARD right before the call, RECVITALE for beneficiary 2: CR 00 (OK)"),
        r.out());
    assertTrue(r.out().contains("with another card inserted the search was refused before any call (OTHER_CARD)"),
        r.out());
  }

  @Test
  void unknownOption_isRefused_exit2_andHelpWorks() {
    Run r = run("--vitalle");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("unknown option '--vitalle'"), r.out());
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--vitale") && help.out().contains("--pcsc"), help.out());
  }

  @Test
  void pcscMode_readsTheCardThroughARealPcscd() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    // pcscd may run without vsmartcard-vpcd (a workstation with a real reader): skip, saying why.
    dev.ins.cardreader.virtual.VpcdAvailability vpcd = dev.ins.cardreader.virtual.VpcdAvailability.check();
    if (!vpcd.ready() && !ci) {
      Assumptions.abort(vpcd.message());
    }
    Run r = run("--pcsc");
    assertTrue(r.out().contains("through pcscd (vpcd virtual card)"), r.out());
    assertEveryStepPassed(r);
  }

  @Test
  void realEndpointWithoutCredentials_failsWithAClearMessage() {
    Run noCredential = run("--endpoint", "https://insi.example.test/lps");
    assertEquals(2, noCredential.code());
    assertTrue(noCredential.err().contains("exactly one of --pkcs12 FILE or --pkcs11 CONFIG"), noCredential.err());
    Run noRoots = run("--endpoint", "https://insi.example.test/lps", "--pkcs12", "cred.p12");
    assertEquals(2, noRoots.code());
    assertTrue(noRoots.err().contains("--roots PEM"), noRoots.err());
    Run plainHttp = run("--endpoint", "http://insi.example.test/lps");
    assertTrue(plainHttp.err().contains("https"), plainHttp.err());
    Run stray = run("--pkcs12", "cred.p12");
    assertEquals(2, stray.code());
    assertTrue(stray.err().contains("only make sense with --endpoint"), stray.err());
  }
}
