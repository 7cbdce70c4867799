package dev.ins.security.internal;

import dev.ins.security.Argon2Params;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (version 0x13) on Bouncy Castle. */
public final class Argon2 {
  private Argon2() {}

  /**
   * Derives bytes from a password.
   *
   * @param password the password (encoded as UTF-8)
   * @param salt the salt, at least 16 bytes
   * @param p the cost
   * @param length output length
   * @return the derived bytes
   */
  public static byte[] derive(char[] password, byte[] salt, Argon2Params p, int length) {
    BouncyCastle.require();
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(p.memoryKiB())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(params);
    byte[] out = new byte[length];
    g.generateBytes(password, out);
    return out;
  }
}
