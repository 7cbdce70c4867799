package dev.ins.security.certs;

import dev.ins.security.testing.SyntheticPki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.certs.RevocationCheck.Result;
import dev.ins.security.certs.RevocationCheck.Status;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RevocationCheckTest {
  private static SyntheticPki pki;
  private static X509Certificate good;
  private static X509Certificate revoked;
  private static X509CRL rootCrl;
  private static X509CRL caCrl;
  private static X509CRL staleCaCrl;

  @BeforeAll
  static void pki() throws Exception {
    pki = new SyntheticPki();
    Instant now = SyntheticPki.NOW;
    good = pki.leaf("CN=INSI-AUTO,OU=1,O=X,C=FR", SyntheticPki.ec(), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(300)));
    revoked = pki.leaf("CN=INSI-MANU,OU=2,O=X,C=FR", SyntheticPki.ec(), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(300)));
    rootCrl = SyntheticPki.crl(pki.root, pki.rootKey, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    caCrl = SyntheticPki.crl(pki.ca, pki.caKey, now.minus(Duration.ofHours(5)), now.plus(Duration.ofDays(2)), revoked);
    staleCaCrl = SyntheticPki.crl(pki.ca, pki.caKey, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(13)));
  }

  private static Result check(X509Certificate leaf, List<X509CRL> crls, RevocationPolicy p) {
    return RevocationCheck.check(List.of(leaf, pki.ca), Set.of(new TrustAnchor(pki.root, null)), crls, SyntheticPki.NOW, p);
  }

  @Test
  void offlineCrl_goodAndRevoked() {
    Result ok = check(good, List.of(rootCrl, caCrl), RevocationPolicy.offlineHardFail());
    assertEquals(Status.GOOD, ok.status(), ok.log().toString());
    assertTrue(ok.accepted());
    Result bad = check(revoked, List.of(rootCrl, caCrl), RevocationPolicy.offlineHardFail());
    assertEquals(Status.REVOKED, bad.status(), bad.log().toString());
    assertFalse(bad.accepted());
  }

  @Test
  void staleOrMissingCrl_hardFailRejects_softFailAcceptsAndLogs() {
    Result hard = check(good, List.of(rootCrl, staleCaCrl), RevocationPolicy.offlineHardFail());
    assertEquals(Status.UNDETERMINED, hard.status(), hard.log().toString());
    assertFalse(hard.accepted());
    Result soft = check(good, List.of(rootCrl), new RevocationPolicy(RevocationPolicy.Order.CRL_ONLY, true, false));
    assertEquals(Status.UNDETERMINED, soft.status(), soft.log().toString());
    assertTrue(soft.accepted());
    assertTrue(soft.log().stream().anyMatch(l -> l.contains("soft-fail")), soft.log().toString());
    Result softRevoked = check(revoked, List.of(rootCrl, caCrl), new RevocationPolicy(RevocationPolicy.Order.CRL_ONLY, true, false));
    assertFalse(softRevoked.accepted(), "soft fail never accepts a revoked certificate");
  }

  @Test
  void ocspFirst_goodRevokedAndUnknown_withExplicitCrlFallback() throws Exception {
    Instant now = SyntheticPki.NOW;
    byte[] goodResp = SyntheticPki.ocsp(pki.ca, pki.caKey, good, org.bouncycastle.cert.ocsp.CertificateStatus.GOOD, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    byte[] revokedResp = SyntheticPki.ocsp(pki.ca, pki.caKey, revoked,
        new org.bouncycastle.cert.ocsp.RevokedStatus(java.util.Date.from(now.minus(Duration.ofDays(2))), org.bouncycastle.asn1.x509.CRLReason.keyCompromise), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    byte[] unknownResp = SyntheticPki.ocsp(pki.ca, pki.caKey, good, new org.bouncycastle.cert.ocsp.UnknownStatus(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    RevocationPolicy ocspLeafOnly = new RevocationPolicy(RevocationPolicy.Order.OCSP_FIRST, false, true);
    Set<TrustAnchor> anchors = Set.of(new TrustAnchor(pki.root, null));

    Result ok = RevocationCheck.check(List.of(good, pki.ca), anchors, List.of(), java.util.Map.of(good, goodResp), now, ocspLeafOnly);
    assertEquals(Status.GOOD, ok.status(), ok.log().toString());
    Result bad = RevocationCheck.check(List.of(revoked, pki.ca), anchors, List.of(), java.util.Map.of(revoked, revokedResp), now, ocspLeafOnly);
    assertEquals(Status.REVOKED, bad.status(), bad.log().toString());
    // OCSP says "unknown": without a CRL the hard-fail policy rejects; with a fresh CRL the explicit fallback decides.
    Result unknownNoCrl = RevocationCheck.check(List.of(good, pki.ca), anchors, List.of(), java.util.Map.of(good, unknownResp), now, ocspLeafOnly);
    assertFalse(unknownNoCrl.accepted(), unknownNoCrl.log().toString());
    Result unknownWithCrl = RevocationCheck.check(List.of(good, pki.ca), anchors, List.of(caCrl), java.util.Map.of(good, unknownResp), now, ocspLeafOnly);
    assertEquals(Status.GOOD, unknownWithCrl.status(), unknownWithCrl.log().toString());
  }

  @Test
  void unknownRoot_isAnInvalidPath() throws Exception {
    SyntheticPki other = new SyntheticPki();
    Result r = RevocationCheck.check(List.of(good, pki.ca), Set.of(new TrustAnchor(other.root, null)), List.of(rootCrl, caCrl), SyntheticPki.NOW, RevocationPolicy.offlineHardFail());
    assertEquals(Status.INVALID_PATH, r.status(), r.log().toString());
    assertFalse(r.accepted());
  }
}
