package dev.ins.practice;

import dev.ins.practice.backup.DestinationKind;
import dev.ins.practice.backup.FolderDestination;
import dev.ins.security.Argon2Params;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupRecipient;
import dev.ins.security.backup.RestoreDrill;
import dev.ins.security.killswitch.KillSwitch;
import dev.ins.security.password.PasswordHasher;
import dev.ins.security.testing.SyntheticPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * A complete, well-kept synthetic practice in a folder: everything the posture report checks is
 * there and green. Scenarios then break one thing at a time.
 */
final class PracticeFixture {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final RuntimeVersions VERSIONS = new RuntimeVersions("17.0.15+6", "1.87", "0.1.0");
  static final String P12_ENV = "INSI_P12_PASSWORD";
  static final String P12_PASSWORD = "changeit-test";
  static final char[] KEY_PASSWORD = "mot-de-passe-des-cles".toCharArray();
  private static final Argon2Params CHEAP = Argon2Params.of(8192, 1, 1);

  final Path dir;
  final Path config;
  final Ed25519SigningKey signer = Ed25519SigningKey.generate();
  final Keyset practiceKeys = Keyset.generate(KeyType.X25519);
  final Keyset recoveryKeys = Keyset.generate(KeyType.X25519);
  final Path auditLog;
  final Path localDest;
  final Path usbDest;
  final Path backupFile;

