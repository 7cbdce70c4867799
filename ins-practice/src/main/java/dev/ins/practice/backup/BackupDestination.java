package dev.ins.practice.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A place backups are copied to (the port). Every implementation consults the practice's kill
 * switch before writing anything and refuses while it is engaged (incident mode): plugging the
 * offline medium into an infected machine, or uploading from it, would put the last good copy at
 * risk.
 *
 * <pre>{@code
 * for (BackupDestination d : destinations) {
 *   d.upload(backupFile);   // OutboundBlockedException while the kill switch is engaged
 * }
 * }</pre>
 */
public interface BackupDestination {

  /**
   * Returns the destination's id, as recorded in the audit log.
   *
   * @return {@code [a-z0-9._-]{1,32}}
   */
  String id();

  /**
   * Returns what kind of destination this is.
   *
   * @return the kind
   */
  DestinationKind kind();

  /**
   * Copies a verified backup file to the destination.
   *
   * @param backupFile a backup written by {@link dev.ins.security.backup.Backup}
   * @return the copy
   * @throws dev.ins.security.killswitch.OutboundBlockedException while the kill switch blocks
   * @throws dev.ins.practice.PracticeException when the backup does not verify, the destination
   *     is not available (medium not connected) or the copy fails
   */
  StoredCopy upload(Path backupFile);

  /**
   * Lists the copies on the destination.
   *
   * @return the copies, oldest first
   * @throws dev.ins.practice.PracticeException when the destination is not available
   */
  List<StoredCopy> list();
}
