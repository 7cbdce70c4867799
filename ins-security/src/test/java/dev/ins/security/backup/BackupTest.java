package dev.ins.security.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.RestoreDrill.DrillResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackupTest {
  private static final Ed25519SigningKey SIGNER = Ed25519SigningKey.generate();
  private static final Keyset PRACTICE = Keyset.generate(KeyType.X25519);
  private static final Keyset RECOVERY = Keyset.generate(KeyType.X25519);

  private static Path write(Path dir, byte[] plaintext) throws IOException {
    Path f = dir.resolve("b.insb");
    try (OutputStream out = Files.newOutputStream(f)) {
      BackupManifest m =
          Backup.writer()
              .recipient(BackupRecipient.fromKeyset("practice", PRACTICE))
              .recipient(BackupRecipient.fromKeyset("recovery", RECOVERY))
              .signer(SIGNER)
              .label("identities")
              .metadata("rows.patient", "3")
              .build()
              .write(new ByteArrayInputStream(plaintext), out);
      assertEquals(plaintext.length, m.plaintextLength());
    }
    return f;
  }

  private static byte[] restore(Path f, String who, Keyset keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BackupReport r = Backup.restore(f, SIGNER.publicKey(), who, keys, out);
    assertTrue(r.intact(), r.toJson());
    assertTrue(r.decrypted());
    return out.toByteArray();
  }

  static LongStream seeds() {
    return Seeds.stream(12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void writeThenRestore_roundTrips(long seed, @TempDir Path dir) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int[] sizes = {0, 1, ChunkedEncryption.CHUNK - 1, ChunkedEncryption.CHUNK, r.nextInt(50000)};
    byte[] pt = new byte[sizes[r.nextInt(sizes.length)]];
    r.nextBytes(pt);
    Path f = write(dir, pt);
    BackupReport v = Backup.verify(f, SIGNER.publicKey());
    assertTrue(v.intact(), Seeds.describe(seed) + " " + v.toJson());
    assertEquals(pt.length, v.manifest().orElseThrow().plaintextLength(), Seeds.describe(seed));
    boolean practice = r.nextBoolean();
    assertArrayEquals(pt, restore(f, practice ? "practice" : "recovery", practice ? PRACTICE : RECOVERY), Seeds.describe(seed));
  }

  @Test
  void createVerifyRestore_forEachRecipient(@TempDir Path dir) throws IOException {
    byte[] pt = new byte[40000];
    new java.util.Random(1).nextBytes(pt);
    Path f = write(dir, pt);
    BackupReport v = Backup.verify(f, SIGNER.publicKey());
    assertTrue(v.intact(), v.toJson());
    assertEquals("3", v.manifest().orElseThrow().metadata().get("rows.patient"));
    assertArrayEquals(pt, restore(f, "practice", PRACTICE));
    assertArrayEquals(pt, restore(f, "recovery", RECOVERY));
  }

  @Test
  void wrongRecipientKey_orUnknownRecipient_restoresNothing(@TempDir Path dir) throws IOException {
    Path f = write(dir, "data".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertFalse(Backup.restore(f, SIGNER.publicKey(), "practice", RECOVERY, out).intact());
    assertFalse(Backup.restore(f, SIGNER.publicKey(), "nobody", PRACTICE, out).intact());
    assertEquals(0, out.size());
    assertFalse(Backup.verify(f, Ed25519SigningKey.generate().publicKey()).intact(), "untrusted signer");
  }

  @Test
  void everySingleByteFlip_isDetectedWithoutAnyKey(@TempDir Path dir) throws IOException {
    Path f = write(dir, "three synthetic rows".getBytes(StandardCharsets.UTF_8));
    byte[] good = Files.readAllBytes(f);
    Path t = dir.resolve("t.insb");
    for (int i = 0; i < good.length; i++) {
      byte[] b = good.clone();
      b[i] ^= 0x01;
      Files.write(t, b);
      BackupReport r = Backup.verify(t, SIGNER.publicKey());
      assertFalse(r.intact(), "flip at byte " + i);
      assertFalse(r.findings().isEmpty(), "flip at byte " + i);
    }
  }

  @Test
  void everyTruncationPoint_andAppendedBytes_areDetected(@TempDir Path dir) throws IOException {
    Path f = write(dir, "three synthetic rows".getBytes(StandardCharsets.UTF_8));
    byte[] good = Files.readAllBytes(f);
    Path t = dir.resolve("t.insb");
    for (int n = 0; n < good.length; n++) {
      Files.write(t, Arrays.copyOf(good, n));
      assertFalse(Backup.verify(t, SIGNER.publicKey()).intact(), "truncated to " + n);
    }
    Files.write(t, Arrays.copyOf(good, good.length + 1));
    assertFalse(Backup.verify(t, SIGNER.publicKey()).intact(), "one byte appended");
  }

  @Test
  void chunkReordering_insideTheBackup_isDetected(@TempDir Path dir) throws IOException {
    Path f = write(dir, new byte[3 * ChunkedEncryption.CHUNK]);
    byte[] good = Files.readAllBytes(f);
    int hl = java.nio.ByteBuffer.wrap(good, 8, 4).getInt();
    int c0 = 12 + hl + ChunkedEncryption.HEADER;
    int c = ChunkedEncryption.CHUNK + ChunkedEncryption.TAG;
    byte[] b = good.clone();
    System.arraycopy(good, c0, b, c0 + c, c);
    System.arraycopy(good, c0 + c, b, c0, c);
    Path t = dir.resolve("t.insb");
    Files.write(t, b);
    assertFalse(Backup.verify(t, SIGNER.publicKey()).intact());
    assertFalse(Backup.restore(t, SIGNER.publicKey(), "practice", PRACTICE, new ByteArrayOutputStream()).intact());
  }

  @Test
  void restoreDrill_recordsItsResultInTheAuditLog(@TempDir Path dir) throws IOException {
    byte[] pt = "id;ins\n1;x\n".getBytes(StandardCharsets.UTF_8);
    Path f = write(dir, pt);
    try (AuditLog log = AuditLog.open(dir.resolve("audit.jsonl"))) {
      DrillResult ok =
          RestoreDrill.builder(f, SIGNER.publicKey(), "recovery", RECOVERY)
              .scratchDirectory(dir)
              .check(p -> Arrays.equals(read(p), pt))
              .auditLog(log, "backup-service")
              .build()
              .run();
      assertTrue(ok.success(), ok.findings().toString());
      DrillResult mismatch =
          RestoreDrill.builder(f, SIGNER.publicKey(), "recovery", RECOVERY)
              .scratchDirectory(dir)
              .check(p -> false)
              .auditLog(log, "backup-service")
              .build()
              .run();
      assertFalse(mismatch.success());
      List<AuditEntry> es = log.entries();
      assertEquals(2, es.size());
      assertEquals("backup.restore-drill", es.get(0).action());
      assertEquals("ok", es.get(0).outcome());
      assertEquals("failed", es.get(1).outcome());
      assertEquals(Long.toString(pt.length), es.get(0).details().get("restoredBytes"));
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of("audit.jsonl", "b.insb"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing left in the scratch directory");
    }
  }

  @Test
  void drillOverdue_afterMaxAge() {
    Instant now = Instant.parse("2026-11-28T00:00:00Z");
    assertTrue(RestoreDrill.isOverdue(null, now, Duration.ofDays(30)));
    assertTrue(RestoreDrill.isOverdue(now.minus(Duration.ofDays(31)), now, Duration.ofDays(30)));
    assertFalse(RestoreDrill.isOverdue(now.minus(Duration.ofDays(29)), now, Duration.ofDays(30)));
    assertThrows(RuntimeException.class, () -> RestoreDrill.isOverdue(now, now, Duration.ZERO));
  }

  @Test
  void labelOrMetadataHoldingAMatricule_isRefused() {
    String m = new dev.ins.core.testing.InsGenerators(3).matricule().value();
    assertThrows(IllegalArgumentException.class, () -> Backup.writer().label("export " + m));
    assertThrows(IllegalArgumentException.class, () -> Backup.writer().metadata("patient", m));
  }

  @Test
  void writer_failsFastWithoutSignerOrRecipients() {
    assertThrows(IllegalStateException.class, () -> Backup.writer().signer(SIGNER).build());
    assertThrows(IllegalStateException.class, () -> Backup.writer().recipient(BackupRecipient.fromKeyset("a", PRACTICE)).build());
    assertThrows(
        IllegalStateException.class,
        () -> Backup.writer().signer(SIGNER).recipient(BackupRecipient.fromKeyset("a", PRACTICE)).recipient(BackupRecipient.fromKeyset("a", RECOVERY)).build());
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
