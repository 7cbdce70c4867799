package dev.ins.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.breach.BreachRecord;
import dev.ins.security.breach.BreachRegister;
import dev.ins.security.breach.BreachRegisterFile;
import dev.ins.security.breach.DataCategory;
import dev.ins.security.killswitch.KillSwitchFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One scenario per colour, on a complete synthetic practice. */
class PostureTest {
  @TempDir Path dir;

  private static String statuses(PostureReport r) {
    return r.checks().stream().map(c -> c.id() + "=" + c.status() + " (" + c.finding() + ")").collect(Collectors.joining("\n"));
  }

  @Test
  void wellKeptPractice_isGreenOnEveryCheck() {
    PostureReport r = new PracticeFixture(dir).posture().build().run();
    assertEquals(PostureStatus.GREEN, r.overall(), statuses(r));
    assertEquals(r.checks().size(), r.count(PostureStatus.GREEN), statuses(r));
    assertTrue(r.checks().size() >= 17, statuses(r));
    assertTrue(r.checks().stream().allMatch(c -> c.fix().isEmpty()), "green checks need no fix");
  }

  @Test
  void staleBackupAndCertificateSoonExpiring_isAmber() throws IOException {
    PracticeFixture f = new PracticeFixture(dir);
    // 40 h later: the last backup is older than 26 h but not 52 h; nothing else has gone wrong.
    PostureReport r = f.posture().clock(java.time.Clock.fixed(PracticeFixture.NOW.plus(Duration.ofHours(37)), java.time.ZoneOffset.UTC)).build().run();
    assertEquals(PostureStatus.AMBER, r.check("backups.last").status(), statuses(r));
    assertEquals(PostureStatus.AMBER, r.check("audit.checkpoint-age").status(), statuses(r));
    assertEquals(PostureStatus.AMBER, r.overall(), statuses(r));
    assertFalse(r.check("backups.last").fix().isEmpty());
  }

  @Test
  void brokenPractice_isRed_andSaysWhyAndHowToFix() throws IOException {
    PracticeFixture f = new PracticeFixture(dir);
    // An overdue breach, a key file readable by everyone, a tampered audit log, a vulnerable JDK.
    BreachRegister reg = new BreachRegister();
    reg.record(BreachRecord.of("2026-007", PracticeFixture.NOW.minus(Duration.ofHours(80)), "rançongiciel sur le poste d'accueil",
        Set.of(DataCategory.HEALTH), "indisponibilité des dossiers", "poste isolé"));
    reg.record(BreachRecord.of("2026-008", PracticeFixture.NOW.minus(Duration.ofHours(10)), "courriel envoyé au mauvais destinataire",
        Set.of(DataCategory.CONTACT), "divulgation", "rappel du message"));
    BreachRegisterFile.save(reg, dir.resolve("breaches.json"));
    Files.setPosixFilePermissions(dir.resolve("record.key"), PosixFilePermissions.fromString("rw-r--r--"));
    try (RandomAccessFile raf = new RandomAccessFile(f.auditLog.toFile(), "rw")) {
      raf.seek(30);
      int b = raf.read();
      raf.seek(30);
      raf.write(b == 'a' ? 'b' : 'a');
    }
    PostureReport r = f.posture().versions(new RuntimeVersions("17.0.9+9", "1.84", "0.1.0")).build().run();
    assertEquals(PostureStatus.RED, r.overall(), statuses(r));
    PostureCheck breach = r.check("breaches.deadline");
    assertEquals(PostureStatus.RED, breach.status());
    assertTrue(breach.finding().contains("2026-007") && breach.finding().contains("DÉPASSÉ"), breach.finding());
    assertTrue(breach.finding().contains("62 h restantes"), breach.finding());
    assertEquals(PostureStatus.RED, r.check("keys.permissions").status(), statuses(r));
    assertEquals(PostureStatus.RED, r.check("audit.integrity").status(), statuses(r));
    assertEquals(PostureStatus.RED, r.check("updates.jdk").status(), statuses(r));
    assertEquals(PostureStatus.RED, r.check("updates.bouncycastle").status(), statuses(r));
    for (PostureCheck c : r.checks()) {
      if (c.status() == PostureStatus.RED) {
        assertFalse(c.fix().isBlank(), c.id());
        assertFalse(c.why().isBlank(), c.id());
      }
    }
  }

  @Test
  void missingInputs_areUnknown_neverACrash() throws IOException {
    Files.writeString(dir.resolve("practice.json"), "{\"practice\": {\"name\": \"Cabinet Minimal\"}, \"stateDir\": \"state\","
        + " \"killSwitch\": \"ks.json\", \"audit\": {\"log\": \"absent.jsonl\", \"checkpoints\": \"nowhere\", \"keyName\": \"k\","
        + " \"publicKey\": \"" + Ed25519SigningKey.generate().publicKey().toBase64() + "\"},"
        + " \"backups\": {\"signer\": \"" + Ed25519SigningKey.generate().publicKey().toBase64() + "\", \"offlineRecipient\": \"recovery\","
        + " \"destinations\": [{\"id\": \"usb\", \"kind\": \"OFFLINE\", \"path\": \"not-mounted\"}]}}");
    PostureReport r = Posture.builder(PracticeConfig.load(dir.resolve("practice.json")))
        .clock(PracticeFixture.clock()).versions(PracticeFixture.VERSIONS).environment(n -> null).build().run();
    assertEquals(PostureStatus.UNKNOWN, r.check("keys.rotation").status());
    assertEquals(PostureStatus.UNKNOWN, r.check("certs.insi").status());
    assertEquals(PostureStatus.UNKNOWN, r.check("passwords.argon2").status());
    assertEquals(PostureStatus.UNKNOWN, r.check("breaches.deadline").status());
    assertEquals(PostureStatus.UNKNOWN, r.check("audit.off-host").status());
    assertEquals(PostureStatus.RED, r.check("backups.last").status(), "declared but no backup found");
    assertEquals(PostureStatus.RED, r.check("audit.integrity").status(), "declared log missing");
    assertEquals(PostureStatus.GREEN, r.check("updates.jdk").status());
    assertEquals(PostureStatus.RED, r.overall());
  }

