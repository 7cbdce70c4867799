package dev.ins.security.backup;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.Keyset;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.internal.Primitives;
import dev.ins.security.internal.RestoreStaging;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A restore drill: proves that a backup really restores, and records the result in the audit log
 * (the "restore tested on ..." evidence that backup policies ask for).
 *
 * <p>The drill verifies the backup, decrypts it, checks its length against the signed manifest
 * and, when given, its SHA-256 against the live data's ({@link Builder#expectSha256}), runs the
 * caller's own check on the restored data when one is given (load it into a scratch database,
 * compare row counts with the live one...), and appends a {@code backup.restore-drill} entry to the
 * audit log. {@link #isOverdue} tells when the last successful drill is too old.
 *
 * <p>A drill never leaves plaintext behind, not even when it is killed (SIGTERM, SIGKILL) or fails:
 * without a {@link Builder#check file check} the plaintext is only streamed through the digest,
 * never written. With one, it is staged encrypted under a key held only in memory (as
 * {@link Backup#restoreTo} does) in a private directory (0700) of the scratch directory, and only a
 * backup that verified and decrypted completely is decrypted for the check, into a file that on
 * Linux has no name (the check gets its {@code /proc/<pid>/fd} path) and elsewhere is a 0600 file
 * of that private directory; everything goes when the check returns, and a drill or restore later
 * in the same directory deletes what a killed one left.
 *
 * <pre>{@code
 * DrillResult r = RestoreDrill.builder(backupFile, signer.publicKey(), "practice", practiceKeys)
 *     .expectSha256(liveExportSha256)
 *     .auditLog(log, "backup-service")
 *     .build()
 *     .run();
 * }</pre>
 */
public final class RestoreDrill {
  private final Path backup;
  private final Ed25519PublicKey signer;
  private final String recipientId;
  private final Keyset recipientKeys;
  private final Path scratch;
  private final Predicate<Path> check;
  private final byte[] expectedSha256;
  private final AuditLog log;
  private final String actor;
  private final Clock clock;

  private RestoreDrill(Builder b) {
    this.backup = b.backup;
    this.signer = b.signer;
    this.recipientId = b.recipientId;
    this.recipientKeys = b.recipientKeys;
    this.scratch = b.scratch;
    this.check = b.check;
    this.expectedSha256 = b.expectedSha256;
    this.log = b.log;
    this.actor = b.actor;
    this.clock = b.clock;
  }

  /**
   * Starts configuring a drill.
   *
   * @param backup the backup file
   * @param signer the trusted manifest signer
   * @param recipientId the recipient whose key is used
   * @param recipientKeys that recipient's X25519 keyset
   * @return the builder
   */
  public static Builder builder(Path backup, Ed25519PublicKey signer, String recipientId, Keyset recipientKeys) {
    return new Builder(backup, signer, recipientId, recipientKeys);
  }

  /** Configures a {@link RestoreDrill}. */
  public static final class Builder {
    private final Path backup;
    private final Ed25519PublicKey signer;
    private final String recipientId;
    private final Keyset recipientKeys;
    private Path scratch;
    private Predicate<Path> check;
    private byte[] expectedSha256;
    private AuditLog log;
    private String actor = "restore-drill";
    private Clock clock = Clock.systemUTC();

    private Builder(Path backup, Ed25519PublicKey signer, String recipientId, Keyset recipientKeys) {
      this.backup = Objects.requireNonNull(backup, "backup == null");
      this.signer = Objects.requireNonNull(signer, "signer == null");
      this.recipientId = Objects.requireNonNull(recipientId, "recipientId == null");
      this.recipientKeys = Objects.requireNonNull(recipientKeys, "recipientKeys == null");
    }

    /**
     * Sets the directory of the private staging that a {@link #check file check} needs (default:
     * the system temporary directory); the drill also deletes there the staging that a killed
     * drill or restore left.
     *
     * @param dir an existing directory
     * @return this
     */
    public Builder scratchDirectory(Path dir) {
      this.scratch = Objects.requireNonNull(dir, "dir == null");
      return this;
    }

    /**
     * Adds the caller's check of the restored file (true means it matches the live data). It runs
     * only on a backup that verified and decrypted completely; the path is for reading, valid
     * until the check returns. A check that only compares contents is better written as
     * {@link #expectSha256}, which never puts the plaintext in a file.
     *
     * @param check the check
     * @return this
     */
    public Builder check(Predicate<Path> check) {
      this.check = Objects.requireNonNull(check, "check == null");
      return this;
    }

    /**
     * Expects the restored plaintext to have this SHA-256 (that of the live data the backup was
     * made from); computed while decrypting, without writing the plaintext anywhere.
     *
     * @param sha256 the 32-byte digest
     * @return this
     * @throws InsCryptoException POLICY_VIOLATION when it is not 32 bytes
     */
    public Builder expectSha256(byte[] sha256) {
      Objects.requireNonNull(sha256, "sha256 == null");
      if (sha256.length != 32) {
        throw new InsCryptoException(Code.POLICY_VIOLATION, "expectSha256", "a SHA-256 has 32 bytes, not " + sha256.length);
      }
      this.expectedSha256 = sha256.clone();
      return this;
    }

    /**
     * Records the result in an audit log.
     *
     * @param log the log
     * @param actor the pseudonymous actor recorded
     * @return this
     */
    public Builder auditLog(AuditLog log, String actor) {
      this.log = Objects.requireNonNull(log, "log == null");
      this.actor = Objects.requireNonNull(actor, "actor == null");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the drill.
     *
     * @return the drill
     */
    public RestoreDrill build() {
      return new RestoreDrill(this);
    }
  }

  /**
   * The outcome of a drill.
   *
   * @param at when the drill ran
   * @param success whether the backup verified, restored completely and passed the check
   * @param backupId the backup's id, if the manifest could be read
   * @param restoredBytes the plaintext bytes restored
   * @param findings what failed
   */
  public record DrillResult(Instant at, boolean success, Optional<String> backupId, long restoredBytes, List<String> findings) {
    /**
     * Copies the findings.
     *
     * @param at when
     * @param success whether it succeeded
     * @param backupId the backup id
     * @param restoredBytes bytes restored
     * @param findings the findings
     */
    public DrillResult {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Runs the drill. Never throws for a bad backup: the result says what failed.
   *
   * @return the result (also appended to the audit log when one is configured)
   */
  public DrillResult run() {
    Instant at = clock.instant();
    List<String> findings = new ArrayList<>();
    BackupReport report = null;
    Path dir = scratch == null ? Path.of(System.getProperty("java.io.tmpdir")) : scratch;
    MessageDigest sha256 = Primitives.sha256Digest();
    try {
      if (check == null) {
        if (java.nio.file.Files.isDirectory(dir)) {
          RestoreStaging.cleanStale(dir); // what a killed drill with a check left
        }
        report = Backup.restore(backup, signer, recipientId, recipientKeys, new Tap(OutputStream.nullOutputStream(), sha256));
        findings.addAll(report.findings());
        compareDigest(report, sha256, findings);
      } else {
        try (RestoreStaging staging = RestoreStaging.open(dir)) {
          try (OutputStream out = new Tap(staging.encryptedOutput(), sha256)) {
            report = Backup.restore(backup, signer, recipientId, recipientKeys, out);
          }
          findings.addAll(report.findings());
          compareDigest(report, sha256, findings);
          if (report.intact() && !check.test(staging.revealForCheck())) {
            findings.add("check: the restored data does not match the caller's expectation");
          }
        }
      }
    } catch (IOException e) {
      findings.add("io: cannot use the scratch directory (" + e.getClass().getSimpleName() + ")");
    } catch (InsCryptoException e) {
      findings.add(e.getMessage());
    }
    boolean ok = report != null && report.intact() && findings.isEmpty();
    Optional<String> id = report == null ? Optional.empty() : report.manifest().map(BackupManifest::backupId);
    DrillResult result = new DrillResult(at, ok, id, report == null ? 0 : report.restoredBytes(), findings);
    if (log != null) {
      Map<String, String> details = new TreeMap<>();
      details.put("restoredBytes", Long.toString(result.restoredBytes()));
      details.put("findings", Integer.toString(findings.size()));
      log.append(new AuditEntry(at, actor, "backup.restore-drill", id.map(s -> "backup:" + s).orElse(""), ok ? "ok" : "failed", details));
    }
    return result;
  }

  private void compareDigest(BackupReport report, MessageDigest sha256, List<String> findings) {
    if (report.intact() && expectedSha256 != null && !MessageDigest.isEqual(expectedSha256, sha256.digest())) {
      findings.add("check: the restored data's SHA-256 differs from the expected one");
    }
  }

  /** Test hook: told once {@link #HOOK_AFTER} plaintext bytes went through a drill (mid-restore). */
  static volatile Runnable onRestoredBytes = () -> { };
  /** Plaintext bytes after which the test hook is told (several chunks into the restore). */
  static final long HOOK_AFTER = 256 * 1024;

  /** Feeds the digest with the plaintext on its way to {@code out}, and tells the test hook. */
  private static final class Tap extends DigestOutputStream {
    private long passed;

    Tap(OutputStream out, MessageDigest digest) {
      super(out, digest);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      super.write(b, off, len);
      passed += len;
      if (passed - len < HOOK_AFTER && passed >= HOOK_AFTER) {
        onRestoredBytes.run();
      }
    }
  }

  /**
   * Tells whether the last successful drill is too old.
   *
   * @param lastSuccess when the last successful drill ran, or null if never
   * @param now the current time
   * @param maxAge the longest accepted gap (e.g. 30 days)
   * @return true when a drill is due
   */
  public static boolean isOverdue(Instant lastSuccess, Instant now, Duration maxAge) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "maxAge", "must be positive");
    }
    return lastSuccess == null || lastSuccess.plus(maxAge).isBefore(now);
  }
}