  PracticeFixture(Path dir) {
    this.dir = dir;
    this.auditLog = dir.resolve("audit.jsonl");
    this.localDest = dir.resolve("sauvegardes");
    this.usbDest = dir.resolve("usb");
    this.backupFile = dir.resolve("work/backup.insbak");
    try {
      build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.config = dir.resolve("practice.json");
  }

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  private void build() throws IOException {
    Files.createDirectories(localDest);
    Files.createDirectories(usbDest);
    Files.createDirectories(dir.resolve("work"));
    Files.createDirectories(dir.resolve("checkpoints"));
    Files.createDirectories(dir.resolve("offhost"));
    Clock backupClock = Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC);
    try (OutputStream out = Files.newOutputStream(backupFile)) {
      Backup.writer().recipient(BackupRecipient.fromKeyset("practice", practiceKeys))
          .recipient(BackupRecipient.fromKeyset("recovery", recoveryKeys))
          .signer(signer).label("dossiers").clock(backupClock).build()
          .write(new ByteArrayInputStream("synthetic practice data".getBytes(StandardCharsets.UTF_8)), out);
    }
    try (AuditLog log = AuditLog.open(auditLog)) {
      log.append(AuditEntry.of(NOW.minus(Duration.ofHours(5)), "user-1", "identity.read", "ps1.x", "ok"));
      Clock copyClock = Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC);
      for (FolderDestination d : List.of(
          FolderDestination.builder("local", DestinationKind.LOCAL, localDest).trustedSigner(signer.publicKey())
              .killSwitch(KillSwitch.none()).auditLog(log, "backup-job").clock(copyClock).build(),
          FolderDestination.builder("usb", DestinationKind.OFFLINE, usbDest).trustedSigner(signer.publicKey())
              .killSwitch(KillSwitch.none()).auditLog(log, "backup-job").clock(copyClock).build())) {
        d.upload(backupFile);
      }
      RestoreDrill.builder(backupFile, signer.publicKey(), "practice", practiceKeys)
          .clock(Clock.fixed(NOW.minus(Duration.ofDays(3)), ZoneOffset.UTC)).auditLog(log, "backup-job")
          .scratchDirectory(dir.resolve("work")).build().run();
      String cp = log.checkpoint("cabinet-test/audit", "cabinet-test", signer).format();
      Files.writeString(dir.resolve("checkpoints/cp-1.txt"), cp);
      Files.writeString(dir.resolve("offhost/cp-1.txt"), cp);
      Files.setLastModifiedTime(dir.resolve("checkpoints/cp-1.txt"), FileTime.from(NOW.minus(Duration.ofHours(1))));
    }
    for (String f : new String[] {"record.key", "signing.key"}) {
      Path p = dir.resolve(f);
      Files.write(p, KeysetVault.sealWithPassword(Keyset.generate(KeyType.AES_256_GCM), KEY_PASSWORD, CHEAP));
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
      Files.setLastModifiedTime(p, FileTime.from(NOW.minus(Duration.ofDays(30))));
    }
    Files.write(dir.resolve("practice-x25519.key"), KeysetVault.sealWithPassword(practiceKeys, KEY_PASSWORD, CHEAP));
    Files.write(dir.resolve("incident.key"), KeysetVault.sealWithPassword(
        Keyset.generate(KeyType.ED25519), KEY_PASSWORD, CHEAP));
    SyntheticPki pki = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
    Files.write(dir.resolve("insi.p12"), pki.pkcs12(pki.insiAuto(), P12_PASSWORD.toCharArray()));
    Files.writeString(dir.resolve("root.pem"), pem(pki.root));
    try {
      Files.write(dir.resolve("ca.crl"), pki.caCrl().getEncoded());
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
    SyntheticPki.Issued cps = pki.issue("899700000001", NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(500)),
        SyntheticPki.LeafProfile.DEFAULT);
    Files.writeString(dir.resolve("cps.pem"), pem(cps.certificate()));
    Files.writeString(dir.resolve("breaches.json"), "{\"format\":\"ins-sdk/breach-register/v1\",\"records\":[]}\n");
    String hash = PasswordHasher.of(Argon2Params.owaspMinimum()).hash("un mot de passe".toCharArray());
    Files.writeString(dir.resolve("hashes.txt"), hash + "\n" + hash + "\n");
    writeConfig("");
  }

  static String pem(java.security.cert.X509Certificate c) {
    try {
      return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the configuration; {@code extra} is inserted as more top-level fields (with a leading comma). */
  void writeConfig(String extra) {
    String json = "{\n"
        + "  \"practice\": {\"name\": \"Cabinet dentaire des Tilleuls\", \"city\": \"Riom\", \"itSupport\": \"InfoSanté 63, 04 00 00 00 00\","
        + " \"dpo\": \"dpo@tilleuls.example\", \"insurer\": \"Assureur, 0800 000 000\"},\n"
        + "  \"stateDir\": \"state\",\n"
        + "  \"killSwitch\": \"kill-switch.json\",\n"
        + "  \"signingKey\": \"incident.key\",\n"
        + "  \"backups\": {\"signer\": \"" + signer.publicKey().toBase64() + "\", \"offlineRecipient\": \"recovery\","
        + " \"maxAgeHours\": 26, \"drillMaxAgeDays\": 31, \"restoreRecipient\": \"practice\", \"restoreKey\": \"practice-x25519.key\","
        + " \"destinations\": [{\"id\": \"local\", \"kind\": \"LOCAL\", \"path\": \"sauvegardes\"},"
        + " {\"id\": \"usb\", \"kind\": \"OFFLINE\", \"path\": \"usb\"}]},\n"
        + "  \"audit\": {\"log\": \"audit.jsonl\", \"checkpoints\": \"checkpoints\", \"offHostCheckpoints\": \"offhost\","
        + " \"keyName\": \"cabinet-test\", \"publicKey\": \"" + signer.publicKey().toBase64() + "\"},\n"
        + "  \"keys\": {\"sealedFiles\": [\"record.key\", \"signing.key\"], \"rotationDays\": 365},\n"
        + "  \"certificates\": {\"insi\": {\"pkcs12\": \"insi.p12\", \"passwordEnv\": \"" + P12_ENV + "\", \"roots\": [\"root.pem\"],"
        + " \"crls\": [\"ca.crl\"], \"environment\": \"TEST\"}, \"others\": [{\"label\": \"CPS du praticien\", \"pem\": \"cps.pem\"}]},\n"
        + "  \"breaches\": \"breaches.json\",\n"
        + "  \"passwords\": {\"hashes\": \"hashes.txt\", \"target\": {\"memoryKiB\": 19456, \"iterations\": 2, \"parallelism\": 1}}"
        + extra + "\n}\n";
    try {
      Files.writeString(dir.resolve("practice.json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PracticeConfig load() {
    return PracticeConfig.load(dir.resolve("practice.json"));
  }

  Posture.Builder posture() {
    return Posture.builder(load()).clock(clock()).versions(VERSIONS)
        .environment(name -> name.equals(P12_ENV) ? P12_PASSWORD : null);
  }
}
