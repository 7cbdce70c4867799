package dev.ins.security.certs;

import dev.ins.security.testing.SyntheticPki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.security.InsCryptoException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

  @Test
  void pkcs12_loadsKeyAndChain_andToStringHidesTheKey(@TempDir Path dir) throws Exception {
    SyntheticPki pki = new SyntheticPki();
    KeyPair kp = SyntheticPki.ec();
    X509Certificate leaf = pki.leaf("CN=INSI-AUTO,OU=1,O=X,C=FR", kp, SyntheticPki.NOW.minus(Duration.ofDays(1)), SyntheticPki.NOW.plus(Duration.ofDays(100)));
    Path p12 = dir.resolve("insi.p12");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("insi", kp.getPrivate(), "pw".toCharArray(), new Certificate[] {leaf, pki.ca});
    try (OutputStream out = Files.newOutputStream(p12)) {
      ks.store(out, "pw".toCharArray());
    }
    Credential c = Credentials.loadPkcs12(p12, "pw".toCharArray());
    assertEquals(leaf, c.certificate());
    assertEquals(2, c.chain().size());
    assertFalse(c.toString().contains(kp.getPrivate().toString()));
    assertEquals(InsCryptoException.Code.IO, assertThrows(InsCryptoException.class, () -> Credentials.loadPkcs12(p12, "bad".toCharArray())).code());
  }
}
