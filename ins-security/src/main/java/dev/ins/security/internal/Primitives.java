package dev.ins.security.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Hashes, HMAC and HKDF on Bouncy Castle's lightweight API. */
public final class Primitives {
  private Primitives() {}

  /**
   * SHA-256 of the concatenation of the parts.
   *
   * @param parts the inputs
   * @return 32 bytes
   */
  public static byte[] sha256(byte[]... parts) {
    SHA256Digest d = new SHA256Digest();
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * A fresh JCA SHA-256 digest (for streams).
   *
   * @return the digest
   */
  public static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * HMAC-SHA-256.
   *
   * @param key the key
   * @param parts the message parts, concatenated
   * @return 32 bytes
   */
  public static byte[] hmacSha256(byte[] key, byte[]... parts) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    for (byte[] p : parts) {
      mac.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    mac.doFinal(out, 0);
    return out;
  }

  /**
   * HKDF-SHA-256 (extract then expand).
   *
   * @param ikm input keying material
   * @param salt the salt, may be empty
   * @param info the context
   * @param length output length
   * @return the output key material
   */
  public static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
    g.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    g.generateBytes(out, 0, length);
    return out;
  }

  /**
   * HKDF-Expand with SHA-512 only (the input key is used as the PRK).
   *
   * @param prk the pseudo-random key
   * @param info the context
   * @param length output length
   * @return the output key material
   */
  public static byte[] hkdfExpandSha512(byte[] prk, byte[] info, int length) {
    HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA512Digest());
    g.init(HKDFParameters.skipExtractParameters(prk, info));
    byte[] out = new byte[length];
    g.generateBytes(out, 0, length);
    return out;
  }
}
