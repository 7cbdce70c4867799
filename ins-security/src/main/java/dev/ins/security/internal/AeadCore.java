package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.KeyType;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-256-GCM and ChaCha20-Poly1305 with a caller-given nonce. Internal only: callers never pick nonces. */
public final class AeadCore {
  /** Nonce length of both AEADs. */
  public static final int NONCE = 12;

  /** Tag length of both AEADs. */
  public static final int TAG = 16;

  private AeadCore() {}

  private static AEADCipher cipher(KeyType type) {
    BouncyCastle.require();
    switch (type) {
      case AES_256_GCM:
        return GCMBlockCipher.newInstance(AESEngine.newInstance());
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
