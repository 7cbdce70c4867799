package dev.ins.security.certs;

import dev.ins.security.testing.SyntheticPki;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.RecordContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PKCS#11 through SoftHSM2: a key-encryption key that never leaves the token seals a keyset, and a
 * client credential is loaded from the token. Needs {@code softhsm2} (installed by
 * .ci/setup.d/60-softhsm2.sh); skipped with a message elsewhere, never skipped when CI=true.
 */
class Pkcs11SoftHsmTest {
  private static final Path LIB = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final char[] PIN = "1234".toCharArray();
  private static Path config;
  private static Provider provider;

  @BeforeAll
  static void token() throws Exception {
    boolean present = Files.isRegularFile(LIB);
    if ("true".equals(System.getenv("CI"))) {
      assertEquals(true, present, "CI=true but SoftHSM2 is missing: run .ci/setup.d/60-softhsm2.sh");
    }
    assumeTrue(present, "SoftHSM2 not installed (" + LIB + "); PKCS#11 tests skipped");
    String conf = System.getenv("SOFTHSM2_CONF");
    assumeTrue(conf != null, "SOFTHSM2_CONF not set (run through Maven)");
    Path dir = Path.of(conf).getParent();
    Path tokens = dir.resolve("tokens-" + UUID.randomUUID());
    Files.createDirectories(tokens);
    Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    Process p = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "INS-TEST", "--so-pin", "12345678", "--pin", new String(PIN))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertEquals(true, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "softhsm2-util failed: " + out);
    config = dir.resolve("pkcs11-" + UUID.randomUUID() + ".cfg");
    Files.writeString(config, "name = InsTest\nlibrary = " + LIB + "\nslotListIndex = 0\n");
    provider = Security.getProvider("SunPKCS11").configure(config.toString());
  }

  @Test
  void kekOnTheToken_sealsAndOpensAKeyset() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS11", provider);
    ks.load(null, PIN);
    KeyGenerator kg = KeyGenerator.getInstance("AES", provider);
    kg.init(256);
    ks.setKeyEntry("ins-kek", kg.generateKey(), null, null);
    Key kek = KeysetVault.kekFromKeyStore(ks, "ins-kek", null);
    Keyset keyset = Keyset.generate(KeyType.AES_256_GCM);
    RecordContext ctx = RecordContext.of("t", "c", "1");
    byte[] ct = keyset.recordAead().encrypt("x".getBytes(UTF_8), ctx);
    byte[] sealed = KeysetVault.sealWithKey(keyset, kek, ks.getProvider());
    assertArrayEquals("x".getBytes(UTF_8), KeysetVault.openWithKey(sealed, kek, ks.getProvider()).recordAead().decrypt(ct, ctx));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(InsCryptoException.class, () -> KeysetVault.openWithKey(sealed, kek, ks.getProvider()));
  }

  @Test
  void credentialOnTheToken_isLoadedAndSigns() throws Exception {
    SyntheticPki pki = new SyntheticPki();
    KeyPair kp = SyntheticPki.ec();
    X509Certificate leaf = pki.leaf("CN=INSI-AUTO,OU=1,O=X,C=FR", kp, SyntheticPki.NOW.minus(Duration.ofDays(1)), SyntheticPki.NOW.plus(Duration.ofDays(100)));
    KeyStore ks = KeyStore.getInstance("PKCS11", provider);
    ks.load(null, PIN);
    ks.setKeyEntry("insi-auto", kp.getPrivate(), null, new Certificate[] {leaf});
    Credential c = Credentials.loadPkcs11(config, PIN, "insi-auto");
    assertEquals(leaf, c.certificate());
    Signature s = Signature.getInstance("SHA256withECDSA", c.provider().orElseThrow());
    s.initSign(c.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(leaf.getPublicKey());
    v.update(new byte[] {1, 2, 3});
    assertEquals(true, v.verify(sig));
    assertNotNull(InsiCertificateCheck.check(c.certificate(), SyntheticPki.NOW, true));
  }
}
