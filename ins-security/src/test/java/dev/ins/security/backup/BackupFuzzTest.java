package dev.ins.security.backup;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.SecretBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Backup files and chunked ciphertexts: any bytes give a report or a typed error, never a crash. */
class BackupFuzzTest {
  private static final Ed25519SigningKey SIGNER = Ed25519SigningKey.generate();
  private static final Keyset PRACTICE = Keyset.generate(KeyType.X25519);
  private static final SecretBytes KEY = SecretBytes.random(32);
  private static final byte[] VALID = validBackup();

  private static byte[] validBackup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backup.writer().recipient(BackupRecipient.fromKeyset("practice", PRACTICE)).signer(SIGNER).build()
        .write(new ByteArrayInputStream(new byte[100]), out);
    return out.toByteArray();
  }

  @FuzzTest(maxDuration = "15s")
  void backupFile_givesAReport(FuzzedDataProvider data) throws IOException {
    byte[] b;
    if (data.consumeBoolean()) {
      b = VALID.clone();
      int flips = data.consumeInt(1, 4);
      for (int i = 0; i < flips; i++) {
        b[data.consumeInt(0, b.length - 1)] ^= (byte) data.consumeInt(1, 255);
      }
    } else {
      b = data.consumeRemainingAsBytes();
    }
    Path f = Files.createTempFile("fuzz", ".insb");
    try {
      Files.write(f, b);
      BackupReport r = Backup.verify(f, SIGNER.publicKey());
      BackupReport rr = Backup.restore(f, SIGNER.publicKey(), "practice", PRACTICE, new ByteArrayOutputStream());
      if ((r.intact() || rr.intact()) && !java.util.Arrays.equals(b, VALID)) {
        throw new AssertionError("modified backup reported intact");
      }
    } catch (InsCryptoException expected) {
      // typed refusal (e.g. unreadable file)
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @FuzzTest(maxDuration = "15s")
  void chunkedCiphertext_decryptsOrFailsTyped(FuzzedDataProvider data) {
    byte[] b = data.consumeRemainingAsBytes();
    try {
      ChunkedEncryption.decrypt(b, KEY, new byte[0]);
      throw new AssertionError("forged chunked ciphertext accepted");
    } catch (InsCryptoException expected) {
      // typed refusal
    } catch (UncheckedIOException e) {
      throw new AssertionError(e);
    }
  }
}
