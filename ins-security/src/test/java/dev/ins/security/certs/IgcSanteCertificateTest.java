package dev.ins.security.certs;

import dev.ins.security.testing.SyntheticPki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.certs.IgcSanteCertificate.ExpiryStatus;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IgcSanteCertificateTest {

  @Test
  void classify_readsRangeDomainEnvironmentRoleAndStructure() throws Exception {
    SyntheticPki pki = new SyntheticPki();
    X509Certificate leaf = pki.leaf("CN=INSI-AUTO,OU=10B0152872,O=CENTRE DE SANTE TEST,C=FR", SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(10)), SyntheticPki.NOW.plus(Duration.ofDays(300)));
    IgcSanteCertificate c = IgcSanteCertificate.classify(leaf);
    assertEquals(IgcSanteCertificate.Range.ELEMENTAIRE, c.range());
    assertEquals(IgcSanteCertificate.Domain.ORGANISATIONS, c.domain());
    assertTrue(c.testEnvironment());
    assertEquals(Optional.of(IgcSanteCertificate.InsiRole.INSI_AUTO), c.insiRole());
    assertEquals(Optional.of("10B0152872"), c.structureId());
    assertFalse(IgcSanteCertificate.classify(pki.root).isIgcSante(), "a root is not issued by an AC IGC-SANTE range CA");
  }

  @Test
  void expiry_warnsAt60_30_7Days() throws Exception {
    SyntheticPki pki = new SyntheticPki();
    X509Certificate leaf = pki.leaf("CN=INSI-MANU,OU=1,O=X,C=FR", SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(10)), SyntheticPki.NOW.plus(Duration.ofDays(100)));
    IgcSanteCertificate c = IgcSanteCertificate.classify(leaf);
    assertEquals(ExpiryStatus.VALID, c.expiry(SyntheticPki.NOW));
    assertEquals(ExpiryStatus.EXPIRES_WITHIN_60_DAYS, c.expiry(SyntheticPki.NOW.plus(Duration.ofDays(50))));
    assertEquals(ExpiryStatus.EXPIRES_WITHIN_30_DAYS, c.expiry(SyntheticPki.NOW.plus(Duration.ofDays(75))));
    assertEquals(ExpiryStatus.EXPIRES_WITHIN_7_DAYS, c.expiry(SyntheticPki.NOW.plus(Duration.ofDays(95))));
    assertEquals(ExpiryStatus.EXPIRED, c.expiry(SyntheticPki.NOW.plus(Duration.ofDays(100))));
    assertEquals(ExpiryStatus.NOT_YET_VALID, c.expiry(SyntheticPki.NOW.minus(Duration.ofDays(11))));
  }

  @Test
  void insiCheck_acceptsAGoodTestCertificate_andExplainsEveryRefusal() throws Exception {
    SyntheticPki pki = new SyntheticPki();
    X509Certificate good = pki.leaf("CN=INSI-AUTO,OU=10B0152872,O=CENTRE DE SANTE TEST,C=FR", SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(10)), SyntheticPki.NOW.plus(Duration.ofDays(300)));
    InsiCertificateCheck.Verdict ok = InsiCertificateCheck.check(good, SyntheticPki.NOW, true);
    assertTrue(ok.accepted(), ok.reasons().toString());
    InsiCertificateCheck.Verdict prod = InsiCertificateCheck.check(good, SyntheticPki.NOW, false);
    assertFalse(prod.accepted());
    assertTrue(prod.reasons().get(0).contains("AC IGC-SANTE ELEMENTAIRE ORGANISATIONS"), prod.reasons().toString());

    X509Certificate wrongCn = pki.leaf("CN=Cabinet Dentaire,OU=1,O=X,C=FR", SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(1)), SyntheticPki.NOW.plus(Duration.ofDays(20)));
    InsiCertificateCheck.Verdict v = InsiCertificateCheck.check(wrongCn, SyntheticPki.NOW, true);
    assertFalse(v.accepted());
    assertTrue(v.reasons().get(0).contains("DESIR_560"), v.reasons().toString());
    assertTrue(v.warnings().get(0).contains("renewal"), v.warnings().toString());

    KeyPair weak = SyntheticPki.rsa(1024);
    X509Certificate small = pki.leaf("CN=INSI-MANU,OU=1,O=X,C=FR", weak, SyntheticPki.NOW.minus(Duration.ofDays(400)), SyntheticPki.NOW.minus(Duration.ofDays(1)));
    InsiCertificateCheck.Verdict s = InsiCertificateCheck.check(small, SyntheticPki.NOW, true);
    assertTrue(s.reasons().stream().anyMatch(r -> r.contains("expired")), s.reasons().toString());
    assertTrue(s.reasons().stream().anyMatch(r -> r.contains("1024 bits")), s.reasons().toString());
  }
}
