package dev.ins.cardreader.cps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.core.testing.PiiGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 path with SoftHSM2 standing in for a CPS card: a fresh token with an RSA key and its
 * certificate (label CPS_AUTH) is made before the tests. Runs (never skips) with CI=true.
 */
class CpsTokenTest {

  private static final Path LIB = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final String PIN = "1234";
  private static final String WRONG_PIN = "97531";
  private static Pkcs11Config config;
  private CpsToken token;

  @BeforeAll
  static void softHsmToken() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    boolean ready = conf != null && Files.exists(LIB) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
    if (!ready) {
      String msg = "SoftHSM2 not installed or SOFTHSM2_CONF not set (run .ci/setup.d/50-pcscd.sh; use mvn)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true: " + msg);
      }
      Assumptions.abort(msg);
    }
    Path dir = Path.of(conf).getParent();
    Path tokens = dir.resolve("tokens");
    deleteTree(dir);
    Files.createDirectories(tokens);
    Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath()
        + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
    run("softhsm2-util", "--init-token", "--free", "--label", "CPS-TEST", "--so-pin", "12345678", "--pin", PIN);
    Path cfg = dir.resolve("sunpkcs11.cfg");
    Files.writeString(cfg, "name=CPSTESTKEYGEN\nlibrary=" + LIB + "\nslotListIndex=0\n");
    run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
        "-alias", "CPS_AUTH", "-keyalg", "RSA", "-keysize", "2048", "-validity", "365",
        "-dname", "CN=899700000001, OU=TEST, O=TEST ETABLISSEMENT, C=FR",
        "-keystore", "NONE", "-storetype", "PKCS11", "-providerClass", "sun.security.pkcs11.SunPKCS11",
        "-providerArg", cfg.toString(), "-storepass", PIN);
    config = Pkcs11Config.of(LIB, 0);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(cmd[0] + " failed: " + out);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @BeforeEach
  void open() {
    token = CpsToken.open(config);
  }

  @AfterEach
  void close() {
    token.close();
  }

  @Test
  void login_withRightPin_exposesTheAuthenticationKey_whichSignsOnTheToken() throws Exception {
    char[] pin = PIN.toCharArray();
    token.login(pin);
    assertArrayEquals(new char[PIN.length()], pin, "the caller's PIN array is wiped");
    assertTrue(token.isLoggedIn());
    CpsCredential auth = token.authenticationKey();
    assertEquals("CPS_AUTH", auth.alias().toUpperCase(java.util.Locale.ROOT));
    assertTrue(auth.certificate().getSubjectX500Principal().getName().contains("CN=899700000001"));
    byte[] data = "INSi request digest".getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("SHA256withRSA", auth.provider());
    s.initSign(auth.privateKey());
    s.update(data);
    byte[] sig = s.sign();
    Signature v = Signature.getInstance("SHA256withRSA");
    v.initVerify(auth.certificate().getPublicKey());
    v.update(data);
    assertTrue(v.verify(sig), "signature made on the token verifies in software");
  }

  @Test
  void login_withWrongPin_whileLoggedIn_isStillRefused() {
    token.login(PIN.toCharArray());
    char[] wrong = WRONG_PIN.toCharArray();
    String logs = PiiGuard.captureStderr(() -> {
      CardReaderException e = assertThrows(CardReaderException.class, () -> token.login(wrong));
      assertEquals(Code.PIN_INCORRECT, e.code(), e.getMessage());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(WRONG_PIN), "PIN in a message");
      }
    });
    assertFalse(logs.contains(WRONG_PIN), "PIN in the logs");
    assertArrayEquals(new char[WRONG_PIN.length()], wrong, "the wrong PIN is wiped too");
    assertFalse(token.isLoggedIn());
    assertEquals(Code.PKCS11_ERROR, assertThrows(CardReaderException.class, token::authenticationKey).code());
  }

  @Test
  void logout_thenLoginAgain_restoresKeyAccess() {
    token.login(PIN.toCharArray());
    token.logout();
    CardReaderException e = assertThrows(CardReaderException.class, token::keyAliases);
    assertTrue(e.getMessage().contains("not logged in"), e.getMessage());
    token.login(PIN.toCharArray());
    assertEquals(1, token.keyAliases().size());
  }

  @Test
  void keyManagers_presentTheAuthenticationKeyForMutualTls() {
    token.login(PIN.toCharArray());
    KeyManager[] kms = token.keyManagers();
    X509KeyManager km = (X509KeyManager) kms[0];
    String alias = km.chooseClientAlias(new String[] {"RSA"}, null, null);
    assertEquals("CPS_AUTH", alias.toUpperCase(java.util.Locale.ROOT));
    assertEquals(List.of(token.authenticationKey().certificate()), List.of(km.getCertificateChain(alias)[0]));
  }

  @Test
  void open_withMissingModule_givesPkcs11Error() {
    CardReaderException e = assertThrows(CardReaderException.class,
        () -> CpsToken.open(Pkcs11Config.of(Path.of("/nonexistent/libcps.so"), 0)));
    assertEquals(Code.PKCS11_ERROR, e.code());
    assertTrue(e.getMessage().contains("/nonexistent/libcps.so"), e.getMessage());
  }
}
