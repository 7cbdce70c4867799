package dev.ins.security.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.Argon2Params;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.RestoreDrill.DrillResult;
import dev.ins.security.internal.ChildJvm;
import dev.ins.security.internal.RestoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A restore drill leaves nothing readable on disk at any point: it streams the plaintext through
 * a digest, or, for a check that needs a file, stages it encrypted and shows the check a file
 * without a name; killed (SIGTERM, SIGKILL) or failing, it leaves no plaintext.
 */
class RestoreDrillTest {

  private static final Argon2Params FAST = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 1, 1);
  /** Linux shows a process's open files under /proc/<pid>/fd: the check file then has no name. */
  private static final boolean PROC_FD = Files.isDirectory(Path.of("/proc/self/fd"));

  private final Ed25519SigningKey signer = Ed25519SigningKey.generate();
  private final Keyset practice = Keyset.generate(KeyType.X25519);

  @AfterEach
  void resetHook() {
    RestoreDrill.onRestoredBytes = () -> { };
  }

  private static byte[] plaintext() {
    return RestoreFixture.plaintext();
  }

  private Path backup(Path dir, byte[] plain) throws IOException {
    return RestoreFixture.backup(dir, plain, signer, practice);
  }

  private static byte[] sha256(byte[] b) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private RestoreDrill.Builder drill(Path backup, Path scratch) {
    return RestoreDrill.builder(backup, signer.publicKey(), "practice", practice).scratchDirectory(scratch);
  }

  /** Every regular file under {@code dir}, recursively. */
  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files under {@code dir} that hold a piece of the plaintext. */
  private static List<Path> holdingPlaintext(Path dir) {
    List<Path> found = new ArrayList<>();
    for (Path p : files(dir)) {
      try {
        if (RestoreFixture.holdsPlaintext(Files.readAllBytes(p))) {
          found.add(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void drillWithoutFileCheck_comparesTheDigest_andNeverWritesTheScratchDirectory(@TempDir Path dir) throws Exception {
    byte[] plain = plaintext();
    Path b = backup(dir, plain);
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    List<List<Path>> seenMidway = new ArrayList<>();
    RestoreDrill.onRestoredBytes = () -> seenMidway.add(files(scratch));
    try (AuditLog log = AuditLog.open(dir.resolve("audit.jsonl"))) {
      DrillResult ok = drill(b, scratch).expectSha256(sha256(plain)).auditLog(log, "backup-job").build().run();
      assertTrue(ok.success(), ok.findings().toString());
      assertEquals(plain.length, ok.restoredBytes());
      byte[] other = plain.clone();
      other[other.length - 1] ^= 1;
      DrillResult differs = drill(b, scratch).expectSha256(sha256(other)).auditLog(log, "backup-job").build().run();
      assertFalse(differs.success());
      assertEquals(List.of("check: the restored data's SHA-256 differs from the expected one"), differs.findings());
      List<AuditEntry> es = log.entries();
      assertEquals(List.of("ok", "failed"), es.stream().map(AuditEntry::outcome).toList());
      assertEquals(Long.toString(plain.length), es.get(0).details().get("restoredBytes"));
    }
    assertEquals(List.of(List.of(), List.of()), seenMidway, "nothing written while decrypting");
    assertEquals(List.of(), list(scratch));
  }

  @Test
  void expectSha256_ofAnotherLength_isRefused(@TempDir Path dir) {
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> drill(dir.resolve("b"), dir).expectSha256(new byte[20]));
    assertEquals("expectSha256", e.field());
  }

  @Test
  void fileCheck_readsThePlaintext_whileNoNamedFileHoldsIt_andNothingIsLeft(@TempDir Path dir) throws Exception {
    byte[] plain = plaintext();
    Path b = backup(dir, plain);
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    List<Path> namedWithPlaintext = new ArrayList<>();
    DrillResult r = drill(b, scratch).expectSha256(sha256(plain)).check(p -> {
      namedWithPlaintext.addAll(holdingPlaintext(scratch));
      try {
        return java.util.Arrays.equals(plain, Files.readAllBytes(p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).build().run();
    assertTrue(r.success(), r.findings().toString());
    if (PROC_FD) {
      assertEquals(List.of(), namedWithPlaintext, "the check's file has no name in any directory");
    }
    assertEquals(List.of(), list(scratch));
  }

  @Test
  void fileCheck_isStagedPrivate_andEncryptedWhileDecrypting(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX modes");
    Path b = backup(dir, plaintext());
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    List<String> midway = new ArrayList<>();
    RestoreDrill.onRestoredBytes = () -> {
      for (Path p : files(scratch)) {
        Path staging = scratch.resolve(scratch.relativize(p).getName(0));
        try {
          midway.add(staging.getFileName().toString().substring(0, 13) + " "
              + PosixFilePermissions.toString(Files.getPosixFilePermissions(staging)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      midway.add("plaintext " + holdingPlaintext(scratch));
    };
    assertTrue(drill(b, scratch).check(p -> true).build().run().success());
    assertEquals(List.of(".ins-restore- rwx------", ".ins-restore- rwx------", "plaintext []"), midway,
        "lock and encrypted staging file in one private directory");
    assertEquals(List.of(), list(scratch));
  }

  @Test
  void tamperedBackup_neverReachesTheCheck_andLeavesNothing(@TempDir Path dir) throws Exception {
    Path b = RestoreFixture.tamper(backup(dir, plaintext()));
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    List<Path> checked = new ArrayList<>();
    DrillResult r = drill(b, scratch).check(checked::add).build().run();
    assertFalse(r.success());
    assertFalse(r.findings().isEmpty());
    assertEquals(List.of(), checked);
    assertEquals(List.of(), list(scratch));
  }

  @Test
  void checkThatThrows_propagates_andLeavesNothing(@TempDir Path dir) throws Exception {
    Path b = backup(dir, plaintext());
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> drill(b, scratch).check(p -> {
      throw new IllegalStateException("the caller's scratch database is down");
    }).build().run());
    assertEquals("the caller's scratch database is down", e.getMessage());
    assertEquals(List.of(), list(scratch));
  }

  @Test
  void missingScratchDirectory_isAFinding_notAnException(@TempDir Path dir) throws Exception {
    Path b = backup(dir, plaintext());
    DrillResult r = drill(b, dir.resolve("absent")).check(p -> true).build().run();
    assertFalse(r.success());
    assertEquals(List.of("io: cannot use the scratch directory (NoSuchFileException)"), r.findings());
  }

  /**
   * The drill is killed half-way through decrypting (without and with a file check) or inside
   * the file check. No file holds plaintext (the old drill left its scratch file with the
   * plaintext decrypted so far), and the next drill there cleans up what is left.
   */
  @ParameterizedTest
  @CsvSource({"stream,true", "stream,false", "staged,true", "staged,false", "check,true", "check,false"})
  void drillKilled_leavesNoPlaintext_andTheNextDrillCleansUp(String stopAt, boolean sigkill, @TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(PROC_FD || !stopAt.equals("check"),
        "without /proc/<pid>/fd the check's file is a named 0600 file in a 0700 directory until the next drill");
    byte[] plain = plaintext();
    Path b = backup(dir, plain);
    Path keyFile = dir.resolve("practice.key");
    Files.write(keyFile, KeysetVault.sealWithPassword(practice, "child-pw".toCharArray(), FAST));
    Path scratch = Files.createDirectory(dir.resolve("scratch"));
    ChildJvm.killWhenItSays(DrillChild.class, "AT " + (stopAt.equals("check") ? "check" : "restoring"), sigkill, line -> {
      if (stopAt.equals("check")) {
        // The check's file is readable by its path while the drill runs, yet no directory names it.
        assertArrayEquals(plain, Files.readAllBytes(Path.of(line.substring("AT check ".length()))));
        assertEquals(List.of(), holdingPlaintext(scratch));
      }
    }, b.toString(), signer.publicKey().toBase64(), keyFile.toString(), "child-pw", scratch.toString(), stopAt);
    assertEquals(List.of(), holdingPlaintext(scratch));
    assertEquals(List.of(), holdingPlaintext(dir));

    assertTrue(drill(b, scratch).expectSha256(sha256(plain)).build().run().success());
    assertEquals(List.of(), list(scratch), "the killed drill's staging is gone");
  }
}
