package dev.ins.practice.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * One copy of a backup on a destination.
 *
 * <pre>{@code
 * StoredCopy c = destination.upload(backupFile);
 * c.backupId(); c.destinationId(); c.kind();
 * }</pre>
 *
 * @param destinationId the destination's id
 * @param kind the destination's kind
 * @param backupId the backup's id (from its signed manifest)
 * @param name the copy's file name on the destination
 * @param bytes its size
 * @param storedAt when it was stored
 */
public record StoredCopy(String destinationId, DestinationKind kind, String backupId, String name, long bytes, Instant storedAt) {
  /**
   * Validates.
   *
   * @param destinationId not blank
   * @param kind not null
   * @param backupId not blank
   * @param name not blank
   * @param bytes non-negative
   * @param storedAt not null
   */
  public StoredCopy {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(storedAt, "storedAt == null");
    if (destinationId == null || destinationId.isBlank() || backupId == null || backupId.isBlank()
        || name == null || name.isBlank() || bytes < 0) {
      throw new IllegalArgumentException("destinationId, backupId and name must be set and bytes non-negative");
    }
  }
}
