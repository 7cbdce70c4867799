package dev.ins.security.internal;

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
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restore leaves nothing readable behind, whatever happens to it: killed half-way (SIGTERM,
 * SIGKILL), failing, or racing with a file that appears at its target.
 */
class RestoreStagingTest {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Argon2Params FAST = Argon2Params.of(Argon2Params.MIN_MEMORY_KIB, 1, 1);
  private static final byte[] MARKER = RestoreFixture.MARKER;

  private final Ed25519SigningKey signer = Ed25519SigningKey.generate();
  private final Keyset practice = Keyset.generate(KeyType.X25519);

  @AfterEach
  void resetHook() {
    RestoreStaging.onStagedBytes = p -> { };
  }

  private static byte[] plaintext() {
    return RestoreFixture.plaintext();
  }

  private Path backup(Path dir, byte[] plain) throws IOException {
    return RestoreFixture.backup(dir, plain, signer, practice);
  }

  /** Every regular file under {@code dir} except those listed, recursively. */
  private static List<Path> filesExcept(Path dir, Path... keep) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !Arrays.asList(keep).contains(p)).toList();
    }
  }

  @Test
  void restoreTo_writesTheTargetPrivate_andLeavesNothingElse(@TempDir Path dir) throws IOException {
    byte[] plain = plaintext();
    Path b = backup(dir, plain);
    Path target = dir.resolve("restored.csv");
    BackupReport r = Backup.restoreTo(b, signer.publicKey(), "practice", practice, target);
    assertTrue(r.intact(), r.toJson());
    assertArrayEquals(plain, Files.readAllBytes(target));
    assertEquals(List.of(), filesExcept(dir, b, target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(2, s.count(), "no staging directory left");
    }
    if (POSIX) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
  }

  @Test
  void restoreTo_ofATamperedBackup_writesNothingAndLeavesNothing(@TempDir Path dir) throws IOException {
    Path b = RestoreFixture.tamper(backup(dir, plaintext()));
    Path target = dir.resolve("restored.csv");
    assertFalse(Backup.restoreTo(b, signer.publicKey(), "practice", practice, target).intact());
    assertFalse(Files.exists(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(b), s.toList());
    }
  }

  @Test
  void restoreTo_neverReplacesAFileThatAppearsDuringTheRestore(@TempDir Path dir) throws IOException {
    Path b = backup(dir, plaintext());
    Path target = dir.resolve("restored.csv");
    byte[] theirs = "written by someone else meanwhile".getBytes(StandardCharsets.US_ASCII);
    RestoreStaging.onStagedBytes = p -> {
      try {
        Files.write(target, theirs);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    InsCryptoException e = assertThrows(InsCryptoException.class,
        () -> Backup.restoreTo(b, signer.publicKey(), "practice", practice, target));
    assertEquals("restore.target", e.field());
    assertTrue(e.getMessage().contains("appeared at the target during the restore"), e.getMessage());
    assertArrayEquals(theirs, Files.readAllBytes(target), "the other file is kept as it was");
    assertEquals(List.of(), filesExcept(dir, b, target));
  }

  @Test
  void restoreTo_anExistingTarget_isRefusedBeforeAnyWork(@TempDir Path dir) throws IOException {
    Path b = backup(dir, plaintext());
    Path target = Files.writeString(dir.resolve("restored.csv"), "keep me");
    assertThrows(InsCryptoException.class, () -> Backup.restoreTo(b, signer.publicKey(), "practice", practice, target));
    assertEquals("keep me", Files.readString(target));
  }

  /**
   * The restore is killed half-way (after several chunks were staged). Nothing at the target,
   * nothing readable anywhere in the directory (the old code left a hidden .restore…tmp with
   * partial plaintext), and the next restore there cleans the leftover up.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void restoreKilledHalfWay_leavesNothingReadable_andTheNextRestoreCleansUp(boolean sigkill, @TempDir Path dir)
      throws Exception {
    byte[] plain = plaintext();
    Path b = backup(dir, plain);
    Path keyFile = dir.resolve("practice.key");
    Files.write(keyFile, KeysetVault.sealWithPassword(practice, "child-pw".toCharArray(), FAST));
    Path target = dir.resolve("restored.csv");
    ChildJvm.killWhenItSays(RestoreChild.class, "STAGING ", sigkill, line -> { }, b.toString(),
        signer.publicKey().toBase64(), keyFile.toString(), "child-pw", target.toString());
    assertFalse(Files.exists(target));
    List<Path> left = filesExcept(dir, b, keyFile);
    assertFalse(left.isEmpty(), "the killed restore's staging is still there (it gets cleaned next time)");
    for (Path p : left) {
      assertFalse(RestoreFixture.holdsPlaintext(Files.readAllBytes(p)), p + " holds plaintext");
      Path stagingDir = dir.relativize(p).getName(0);
      assertTrue(stagingDir.toString().startsWith(RestoreStaging.PREFIX), p.toString());
      if (POSIX) {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(stagingDir))));
      }
    }

    Path again = dir.resolve("restored-2.csv");
    assertTrue(Backup.restoreTo(b, signer.publicKey(), "practice", practice, again).intact());
    assertArrayEquals(plain, Files.readAllBytes(again));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(3, s.count(), "backup, key file and the new target only: the stale staging is gone");
    }
  }

  @Test
  void staged_closedWithoutPublish_leavesNothing_andPublishNeverReplaces(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.bin");
    try (SafeFiles.Staged s = SafeFiles.stage(target, "test")) {
      s.stream().write(MARKER);
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
    SafeFiles.Staged s = SafeFiles.stage(target, "test");
    s.stream().write(MARKER);
    Files.writeString(target, "appeared meanwhile");
    assertThrows(java.nio.file.FileAlreadyExistsException.class, s::publish);
    s.close();
    assertEquals("appeared meanwhile", Files.readString(target));
    try (Stream<Path> l = Files.list(dir)) {
      assertEquals(List.of(target), l.toList());
    }
  }

  @Test
  void readBounded_ofAnEndlessDevice_isRefusedWithoutExhaustingMemory() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero on this system");
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> SafeFiles.readBounded(zero, 4096, "keyFile"));
    assertEquals(InsCryptoException.Code.POLICY_VIOLATION, e.code());
    assertEquals("keyFile: larger than 4096 bytes; not read", e.getMessage());
  }

  @Test
  void createPrivate_givesMode0600_andNeverReplaces(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("k.key");
    SafeFiles.createPrivate(f, new byte[] {1, 2, 3});
    if (POSIX) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
    assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> SafeFiles.createPrivate(f, new byte[] {9}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
  }
}