  @Test
  void onlyUnknownsAndGreens_giveAnAmberOverall() throws IOException {
    Files.writeString(dir.resolve("practice.json"), "{\"practice\": {\"name\": \"Cabinet Minimal\"}, \"stateDir\": \"state\", \"killSwitch\": \"ks.json\"}");
    PostureReport r = Posture.builder(PracticeConfig.load(dir.resolve("practice.json")))
        .clock(PracticeFixture.clock()).versions(PracticeFixture.VERSIONS).build().run();
    assertTrue(r.count(PostureStatus.UNKNOWN) > 5, statuses(r));
    assertEquals(0, r.count(PostureStatus.RED), statuses(r));
    assertEquals(PostureStatus.AMBER, r.overall());
  }

  @Test
  void engagedKillSwitch_andTamperedBackup_areRed() throws IOException {
    PracticeFixture f = new PracticeFixture(dir);
    KillSwitchFile.at(dir.resolve("kill-switch.json")).engage("INC-1", "rançongiciel", Ed25519SigningKey.generate(), PracticeFixture.NOW);
    Path copy = dir.resolve("usb").resolve(Files.list(dir.resolve("usb")).findFirst().orElseThrow().getFileName());
    byte[] bytes = Files.readAllBytes(copy);
    bytes[bytes.length / 2] ^= 1;
    Files.write(copy, bytes);
    PostureReport r = f.posture().build().run();
    assertEquals(PostureStatus.RED, r.check("incident.kill-switch").status());
    assertEquals(PostureStatus.RED, r.check("backups.last").status(), statuses(r));
    assertTrue(r.check("backups.last").finding().contains("usb"), r.check("backups.last").finding());
  }

  @Test
  void drillAndThreeTwoOne_followTheAuditLog() throws IOException {
    PracticeFixture f = new PracticeFixture(dir);
    try (AuditLog log = AuditLog.open(f.auditLog)) {
      log.append(new AuditEntry(PracticeFixture.NOW.minus(Duration.ofHours(1)), "backup-job", "backup.restore-drill", "backup:x",
          "failed", java.util.Map.of()));
    }
    PostureReport r = f.posture().build().run();
    assertEquals(PostureStatus.RED, r.check("backups.drill").status(), statuses(r));
    assertTrue(r.check("backups.drill").finding().contains("ÉCHOUÉ"));
    // The checkpoint no longer covers the last entry: the log is still intact (uncovered tail is not fatal).
    assertEquals(PostureStatus.GREEN, r.check("audit.integrity").status(), statuses(r));
    // Only one recent copy destination left after 9 days: 3-2-1 broken.
    PostureReport later = f.posture().clock(java.time.Clock.fixed(PracticeFixture.NOW.plus(Duration.ofDays(9)), java.time.ZoneOffset.UTC)).build().run();
    assertEquals(PostureStatus.RED, later.check("backups.321").status(), statuses(later));
  }

  @Test
  void reports_holdNoPatientData_andTheHtmlIsSelfContained() {
    PostureReport r = new PracticeFixture(dir).posture().build().run();
    String html = r.toHtml();
    String json = r.toJson();
    PiiGuard.assertNoPii(html + json, List.of());
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script") || html.contains("src="), html);
    assertTrue(html.contains("data-status=\"GREEN\"") && html.contains("✔ VERT"), html);
    assertTrue(json.startsWith("{\"generatedAt\":\"2026-12-03T09:00:00Z\""), json);
    assertTrue(json.contains("\"overall\":\"GREEN\""), json);
  }

  @Test
  void keyFiles_olderThanThePolicy_areDue() throws IOException {
    PracticeFixture f = new PracticeFixture(dir);
    Files.setLastModifiedTime(dir.resolve("record.key"), FileTime.from(PracticeFixture.NOW.minus(Duration.ofDays(400))));
    assertEquals(PostureStatus.AMBER, f.posture().build().run().check("keys.rotation").status());
    Files.setLastModifiedTime(dir.resolve("record.key"), FileTime.from(PracticeFixture.NOW.minus(Duration.ofDays(800))));
    assertEquals(PostureStatus.RED, f.posture().build().run().check("keys.rotation").status());
    Files.writeString(dir.resolve("signing.key"), "clear key material", StandardCharsets.UTF_8);
    assertEquals(PostureStatus.RED, f.posture().build().run().check("keys.permissions").status());
  }
}
