package dev.ins.security.internal;

import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.Keyset;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupRecipient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A backup of a recognisable synthetic plaintext, and a search for that plaintext in files: what
 * the restore and drill tests use to prove that no plaintext is left behind.
 */
public final class RestoreFixture {

  /** The synthetic row the plaintext repeats; any file holding it holds plaintext. */
  public static final byte[] MARKER = "SYNTHETIC-EXPORT-ROW;".getBytes(StandardCharsets.US_ASCII);

  private RestoreFixture() {}

  /**
   * Returns 1 MiB of the marker repeated (several chunks of a backup).
   *
   * @return the plaintext
   */
  public static byte[] plaintext() {
    byte[] out = new byte[1 << 20];
    for (int i = 0; i < out.length; i++) {
      out[i] = MARKER[i % MARKER.length];
    }
    return out;
  }

  /**
   * Writes {@code dir/b.insb}, a backup of {@code plain} for the recipient "practice".
   *
   * @param dir the directory
   * @param plain the plaintext
   * @param signer the manifest signer
   * @param practice the recipient's X25519 keyset
   * @return the backup file
   * @throws IOException when it cannot be written
   */
  public static Path backup(Path dir, byte[] plain, Ed25519SigningKey signer, Keyset practice) throws IOException {
    Path file = dir.resolve("b.insb");
    try (OutputStream out = Files.newOutputStream(file)) {
      Backup.writer().signer(signer).recipient(BackupRecipient.fromKeyset("practice", practice)).build()
          .write(new ByteArrayInputStream(plain), out);
    }
    return file;
  }

  /**
   * Flips one bit in the middle of a backup file (inside its encrypted payload).
   *
   * @param backup the file
   * @return the file
   * @throws IOException when it cannot be rewritten
   */
  public static Path tamper(Path backup) throws IOException {
    byte[] bytes = Files.readAllBytes(backup);
    bytes[bytes.length / 2] ^= 1;
    return Files.write(backup, bytes);
  }

  /**
   * Tells whether {@code hay} holds the marker.
   *
   * @param hay the bytes of a file
   * @return true when it holds plaintext
   */
  public static boolean holdsPlaintext(byte[] hay) {
    outer:
    for (int i = 0; i + MARKER.length <= hay.length; i++) {
      for (int j = 0; j < MARKER.length; j++) {
        if (hay[i + j] != MARKER[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
