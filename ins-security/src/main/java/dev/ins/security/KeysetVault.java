package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.AeadCore;
import dev.ins.security.internal.Argon2;
import dev.ins.security.internal.ByteReader;
import dev.ins.security.internal.ByteWriter;
import dev.ins.security.internal.KeysetCodec;
import dev.ins.security.internal.Rng;
import dev.ins.security.internal.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stores keysets encrypted under a key-encryption key (KEK): a password through Argon2id, or an
 * AES key held in a PKCS#12 or PKCS#11 key store.
 *
 * <p>Sealed format: magic {@code "IKE1"}, version 1, KEK kind (1 password, 2 key store key), for
 * a password the Argon2id memory (KiB, 4 bytes), passes (4), lanes (1) and a 16-byte salt, then a
 * 12-byte nonce and the AES-256-GCM encryption of the clear keyset, with every header byte as
 * associated data. A stored cost outside {@link Argon2Params}'s bounds, or above the opening limit
 * ({@link #DEFAULT_MAX_COST} unless the caller gives one), is refused before any work: a planted key
 * file cannot make opening it cost tens of seconds and gigabytes.
 *
 * <pre>{@code
 * byte[] sealed = KeysetVault.sealWithPassword(keyset, password);
 * Keyset back = KeysetVault.openWithPassword(sealed, password);
 *
 * SecretKey kek = KeysetVault.kekFromKeyStore(pkcs12, "ins-kek", entryPassword);
 * byte[] sealed2 = KeysetVault.sealWithKey(keyset, kek);
 * }</pre>
 */
public final class KeysetVault {
  private static final byte[] MAGIC = {'I', 'K', 'E', '1'};
  private static final int PASSWORD = 1;
  private static final int KEYSTORE = 2;

  /**
   * The most a stored Argon2id cost may ask when opening with {@link #openWithPassword(byte[],
   * char[])}: 256 MiB, 4 passes, 4 lanes (four times the memory of {@link Argon2Params#recommended()};
   * about a second on a 2-core machine).
   */
  public static final Argon2Params DEFAULT_MAX_COST = Argon2Params.of(256 * 1024, 4, 4);

  private KeysetVault() {}

  /**
   * Seals under a password with {@link Argon2Params#recommended()}.
   *
   * @param ks the keyset
   * @param password the password, not empty
   * @return the sealed bytes
   */
  public static byte[] sealWithPassword(Keyset ks, char[] password) {
    return sealWithPassword(ks, password, Argon2Params.recommended());
  }

  /**
   * Seals under a password.
   *
   * @param ks the keyset
   * @param password the password, not empty
   * @param params the Argon2id cost
   * @return the sealed bytes
   */
  public static byte[] sealWithPassword(Keyset ks, char[] password, Argon2Params params) {
    Objects.requireNonNull(ks, "keyset == null");
    checkPassword(password);
    byte[] salt = Rng.bytes(16);
    byte[] nonce = Rng.bytes(AeadCore.NONCE);
    byte[] header =
        new ByteWriter()
            .bytes(MAGIC)
            .u8(1)
            .u8(PASSWORD)
            .i32(params.memoryKiB())
            .i32(params.iterations())
            .u8(params.parallelism())
            .bytes(salt)
            .bytes(nonce)
            .toByteArray();
    byte[] kek = Argon2.derive(password, salt, params, 32);
    byte[] clear = KeysetCodec.encode(ks);
    try {
      return concat(header, AeadCore.seal(KeyType.AES_256_GCM, kek, nonce, header, clear));
    } finally {
      Arrays.fill(kek, (byte) 0);
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * Opens a keyset sealed under a password.
   *
   * @param sealed the sealed bytes
   * @param password the password
   * @return the keyset
   * @throws InsCryptoException MALFORMED, POLICY_VIOLATION (stored cost out of bounds) or
   *     DECRYPTION_FAILED (wrong password or modified bytes)
   */
  public static Keyset openWithPassword(byte[] sealed, char[] password) {
    return openWithPassword(sealed, password, DEFAULT_MAX_COST);
  }

  /**
   * Opens a keyset sealed under a password, accepting a stored Argon2id cost up to {@code maxCost}
   * on every axis (for keysets deliberately sealed above {@link #DEFAULT_MAX_COST}).
   *
   * @param sealed the sealed bytes
   * @param password the password
   * @param maxCost the highest memory, passes and lanes accepted
   * @return the keyset
   * @throws InsCryptoException MALFORMED, POLICY_VIOLATION (stored cost above {@code maxCost} or out
   *     of bounds, refused before any derivation) or DECRYPTION_FAILED (wrong password or modified
   *     bytes)
   */
  public static Keyset openWithPassword(byte[] sealed, char[] password, Argon2Params maxCost) {
    Objects.requireNonNull(maxCost, "maxCost == null");
    checkPassword(password);
    ByteReader r = header(sealed, PASSWORD);
    Argon2Params params;
    try {
      params = Argon2Params.of(r.i32("argon2.memoryKiB"), r.i32("argon2.iterations"), r.u8("argon2.parallelism"));
    } catch (InsCryptoException e) {
      throw new InsCryptoException(Code.MALFORMED, e.field(), "stored Argon2 cost refused: " + e.getMessage(), e);
    }
    if (!maxCost.atLeast(params)) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "sealedKeyset.argon2", "stored cost ("
          + params.memoryKiB() + " KiB, " + params.iterations() + " passes, " + params.parallelism()
          + " lanes) is above the opening limit (" + maxCost.memoryKiB() + " KiB, " + maxCost.iterations()
          + " passes, " + maxCost.parallelism() + " lanes); refused before any work");
    }
    byte[] salt = r.bytes(16, "salt");
    byte[] nonce = r.bytes(AeadCore.NONCE, "nonce");
    byte[] header = Arrays.copyOf(sealed, r.position());
    byte[] body = r.rest();
    byte[] kek = Argon2.derive(password, salt, params, 32);
    byte[] clear = null;
    try {
      clear = AeadCore.open(KeyType.AES_256_GCM, kek, nonce, header, body, "sealedKeyset");
      return KeysetCodec.decode(clear);
    } finally {
      Arrays.fill(kek, (byte) 0);
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  /**
   * Seals under an AES key from a key store (PKCS#12, or PKCS#11 where the key never leaves the
   * token: encryption then runs in the token's JCA provider).
   *
   * @param ks the keyset
   * @param kek an AES key of 256 bits
   * @return the sealed bytes
   */
  public static byte[] sealWithKey(Keyset ks, Key kek) {
    return sealWithKey(ks, kek, null);
  }

  /**
   * Seals under a key store key, running AES-GCM in a given provider (needed for a PKCS#11 key
   * whose provider was configured but not installed: pass {@code keyStore.getProvider()}).
   *
   * @param ks the keyset
   * @param kek an AES key of 256 bits
   * @param provider the provider holding the key, or null for the JDK's choice
   * @return the sealed bytes
   */
  public static byte[] sealWithKey(Keyset ks, Key kek, java.security.Provider provider) {
    Objects.requireNonNull(ks, "keyset == null");
    Objects.requireNonNull(kek, "kek == null");
    byte[] nonce = Rng.bytes(AeadCore.NONCE);
    byte[] header = new ByteWriter().bytes(MAGIC).u8(1).u8(KEYSTORE).bytes(nonce).toByteArray();
    byte[] clear = KeysetCodec.encode(ks);
    try {
      Cipher c = cipher(provider);
      c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
      c.updateAAD(header);
      return concat(header, c.doFinal(clear));
    } catch (GeneralSecurityException e) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "kek", "key store key cannot encrypt with AES-GCM", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * Opens a keyset sealed under a key store key.
   *
   * @param sealed the sealed bytes
   * @param kek the same AES key
   * @return the keyset
   */
  public static Keyset openWithKey(byte[] sealed, Key kek) {
    return openWithKey(sealed, kek, null);
  }

  /**
   * Opens a keyset sealed under a key store key, running AES-GCM in a given provider.
   *
   * @param sealed the sealed bytes
   * @param kek the same AES key
   * @param provider the provider holding the key, or null for the JDK's choice
   * @return the keyset
   */
  public static Keyset openWithKey(byte[] sealed, Key kek, java.security.Provider provider) {
    Objects.requireNonNull(kek, "kek == null");
    ByteReader r = header(sealed, KEYSTORE);
    byte[] nonce = r.bytes(AeadCore.NONCE, "nonce");
    byte[] header = Arrays.copyOf(sealed, r.position());
    byte[] body = r.rest();
    if (body.length < AeadCore.TAG) {
      throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.body", "shorter than the tag");
    }
    byte[] clear = null;
    try {
      Cipher c = cipher(provider);
      c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
      c.updateAAD(header);
      clear = c.doFinal(body);
      return KeysetCodec.decode(clear);
    } catch (GeneralSecurityException e) {
      throw new InsCryptoException(
          Code.DECRYPTION_FAILED, "sealedKeyset", "wrong key-encryption key or modified bytes", e);
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  /**
   * Reads an AES key entry from a loaded key store (PKCS#12 file or PKCS#11 token).
   *
   * @param store the loaded key store
   * @param alias the entry alias
   * @param entryPassword the entry password (may be null for PKCS#11)
   * @return the key
   * @throws InsCryptoException POLICY_VIOLATION when absent or not an AES key
   */
  public static Key kekFromKeyStore(KeyStore store, String alias, char[] entryPassword) {
    try {
      Key k = store.getKey(alias, entryPassword);
      if (k == null || !"AES".equalsIgnoreCase(k.getAlgorithm())) {
        throw new InsCryptoException(Code.POLICY_VIOLATION, "kek.alias", "no AES key under alias '" + alias + "'");
      }
      return k;
    } catch (GeneralSecurityException e) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "kek.alias", "cannot read key '" + alias + "'", e);
    }
  }

  /**
   * Creates a PKCS#12 file holding one fresh AES-256 key-encryption key.
   *
   * @param file the file to create (must not exist)
   * @param alias the alias
   * @param password the store and entry password
   * @return the key
   */
  public static SecretKey createPkcs12Kek(Path file, String alias, char[] password) {
    checkPassword(password);
    SecretBytes raw = SecretBytes.random(32);
    SecretKey key = new SecretKeySpec(raw.toByteArray(SecretAccess.insecure()), "AES");
    try {
      // Created 0600 from the start (no moment where other users can read it).
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ks.store(out, password);
      SafeFiles.createPrivate(file, out.toByteArray());
      return key;
    } catch (IOException | GeneralSecurityException e) {
      throw new InsCryptoException(Code.IO, "kek.file", "cannot create PKCS#12 key store", e);
    }
  }

  /**
   * Loads a PKCS#12 file.
   *
   * @param file the file
   * @param password the store password
   * @return the loaded store
   */
  public static KeyStore loadPkcs12(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new InsCryptoException(Code.IO, "kek.file", "cannot load PKCS#12 key store (wrong password?)", e);
    }
  }

  private static Cipher cipher(java.security.Provider provider) throws GeneralSecurityException {
    return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
  }

  private static ByteReader header(byte[] sealed, int expectedKind) {
    Objects.requireNonNull(sealed, "sealed == null");
    ByteReader r = new ByteReader(sealed, "sealedKeyset");
    if (!Arrays.equals(r.bytes(4, "magic"), MAGIC)) {
      throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.magic", "not a sealed keyset");
    }
    int v = r.u8("version");
    if (v != 1) {
      throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.version", "unsupported version " + v);
    }
    int kind = r.u8("kekKind");
    if (kind != PASSWORD && kind != KEYSTORE) {
      throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.kekKind", "unknown KEK kind " + kind);
    }
    if (kind != expectedKind) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION,
          "sealedKeyset.kekKind",
          "sealed under a " + (kind == PASSWORD ? "password" : "key store key") + ", opened with the other kind");
    }
    return r;
  }

  /**
   * Tells which kind of KEK sealed these bytes.
   *
   * @param sealed the sealed bytes
   * @return {@code "password"} or {@code "keystore"}
   */
  public static String kekKind(byte[] sealed) {
    ByteReader r = new ByteReader(sealed, "sealedKeyset");
    if (!Arrays.equals(r.bytes(4, "magic"), MAGIC) || r.u8("version") != 1) {
      throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.magic", "not a sealed keyset");
    }
    int kind = r.u8("kekKind");
    if (kind == PASSWORD) {
      return "password";
    }
    if (kind == KEYSTORE) {
      return "keystore";
    }
    throw new InsCryptoException(Code.MALFORMED, "sealedKeyset.kekKind", "unknown KEK kind " + kind);
  }

  private static void checkPassword(char[] password) {
    if (password == null || password.length == 0) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "password", "must not be empty");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
