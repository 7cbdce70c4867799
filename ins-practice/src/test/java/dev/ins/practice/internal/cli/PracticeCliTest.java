package dev.ins.practice.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.Cli;
import dev.ins.practice.PracticeFixtureAccess;
import dev.ins.practice.TestClock;
import dev.ins.security.Argon2Params;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.killswitch.KillSwitchFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeCliTest {
  private static final String KEY_PASSWORD = "mot-de-passe-des-cles";
  private static final Map<String, String> ENV = Map.of("INS_KEY_PASSWORD", KEY_PASSWORD, "INSI_P12_PASSWORD", "changeit-test");

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(TestClock clock, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new PracticeCli(ENV, clock, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void posture_greenPracticeExitsZero_amberExitsOne_andWritesTheHtml() throws Exception {
    PracticeFixtureAccess f = new PracticeFixtureAccess(dir);
    TestClock clock = new TestClock(f.now());
    String config = dir.resolve("practice.json").toString();
    Path html = dir.resolve("bilan.html");
    // The JDK of the machine running the test is what is checked here (no injection in the CLI).
    Run r = run(clock, "", "posture", "--config", config, "--html", html.toString());
    assertTrue(r.out().contains("\"checks\":["), r.out());
    boolean jdkGreen = r.out().contains("\"id\":\"updates.jdk\",\"area\":\"Mises à jour\",\"title\":\"Java (JDK)\",\"status\":\"GREEN\"");
    if (jdkGreen) {
      assertEquals(0, r.code(), r.out());
      assertTrue(r.out().contains("\"overall\":\"GREEN\""), r.out());
    }
    assertTrue(Files.readString(html).contains("Bilan de sécurité du cabinet"));
    clock.advance(Duration.ofHours(40));
    Run amber = run(clock, "", "posture", "--config", config);
    assertEquals(1, amber.code(), amber.out());
    assertFalse(amber.out().contains("\"overall\":\"GREEN\""));
  }

  @Test
  void incident_startStatusStepsAndClose_throughTheCommandLine() throws Exception {
    PracticeFixtureAccess f = new PracticeFixtureAccess(dir);
    TestClock clock = new TestClock(f.now());
    String config = dir.resolve("practice.json").toString();
    Run none = run(clock, "", "incident", "status", "--config", config);
    assertEquals(0, none.code(), none.out());
    assertTrue(none.out().contains("\"incident\":null"), none.out());
    Run start = run(clock, "", "incident", "start", "--config", config, "--symptom", "écran de rançon", "--discovered-at", "2026-12-03T08:00:00Z");
    assertEquals(0, start.code(), start.out() + start.err());
    assertTrue(start.out().contains("\"killSwitch\":\"ENGAGED\"") && start.out().contains("\"cnilHoursLeft\":71"), start.out());
    assertTrue(KillSwitchFile.at(dir.resolve("kill-switch.json")).state().blocksOutbound());
    Run again = run(clock, "", "incident", "start", "--config", config, "--symptom", "x");
    assertEquals(5, again.code(), again.out());
    clock.advance(Duration.ofMinutes(5));
    Run alert = run(clock, "", "incident", "step", "alerter", "--config", config);
    assertEquals(0, alert.code(), alert.out());
    assertTrue(alert.out().contains("écran de rançon"), alert.out());
    Run early = run(clock, "", "incident", "step", "restaurer", "--config", config);
    assertEquals(5, early.code(), early.out());
    Path ev = Files.writeString(dir.resolve("rancon.txt"), "payez");
    Run preserve = run(clock, "", "incident", "step", "preserver", "--config", config, "--include", ev.toString(), "--custodian", "Dr V");
    assertEquals(0, preserve.code(), preserve.out() + preserve.err());
    String bundle = preserve.out().replaceAll("(?s).*\"bundle\":\"([^\"]+)\".*", "$1");
    String pub = dev.ins.security.Ed25519SigningKey.fromKeyset(KeysetVault.openWithPassword(
        Files.readAllBytes(dir.resolve("incident.key")), KEY_PASSWORD.toCharArray())).publicKey().toBase64();
    Run intact = run(clock, "", "incident", "verify-evidence", "--bundle", bundle, "--public-key", pub);
    assertEquals(0, intact.code(), intact.out());
    Files.writeString(Path.of(bundle).resolve("MANIFEST.sha256"), "tampered\n");
    Run tampered = run(clock, "", "incident", "verify-evidence", "--bundle", bundle, "--public-key", pub);
    assertEquals(1, tampered.code(), tampered.out());
    assertTrue(tampered.out().contains("\"intact\":false"), tampered.out());
    Run declare = run(clock, "", "incident", "step", "declarer", "--config", config);
    assertEquals(0, declare.code(), declare.out());
    Run recover = run(clock, "", "incident", "step", "restaurer", "--config", config);
    assertEquals(0, recover.code(), recover.out() + recover.err());
    assertTrue(recover.out().contains("\"success\":true"), recover.out());
    Run status = run(clock, "", "incident", "status", "--config", config);
    assertTrue(status.out().contains("\"next\":null"), status.out());
    Run close = run(clock, "", "incident", "close", "--config", config, "--note", "postes nettoyés");
    assertEquals(0, close.code(), close.out());
    assertTrue(close.out().contains("\"killSwitch\":\"RELEASED\"") && close.out().contains("\"open\":false"), close.out());
  }

  @Test
  void incident_wrongKeyPassword_isRefusedWithoutDetail() throws Exception {
    new PracticeFixtureAccess(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Cli.run(new PracticeCli(Map.of("INS_KEY_PASSWORD", "faux"), new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z")),
        new ByteArrayInputStream(new byte[0])), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
        "incident", "start", "--config", dir.resolve("practice.json").toString(), "--symptom", "x");
    assertEquals(5, code, out.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("WRONG_PASSWORD"));
  }

  @Test
  void endlessPasswordFile_isAnInputError_atTheSharedBound() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
    Run r = run(new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z")), "", "auth", "totp-enrol", "--issuer", "MonLogiciel",
        "--account", "cvasseur", "--out", dir.resolve("totp.key").toString(), "--password-file", zero.toString());
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("SECRET_FILE") && r.out().contains("larger than 4096 bytes"), r.out());
    assertFalse(Files.exists(dir.resolve("totp.key")), "nothing is written");
  }

  @Test
  void authStrength_readsStdin_andExitsOneBelowTheThreshold() {
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z"));
    Run weak = run(clock, "x-x-x-x-x-x-x-x\n", "auth", "strength", "--level", "password_only");
    assertEquals(1, weak.code(), weak.out());
    assertTrue(weak.out().contains("\"meets\":false"), weak.out());
    assertFalse(weak.out().contains("x-x-x"), "the password is never echoed");
    Run strong = run(clock, "Kq7#vT2!pZ9&\n", "auth", "strength", "--level", "password_only");
    assertEquals(0, strong.code(), strong.out());
  }

  @Test
  void totp_enrolThenCheck_andReplayRefused() throws Exception {
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z"));
    Path secret = dir.resolve("totp.key");
    Run enrol = run(clock, "", "auth", "totp-enrol", "--issuer", "MonLogiciel", "--account", "cvasseur", "--out", secret.toString());
    assertEquals(0, enrol.code(), enrol.out() + enrol.err());
    assertTrue(enrol.out().contains("otpauth://totp/MonLogiciel:cvasseur?secret="), enrol.out());
    var material = KeysetVault.openWithPassword(Files.readAllBytes(secret), KEY_PASSWORD.toCharArray()).primary().material();
    String code = dev.ins.practice.auth.Totp.builder().build().code(material, clock.instant());
    Run ok = run(clock, "", "auth", "totp-check", "--secret-file", secret.toString(), "--code", code);
    assertEquals(0, ok.code(), ok.out());
    String step = ok.out().replaceAll(".*\"step\":([0-9]+).*\\s*", "$1");
    Run replay = run(clock, "", "auth", "totp-check", "--secret-file", secret.toString(), "--code", code, "--last-step", step);
    assertEquals(1, replay.code(), replay.out());
    assertTrue(replay.out().contains("REPLAY"), replay.out());
  }

  @Test
  void advisory_signedIsValid_tamperedOrUntrustedIsRefused() throws Exception {
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z"));
    Keyset maint = Keyset.generate(KeyType.ED25519);
    Path keyFile = dir.resolve("maintainers.key");
    Files.write(keyFile, KeysetVault.sealWithPassword(maint, KEY_PASSWORD.toCharArray(), Argon2Params.of(8192, 1, 1)));
    String pub = Ed25519SigningKey.fromKeyset(maint).publicKey().toBase64();
    Path in = Files.writeString(dir.resolve("floor.json"), "{\"generatedAt\":\"2027-01-21T00:00:00Z\",\"validUntil\":\"2027-04-21T00:00:00Z\","
        + "\"jdk\":[{\"feature\":17,\"minUpdate\":18,\"advisory\":\"CPU janvier 2027\"}],\"eolFeatures\":[],"
        + "\"libraries\":[{\"ga\":\"org.bouncycastle:bcprov-jdk18on\",\"min\":\"1.88\",\"advisory\":\"x\"}],\"sdkMin\":\"0.1.0\"}");
    Path out = dir.resolve("advisory.json");
    Run sign = run(clock, "", "advisory", "sign", "--in", in.toString(), "--key", keyFile.toString(), "--out", out.toString());
    assertEquals(0, sign.code(), sign.out() + sign.err());
    assertEquals(0, run(clock, "", "advisory", "verify", "--in", out.toString(), "--trusted-key", pub).code());
    assertEquals(1, run(clock, "", "advisory", "verify", "--in", out.toString(), "--trusted-key",
        Ed25519SigningKey.generate().publicKey().toBase64()).code());
    Files.writeString(out, Files.readString(out).replace("\"minUpdate\":18", "\"minUpdate\":1"));
    Run tampered = run(clock, "", "advisory", "verify", "--in", out.toString(), "--trusted-key", pub);
    assertEquals(1, tampered.code(), tampered.out());
    assertTrue(tampered.out().contains("\"valid\":false"));
    Run unsigned = run(clock, "", "advisory", "verify", "--in", in.toString(), "--trusted-key", pub);
    assertEquals(1, unsigned.code(), unsigned.out());
  }

  @Test
  void usageErrors_exitTwo_andHelpWorksOnEverySubcommand() {
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-03T09:00:00Z"));
    assertEquals(2, run(clock, "", "posture", "--config-file", "x").code());
    Run badStep = run(clock, "", "incident", "step", "voler", "--config", "x");
    assertEquals(2, badStep.code(), badStep.out());
    assertEquals(3, run(clock, "", "posture", "--config", "absent.json").code());
    for (String[] args : new String[][] {{"--help"}, {"posture", "--help"}, {"incident", "start", "--help"}, {"auth", "strength", "--help"},
        {"advisory", "sign", "--help"}, {"--version"}}) {
      Run r = run(clock, "", args);
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    }
  }
}
