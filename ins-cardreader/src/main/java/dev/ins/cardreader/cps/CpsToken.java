package dev.ins.cardreader.cps;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.security.auth.login.LoginException;

/**
 * A CPS card (or any PKCS#11 token) through the JDK's SunPKCS11 provider: log in with the PIN,
 * get the authentication key and its chain, key managers for mutual TLS, log out.
 *
 * <p>PIN handling: {@link #login(char[])} wipes the caller's array before returning, whatever the
 * outcome, keeps no copy, and never puts the PIN in a message or a log. It logs out first: a token
 * already logged in would accept a wrong PIN silently (the "wrong PIN while logged in" trap).
 * {@link #close()} logs out.
 *
 * <pre>{@code
 * try (CpsToken cps = CpsToken.open(Pkcs11Config.of(Path.of("/usr/lib/libcps3_pkcs11.so"), 0))) {
 *   cps.login(pinFromUser);           // pinFromUser is wiped
 *   CpsCredential auth = cps.authenticationKey();
 *   SSLContext tls = SSLContext.getInstance("TLS");
 *   tls.init(cps.keyManagers(), trustManagers, null);
 * }
 * }</pre>
 */
public final class CpsToken implements AutoCloseable {

  private final Provider provider;
  private KeyStore keyStore;

  private CpsToken(Provider provider) {
    this.provider = provider;
  }

  /**
   * Loads the PKCS#11 module.
   *
   * @param config the module and slot
   * @return the token, not logged in
   * @throws CardReaderException {@code PKCS11_ERROR} when the module or slot cannot be used
   */
  public static CpsToken open(Pkcs11Config config) {
    Objects.requireNonNull(config, "config == null");
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "SunPKCS11 provider missing from this Java runtime");
    }
    try {
      return new CpsToken(base.configure(config.sunPkcs11Text()));
    } catch (RuntimeException e) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "PKCS#11 module " + config.library()
          + " slot index " + config.slotListIndex() + " unusable: " + rootMessage(e), null, null, -1, e);
    }
  }

  /**
   * Returns the provider to sign with.
   *
   * @return the SunPKCS11 instance bound to the token
   */
  public Provider provider() {
    return provider;
  }

  /**
   * Logs in; the PIN array is wiped before this method returns.
   *
   * @param pin the PIN, not null; wiped
   * @throws CardReaderException {@code PIN_INCORRECT}, {@code PIN_LOCKED} or {@code PKCS11_ERROR};
   *     the message never holds the PIN
   */
  public synchronized void login(char[] pin) {
    Objects.requireNonNull(pin, "pin == null");
    try {
      logoutQuietly();
      KeyStore ks = KeyStore.getInstance("PKCS11", provider);
      ks.load(null, pin);
      keyStore = ks;
    } catch (IOException | GeneralSecurityException e) {
      keyStore = null;
      throw loginFailure(e);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private static CardReaderException loginFailure(Exception e) {
    String all = chainText(e);
    if (all.contains("CKR_PIN_LOCKED")) {
      return CardReaderException.of(Code.PIN_LOCKED, "login refused: PIN blocked (CKR_PIN_LOCKED)", null, null, -1, e);
    }
    if (all.contains("CKR_PIN_INCORRECT") || all.contains("CKR_PIN_LEN_RANGE")
        || all.contains("UnrecoverableKeyException") || all.contains("FailedLoginException")) {
      return CardReaderException.of(Code.PIN_INCORRECT, "login refused: wrong PIN", null, null, -1, e);
    }
    return CardReaderException.of(Code.PKCS11_ERROR, "login failed: " + rootMessage(e), null, null, -1, e);
  }

  /**
   * Tells whether a login succeeded and no logout happened since.
   *
   * @return true when logged in
   */
  public synchronized boolean isLoggedIn() {
    return keyStore != null;
  }

  /**
   * Lists the aliases of the keys that have a certificate (the only ones SunPKCS11 shows).
   *
   * @return the aliases
   * @throws CardReaderException {@code PKCS11_ERROR} when not logged in
   */
  public synchronized List<String> keyAliases() {
    KeyStore ks = requireLogin();
    try {
      List<String> out = new ArrayList<>();
      for (String a : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(a)) {
          out.add(a);
        }
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "listing keys failed: " + rootMessage(e), null, null, -1, e);
    }
  }

  /**
   * Returns the authentication key: the key whose alias contains {@code AUTH} (CPS naming), or the
   * only key on the token.
   *
   * @return the credential
   * @throws CardReaderException {@code PKCS11_ERROR} when not logged in or no single match
   */
  public synchronized CpsCredential authenticationKey() {
    List<String> keys = keyAliases();
    List<String> auth = keys.stream().filter(a -> a.toUpperCase(Locale.ROOT).contains("AUTH")).toList();
    List<String> pick = auth.isEmpty() ? keys : auth;
    if (pick.size() != 1) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "expected one authentication key, found "
          + pick.size() + " among " + keys);
    }
    return key(pick.get(0));
  }

  /**
   * Returns a key by alias.
   *
   * @param alias the alias
   * @return the credential
   * @throws CardReaderException {@code PKCS11_ERROR} when not logged in or no such key
   */
  public synchronized CpsCredential key(String alias) {
    KeyStore ks = requireLogin();
    try {
      if (!ks.isKeyEntry(alias)) {
        throw CardReaderException.of(Code.PKCS11_ERROR, "no key with certificate named " + alias);
      }
      PrivateKey k = (PrivateKey) ks.getKey(alias, null);
      Certificate[] chain = ks.getCertificateChain(alias);
      List<X509Certificate> x = new ArrayList<>();
      for (Certificate c : chain) {
        x.add((X509Certificate) c);
      }
      return new CpsCredential(alias, k, x, provider);
    } catch (GeneralSecurityException e) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "reading key " + alias + " failed: " + rootMessage(e), null, null, -1, e);
    }
  }

  /**
   * Returns key managers presenting the token's keys, for an {@code SSLContext} (mutual TLS).
   *
   * @return the key managers
   * @throws CardReaderException {@code PKCS11_ERROR} when not logged in
   */
  public synchronized KeyManager[] keyManagers() {
    KeyStore ks = requireLogin();
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
      kmf.init(ks, null);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "key managers: " + rootMessage(e), null, null, -1, e);
    }
  }

  /**
   * Logs out; idempotent.
   *
   * @throws CardReaderException {@code PKCS11_ERROR} when the token refuses
   */
  public synchronized void logout() {
    keyStore = null;
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException e) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "logout failed: " + rootMessage(e), null, null, -1, e);
    }
  }

  private void logoutQuietly() {
    keyStore = null;
    try {
      ((AuthProvider) provider).logout();
    } catch (LoginException e) {
      // Not logged in: nothing to undo.
    }
  }

  private KeyStore requireLogin() {
    if (keyStore == null) {
      throw CardReaderException.of(Code.PKCS11_ERROR, "not logged in: call login(pin) first");
    }
    return keyStore;
  }

  /** Logs out. */
  @Override
  public synchronized void close() {
    logoutQuietly();
  }

  private static String chainText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return b.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
