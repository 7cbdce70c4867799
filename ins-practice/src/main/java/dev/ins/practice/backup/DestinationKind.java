package dev.ins.practice.backup;

/**
 * Where a backup copy lives, as the 3-2-1 rule counts it: copies on at least two destinations,
 * one of them off-site or offline.
 *
 * <pre>{@code
 * BackupDestination usb = FolderDestination.builder("usb-lundi", DestinationKind.OFFLINE, mountPoint).build();
 * }</pre>
 */
public enum DestinationKind {
  /** On the practice's own machines (a second disk, the server). */
  LOCAL,
  /** A removable medium connected only for the copy, then unplugged and stored away (ransomware). */
  OFFLINE,
  /** Outside the practice (a provider's storage, a synced folder of an off-site service). */
  OFFSITE
}
