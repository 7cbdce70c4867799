package dev.ins.security.internal;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.backup.Backup;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A restore in a JVM of its own that says when it is half-way ("STAGING path" on stdout) and then
 * waits there, for its parent to kill it.
 */
public final class RestoreChild {

  private RestoreChild() {}

  /**
   * Runs the restore.
   *
   * @param args backup, signer (base64), key file, password, target
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Keyset keys = KeysetVault.openWithPassword(Files.readAllBytes(Path.of(args[2])), args[3].toCharArray());
    RestoreStaging.onStagedBytes = p -> ChildJvm.pauseForKill("STAGING " + p);
    Backup.restoreTo(Path.of(args[0]), Ed25519PublicKey.parse(args[1]), "practice", keys, Path.of(args[4]));
    System.out.println("DONE");
  }
}
