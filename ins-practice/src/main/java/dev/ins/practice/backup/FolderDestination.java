package dev.ins.practice.backup;

import dev.ins.practice.PracticeException;
import dev.ins.practice.PracticeException.Code;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupReport;
import dev.ins.security.killswitch.KillSwitch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A backup destination that is a folder: a second local disk, a removable medium's mount point
 * ({@link DestinationKind#OFFLINE}), or a folder that an off-site service synchronises
 * ({@link DestinationKind#OFFSITE}).
 *
 * <p>{@link #upload} checks the kill switch first, verifies the backup's signature (only intact
 * backups signed by the trusted key are copied), requires the folder to exist (a removable medium
 * that is not connected is reported, never created on the system disk), copies to {@code
 * <backupId>.insbak} through a temporary file and an atomic rename, verifies the copy again, and
 * appends {@code backup.copy} (destination, kind, size) to the audit log when one is configured:
 * the posture report counts copies per destination from there, even when the medium is unplugged.
 *
 * <pre>{@code
 * BackupDestination usb = FolderDestination.builder("usb-1", DestinationKind.OFFLINE, Path.of("/media/SAUVEGARDE"))
 *     .trustedSigner(signer.publicKey()).auditLog(log, "backup-job").build();
 * StoredCopy c = usb.upload(backupFile);
 * }</pre>
 */
public final class FolderDestination implements BackupDestination {
  /** The audit action recorded for each copy. */
  public static final String AUDIT_ACTION = "backup.copy";
  /** The file extension of copies. */
  public static final String EXTENSION = ".insbak";

  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,32}");

  private final String id;
  private final DestinationKind kind;
  private final Path folder;
  private final KillSwitch killSwitch;
  private final Ed25519PublicKey signer;
  private final AuditLog log;
  private final String actor;
  private final Clock clock;

  private FolderDestination(Builder b) {
    this.id = b.id;
    this.kind = b.kind;
    this.folder = b.folder;
    this.killSwitch = b.killSwitch;
    this.signer = b.signer;
    this.log = b.log;
    this.actor = b.actor;
    this.clock = b.clock;
  }

  /**
   * Starts a configuration.
   *
   * @param id {@code [a-z0-9._-]{1,32}}
   * @param kind the kind
   * @param folder the folder (mount point for a removable medium)
   * @return a builder
   */
  public static Builder builder(String id, DestinationKind kind, Path folder) {
    return new Builder(id, kind, folder);
  }

  /** Configures a {@link FolderDestination}. */
  public static final class Builder {
    private final String id;
    private final DestinationKind kind;
    private final Path folder;
    private KillSwitch killSwitch = KillSwitch.standard();
    private Ed25519PublicKey signer;
    private AuditLog log;
    private String actor = "backup";
    private Clock clock = Clock.systemUTC();

    private Builder(String id, DestinationKind kind, Path folder) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("destination id must match [a-z0-9._-]{1,32}");
      }
      this.id = id;
      this.kind = Objects.requireNonNull(kind, "kind == null");
      this.folder = Objects.requireNonNull(folder, "folder == null");
    }

    /**
     * Sets the kill switch (default {@link KillSwitch#standard()}).
     *
     * @param killSwitch the switch
     * @return this builder
     */
    public Builder killSwitch(KillSwitch killSwitch) {
      this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch == null");
      return this;
    }

    /**
     * Sets the key that must have signed the backups (required).
     *
     * @param signer the backup signer's public key
     * @return this builder
     */
    public Builder trustedSigner(Ed25519PublicKey signer) {
      this.signer = Objects.requireNonNull(signer, "signer == null");
      return this;
    }

    /**
     * Records each copy in the audit log.
     *
     * @param log the practice's audit log
     * @param actor the pseudonymous actor recorded
     * @return this builder
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
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds.
     *
     * @return the destination
     * @throws IllegalStateException when no trusted signer was given
     */
    public FolderDestination build() {
      if (signer == null) {
        throw new IllegalStateException("trustedSigner is required: only signed backups are copied");
      }
      return new FolderDestination(this);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public DestinationKind kind() {
    return kind;
  }

  /**
   * Returns the folder.
   *
   * @return the path
   */
  public Path folder() {
    return folder;
  }

  @Override
  public StoredCopy upload(Path backupFile) {
    killSwitch.checkOutbound("backup.upload:" + id);
    BackupReport report = Backup.verify(backupFile, signer);
    if (!report.intact() || report.manifest().isEmpty()) {
      throw new PracticeException(Code.VERIFICATION_FAILED, "backup", "the backup does not verify under the trusted signer: "
          + String.join("; ", report.findings()));
    }
    String backupId = report.manifest().get().backupId();
    requireAvailable();
    Path target = folder.resolve(backupId + EXTENSION);
    long bytes;
    try {
      Path tmp = Files.createTempFile(folder, ".copy-", ".tmp");
      try {
        Files.copy(backupFile, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      bytes = Files.size(target);
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "destination." + id, "cannot copy the backup (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!Backup.verify(target, signer).intact()) {
      throw new PracticeException(Code.VERIFICATION_FAILED, "destination." + id, "the copy does not verify (medium faulty?)");
    }
    Instant at = clock.instant();
    if (log != null) {
      Map<String, String> details = new TreeMap<>();
      details.put("destination", id);
      details.put("kind", kind.name());
      details.put("bytes", Long.toString(bytes));
      log.append(new AuditEntry(at, actor, AUDIT_ACTION, "backup:" + backupId, "ok", details));
    }
    return new StoredCopy(id, kind, backupId, target.getFileName().toString(), bytes, at);
  }

  private void requireAvailable() {
    if (!Files.isDirectory(folder)) {
      throw new PracticeException(Code.UNAVAILABLE, "destination." + id, kind == DestinationKind.OFFLINE
          ? "the removable medium is not connected (folder missing)" : "the destination folder does not exist");
    }
  }

  @Override
  public List<StoredCopy> list() {
    requireAvailable();
    List<StoredCopy> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        out.add(new StoredCopy(id, kind, name.substring(0, name.length() - EXTENSION.length()), name, Files.size(p),
            Files.getLastModifiedTime(p).toInstant()));
      }
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "destination." + id, "cannot list the destination", e);
    }
    out.sort(Comparator.comparing(StoredCopy::storedAt));
    return out;
  }

  @Override
  public String toString() {
    return "FolderDestination[" + id + ", " + kind + ", " + folder + "]";
  }
}
