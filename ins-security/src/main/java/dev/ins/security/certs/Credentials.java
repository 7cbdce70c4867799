package dev.ins.security.certs;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads client credentials (private key and chain) from PKCS#12 files or PKCS#11 tokens (CPS card
 * middleware, HSM), through the JDK's standard key store API.
 *
 * <pre>{@code
 * Credential c = Credentials.loadPkcs12(Path.of("insi-auto.p12"), password);
 * Credential t = Credentials.loadPkcs11(Path.of("/etc/ins/pkcs11.cfg"), pin, null);
 * }</pre>
 */
public final class Credentials {
  private Credentials() {}

  /**
   * Loads the only (or the given) private-key entry of a PKCS#12 file.
   *
   * @param file the .p12/.pfx file
   * @param password the store and key password
   * @return the credential
   * @throws InsCryptoException IO when unreadable or the password is wrong, POLICY_VIOLATION when
   *     there is no single private key entry
   */
  public static Credential loadPkcs12(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return fromKeyStore(ks, password, null);
    } catch (IOException | GeneralSecurityException e) {
      throw new InsCryptoException(Code.IO, "pkcs12", "cannot load the PKCS#12 file (wrong password or damaged file)", e);
    }
  }

  /**
   * Logs in to a PKCS#11 token through the JDK's SunPKCS11 provider and loads a credential.
   *
   * @param config the SunPKCS11 configuration file (library path, slot)
   * @param pin the user PIN
   * @param alias the key alias, or null when the token holds exactly one key
   * @return the credential (the private key stays on the token)
   */
  public static Credential loadPkcs11(Path config, char[] pin, String alias) {
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new InsCryptoException(Code.UNSUPPORTED_PROVIDER, "pkcs11", "the JDK's SunPKCS11 provider is not available");
    }
    try {
      Provider p = base.configure(config.toString());
      KeyStore ks = KeyStore.getInstance("PKCS11", p);
      ks.load(null, pin);
      return fromKeyStore(ks, pin, alias);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new InsCryptoException(Code.IO, "pkcs11", "cannot log in to the PKCS#11 token (library, slot or PIN)", e);
    }
  }

  /**
   * Reads a credential from a loaded key store.
   *
   * @param ks the key store
   * @param password the key password (or PIN)
   * @param alias the alias, or null when the store holds exactly one private key
   * @return the credential
   * @throws InsCryptoException POLICY_VIOLATION when the entry is missing or unreadable
   */
  public static Credential fromKeyStore(KeyStore ks, char[] password, String alias) {
    try {
      return read(ks, password, alias);
    } catch (GeneralSecurityException e) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keystore.alias", "cannot recover the private key (wrong password or alias)", e);
    }
  }

  private static Credential read(KeyStore ks, char[] password, String alias) throws GeneralSecurityException {
    String chosen = alias;
    if (chosen == null) {
      List<String> keys = new ArrayList<>();
      for (String a : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(a)) {
          keys.add(a);
        }
      }
      if (keys.size() != 1) {
        throw new InsCryptoException(Code.POLICY_VIOLATION, "keystore.alias", "expected exactly one private key, found " + keys.size() + "; name the alias");
      }
      chosen = keys.get(0);
    }
    Key k = ks.getKey(chosen, password);
    if (!(k instanceof PrivateKey)) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keystore.alias", "no private key under alias '" + chosen + "'");
    }
    Certificate[] chain = ks.getCertificateChain(chosen);
    List<X509Certificate> out = new ArrayList<>();
    if (chain != null) {
      for (Certificate c : chain) {
        if (c instanceof X509Certificate) {
          out.add((X509Certificate) c);
        }
      }
    }
    if (out.isEmpty()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "keystore.chain", "no certificate for alias '" + chosen + "'");
    }
    return new Credential(chosen, (PrivateKey) k, out, "PKCS11".equalsIgnoreCase(ks.getType()) ? java.util.Optional.of(ks.getProvider()) : java.util.Optional.empty());
  }
}
