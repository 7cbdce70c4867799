package dev.ins.practice;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Keyset;
import dev.ins.security.backup.Backup;
import java.nio.file.Path;
import java.time.Instant;

/** Gives the tests of other packages the synthetic practice of {@link PracticeFixture}. */
public final class PracticeFixtureAccess {
  private final PracticeFixture f;

  /**
   * Builds the practice in a folder.
   *
   * @param dir an empty folder
   */
  public PracticeFixtureAccess(Path dir) {
    this.f = new PracticeFixture(dir);
  }

  /**
   * Loads its configuration.
   *
   * @return the configuration
   */
  public PracticeConfig load() {
    return f.load();
  }

  /**
   * Returns the fixture's reference time.
   *
   * @return now
   */
  public Instant now() {
    return PracticeFixture.NOW;
  }

  /**
   * Returns the backup signer's public key.
   *
   * @return the key
   */
  public Ed25519PublicKey signerPublicKey() {
    return f.signer.publicKey();
  }

  /**
   * Returns the practice's X25519 keyset (a backup recipient).
   *
   * @return the keyset
   */
  public Keyset practiceKeys() {
    return f.practiceKeys;
  }

  /**
   * Returns the backup file.
   *
   * @return the path
   */
  public Path backupFile() {
    return f.backupFile;
  }

  /**
   * Returns the backup's id.
   *
   * @return the id
   */
  public String backupId() {
    return Backup.verify(f.backupFile, f.signer.publicKey()).manifest().orElseThrow().backupId();
  }

  /**
   * Returns the fixture's folder.
   *
   * @return the folder
   */
  public Path dir() {
    return f.dir;
  }
}
