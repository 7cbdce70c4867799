package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyType;
import org.bouncycastle.crypto.InvalidCipherTextException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM and ChaCha20-Poly1305 with a caller-given nonce. Internal only: callers never pick
 * nonces.
 *
 * <p>AES-GCM runs in the JDK's SunJCE provider, whose AES-NI/CLMUL intrinsics make it several
 * times faster than Bouncy Castle's portable GCM (the record-encryption benchmark must stay within
 * 1.2x of raw JCA AES-GCM); a fresh {@link Cipher} per call means a key/nonce pair is never reused
 * by the JCA object. ChaCha20-Poly1305 runs on Bouncy Castle's lightweight API.
 */
public final class AeadCore {
  /** Nonce length of both AEADs. */
  public static final int NONCE = 12;

  /** Tag length of both AEADs. */
  public static final int TAG = 16;

  private AeadCore() {}

  private static Cipher jcaGcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    if (key.length != 32 || nonce.length != NONCE) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "key", "AES-256-GCM needs a 32-byte key and a 12-byte nonce");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
    return c;
  }

  private static AEADCipher cipher(KeyType type) {
    BouncyCastle.require();
    switch (type) {
      case CHACHA20_POLY1305:
        return new ChaCha20Poly1305();
      default:
        throw new InsCryptoException(Code.POLICY_VIOLATION, "keyType", type + " is not an AEAD");
    }
  }

  /**
   * Encrypts.
   *
   * @param type the AEAD
   * @param key 32 bytes
   * @param nonce 12 bytes, never reused with this key
   * @param aad associated data
   * @param pt the plaintext
   * @return ciphertext followed by the 16-byte tag
   */
  public static byte[] seal(KeyType type, byte[] key, byte[] nonce, byte[] aad, byte[] pt) {
    if (type == KeyType.AES_256_GCM) {
      try {
        Cipher j = jcaGcm(Cipher.ENCRYPT_MODE, key, nonce);
        j.updateAAD(aad);
        return j.doFinal(pt);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM encryption cannot fail", e);
      }
    }
    AEADCipher c = cipher(type);
    c.init(true, new AEADParameters(new KeyParameter(key), TAG * 8, nonce, aad));
    byte[] out = new byte[c.getOutputSize(pt.length)];
    int n = c.processBytes(pt, 0, pt.length, out, 0);
    try {
      c.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("encryption cannot fail", e);
    }
    return out;
  }

  /**
   * Decrypts and authenticates.
   *
   * @param type the AEAD
   * @param key 32 bytes
   * @param nonce 12 bytes
   * @param aad associated data
   * @param ct ciphertext followed by the tag
   * @param field the field name for errors
   * @return the plaintext
   * @throws InsCryptoException DECRYPTION_FAILED when authentication fails
   */
  public static byte[] open(KeyType type, byte[] key, byte[] nonce, byte[] aad, byte[] ct, String field) {
    if (ct.length < TAG) {
      throw new InsCryptoException(Code.MALFORMED, field, "shorter than the 16-byte tag");
    }
    if (type == KeyType.AES_256_GCM) {
      try {
        Cipher j = jcaGcm(Cipher.DECRYPT_MODE, key, nonce);
        j.updateAAD(aad);
        return j.doFinal(ct);
      } catch (GeneralSecurityException e) {
        throw new InsCryptoException(
            Code.DECRYPTION_FAILED, field, "authentication failed (wrong key, wrong context or modified bytes)", e);
      }
    }
    AEADCipher c = cipher(type);
    c.init(false, new AEADParameters(new KeyParameter(key), TAG * 8, nonce, aad));
    byte[] out = new byte[c.getOutputSize(ct.length)];
    int n = c.processBytes(ct, 0, ct.length, out, 0);
    try {
      n += c.doFinal(out, n);
    } catch (InvalidCipherTextException | IllegalStateException e) {
      java.util.Arrays.fill(out, (byte) 0);
      throw new InsCryptoException(
          Code.DECRYPTION_FAILED, field, "authentication failed (wrong key, wrong context or modified bytes)", e);
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
