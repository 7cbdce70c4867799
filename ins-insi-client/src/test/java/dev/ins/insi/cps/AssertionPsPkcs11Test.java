package dev.ins.insi.cps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.insi.testing.SoftHsmToken;
import dev.ins.security.testing.SyntheticPki;
import dev.ins.security.testing.SyntheticPki.LeafProfile;
import java.security.AuthProvider;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The assertion is signed by a key that lives on a PKCS#11 token (SoftHSM2 through SunPKCS11). */
class AssertionPsPkcs11Test {

  @Test
  void assertionSignedOnAToken_verifies_andATamperedOneDoesNot() throws Exception {
    Instant now = Instant.now();
    SyntheticPki pki = new SyntheticPki(now, SyntheticPki.KeyType.RSA, true);
    SyntheticPki.Issued cps = pki.issue("899700000001", now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)), LeafProfile.DEFAULT);
    SoftHsmToken.Loaded token = SoftHsmToken.shared();
    try {
      token.keyStore().setKeyEntry("cps", cps.key(), null, new Certificate[] {cps.certificate()});
      PrivateKey onToken = (PrivateKey) token.keyStore().getKey("cps", null);
      assertTrue(onToken.getClass().getName().contains("P11"), onToken.getClass().getName());
      Clock clock = Clock.fixed(now, ZoneOffset.UTC);
      AssertionPs a = AssertionPsSigner.builder().key(onToken, cps.certificate(), pki.ca)
          .provider(token.provider())
          .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
          .codeSpecialite("SM26").clock(clock).build().current();
      AssertionPsVerifier v = AssertionPsVerifier.builder().trustAnchor(pki.root).clock(clock).build();
      assertEquals(a.id(), v.verify(a.xml()).id());
      assertEquals(AssertionPsException.Problem.TAMPERED,
          assertThrows(AssertionPsException.class, () -> v.verify(a.xml().replace("SA07", "SA05"))).problem());
    } finally {
      ((AuthProvider) token.provider()).logout();
    }
  }
}
