package dev.ins.security.backup;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.internal.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A restore drill in a JVM of its own that says where it is ("AT restoring" half-way through the
 * decryption, or "AT check path" inside the caller's check, on stdout) and then waits there, for
 * its parent to kill it.
 */
public final class DrillChild {

  private DrillChild() {}

  private static boolean stop(String where) {
    ChildJvm.pauseForKill("AT " + where);
    return false;
  }

  /**
   * Runs the drill.
   *
   * @param args backup, signer (base64), key file, password, scratch directory, and where to stop:
   *     {@code stream} (no file check, half-way), {@code staged} (file check, half-way) or
   *     {@code check} (inside the file check)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Keyset keys = KeysetVault.openWithPassword(Files.readAllBytes(Path.of(args[2])), args[3].toCharArray());
    String mode = args[5];
    RestoreDrill.Builder b = RestoreDrill.builder(Path.of(args[0]), Ed25519PublicKey.parse(args[1]), "practice", keys)
        .scratchDirectory(Path.of(args[4]));
    if (mode.equals("check")) {
      b.check(p -> stop("check " + p));
    } else {
      RestoreDrill.onRestoredBytes = () -> stop("restoring");
      if (mode.equals("staged")) {
        b.check(p -> true);
      }
    }
    System.out.println("DONE " + b.build().run());
  }
}
