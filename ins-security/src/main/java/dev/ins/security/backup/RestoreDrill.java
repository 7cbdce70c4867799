package dev.ins.security.backup;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.Keyset;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The drill verifies the backup, decrypts it into a scratch file, checks its length against
 * the signed manifest, runs the caller's own check on the restored data (load it into a scratch
 * database, compare row counts with the live one...), deletes the scratch file, and appends a
 * {@code backup.restore-drill} entry to the audit log. {@link #isOverdue} tells when the last
 * successful drill is too old.
 *
 * <pre>{@code
 * DrillResult r = RestoreDrill.builder(backupFile, signer.publicKey(), "practice", practiceKeys)
 *     .scratchDirectory(tmp)
 *     .check(restored -> countRows(restored) == liveRowCount)
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
    private Predicate<Path> check = p -> true;
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
     * Sets where the scratch restore goes (default: the system temporary directory).
     *
     * @param dir an existing directory
     * @return this
     */
    public Builder scratchDirectory(Path dir) {
      this.scratch = Objects.requireNonNull(dir, "dir == null");
      return this;
    }

    /**
     * Adds the caller's check of the restored file (true means it matches the live data).
     *
     * @param check the check
     * @return this
     */
    public Builder check(Predicate<Path> check) {
      this.check = Objects.requireNonNull(check, "check == null");
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
    Path tmp = null;
    try {
      tmp = scratch == null ? Files.createTempFile("ins-restore-drill", ".tmp") : Files.createTempFile(scratch, "ins-restore-drill", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        report = Backup.restore(backup, signer, recipientId, recipientKeys, out);
      }
      findings.addAll(report.findings());
      if (report.intact() && !check.test(tmp)) {
        findings.add("check: the restored data does not match the caller's expectation");
      }
    } catch (IOException e) {
      findings.add("io: cannot use the scratch directory (" + e.getClass().getSimpleName() + ")");
    } catch (InsCryptoException e) {
      findings.add(e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          findings.add("io: scratch file not deleted");
        }
      }
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
