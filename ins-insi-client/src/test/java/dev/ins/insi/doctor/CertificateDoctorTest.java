package dev.ins.insi.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.insi.doctor.Finding.Check;
import dev.ins.insi.doctor.Finding.Severity;
import dev.ins.insi.testing.SoftHsmToken;
import dev.ins.security.certs.RevocationPolicy;
import dev.ins.security.testing.SyntheticPki;
import dev.ins.security.testing.SyntheticPki.LeafProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on a matrix of generated certificates: each defect is found, and only that one. */
class CertificateDoctorTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final SyntheticPki PKI = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
  private static final char[] PASSWORD = "changeit-test".toCharArray();

  private static CertificateDoctor doctor(CertificateDoctor.Environment env, X509Certificate... revoked) {
    return CertificateDoctor.builder().trustAnchor(PKI.root).environment(env)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).revocation(new RevocationPolicy(RevocationPolicy.Order.CRL_ONLY, false, true), List.of(PKI.caCrl(revoked)))
        .build();
  }

  private static Set<Check> failed(Diagnosis d) {
    return d.errors().stream().map(Finding::check).collect(Collectors.toSet());
  }

  private static Diagnosis examine(SyntheticPki.Issued leaf) {
    return doctor(CertificateDoctor.Environment.TEST).examine(leaf.key(), List.of(leaf.certificate(), PKI.ca));
  }

  @Test
  void goodInsiAutoCertificate_passesWithTimeLeftShown() {
    Diagnosis d = examine(PKI.insiAuto());
    assertTrue(d.ok(), d.toString());
    assertTrue(d.findings().stream().anyMatch(f -> f.severity() == Severity.INFO && f.message().contains("days left")));
  }

  @Test
  void wrongCn_isTheOnlyError() {
    SyntheticPki.Issued leaf = PKI.issue("INSI-AUTOMATIQUE", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT);
    Diagnosis d = examine(leaf);
    assertEquals(Set.of(Check.CN), failed(d));
    assertTrue(d.errors().get(0).message().contains("INSI-AUTO or INSI-MANU"));
  }

  @Test
  void expiredAndNotYetValid_areValidityErrors() {
    SyntheticPki.Issued expired = PKI.issue("INSI-MANU", NOW.minus(Duration.ofDays(400)),
        NOW.minus(Duration.ofDays(1)), LeafProfile.DEFAULT);
    SyntheticPki.Issued future = PKI.issue("INSI-MANU", NOW.plus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(400)), LeafProfile.DEFAULT);
    assertTrue(failed(examine(expired)).contains(Check.VALIDITY));
    assertTrue(failed(examine(future)).contains(Check.VALIDITY));
    assertTrue(examine(expired).errors().stream().anyMatch(f -> f.message().contains("expired")));
    assertTrue(examine(future).errors().stream().anyMatch(f -> f.message().contains("not valid before")));
  }

  @Test
  void expiringSoon_isAWarningNotAnError() {
    SyntheticPki.Issued soon = PKI.issue("INSI-AUTO", NOW.minus(Duration.ofDays(300)),
        NOW.plus(Duration.ofDays(10)), LeafProfile.DEFAULT);
    Diagnosis d = examine(soon);
    assertTrue(d.ok());
    assertTrue(d.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING && f.check() == Check.VALIDITY));
  }

  @Test
  void wrongIssuer_failsIssuerAndChain() {
    SyntheticPki other = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
    SyntheticPki.Issued stranger = other.issue(other.caUnder(other.rootCa(), "SOME OTHER CA"), "INSI-AUTO",
        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT);
    Diagnosis d = doctor(CertificateDoctor.Environment.TEST).examine(stranger.key(), List.of(stranger.certificate()));
    assertTrue(failed(d).containsAll(Set.of(Check.ISSUER, Check.CHAIN)), d.toString());
  }

  @Test
  void testCertificateInProduction_isAnIssuerError() {
    SyntheticPki.Issued leaf = PKI.insiAuto();
    Diagnosis d = doctor(CertificateDoctor.Environment.PRODUCTION).examine(leaf.key(),
        List.of(leaf.certificate(), PKI.ca));
    assertEquals(Set.of(Check.ISSUER), failed(d));
  }

  @Test
  void revoked_isARevocationError() {
    SyntheticPki.Issued leaf = PKI.insiAuto();
    Diagnosis d = doctor(CertificateDoctor.Environment.TEST, leaf.certificate())
        .examine(leaf.key(), List.of(leaf.certificate(), PKI.ca));
    assertEquals(Set.of(Check.REVOCATION), failed(d));
  }

  @Test
  void wrongKeyUsageOrExtendedKeyUsage_isAKeyUsageError() {
    SyntheticPki.Issued noSig = PKI.issue("INSI-AUTO", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT.withoutDigitalSignature());
    SyntheticPki.Issued serverOnly = PKI.issue("INSI-AUTO", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT.serverAuthOnly());
    assertEquals(Set.of(Check.KEY_USAGE), failed(examine(noSig)));
    assertEquals(Set.of(Check.KEY_USAGE), failed(examine(serverOnly)));
  }

  @Test
  void weakKeyAndMismatchedKey_areKeyErrors() {
    SyntheticPki.Issued weak = PKI.issue("INSI-AUTO", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(300)), LeafProfile.DEFAULT.keyBits(1024));
    assertEquals(Set.of(Check.KEY_STRENGTH), failed(examine(weak)));
    SyntheticPki.Issued good = PKI.insiAuto();
    Diagnosis mismatch = doctor(CertificateDoctor.Environment.TEST).examine(weak.key(),
        List.of(good.certificate(), PKI.ca));
    assertEquals(Set.of(Check.PRIVATE_KEY), failed(mismatch));
  }

  @Test
  void pkcs12_goodFile_wrongPassword_andGarbage(@TempDir Path dir) throws Exception {
    Path p12 = dir.resolve("insi-auto.p12");
    Files.write(p12, PKI.pkcs12(PKI.insiAuto(), PASSWORD));
    CertificateDoctor doc = doctor(CertificateDoctor.Environment.TEST);
    assertTrue(doc.examinePkcs12(p12, PASSWORD).ok());
    Diagnosis wrong = doc.examinePkcs12(p12, "nope".toCharArray());
    assertEquals(Set.of(Check.READABLE), failed(wrong));
    assertTrue(wrong.errors().get(0).message().contains("password"), wrong.toString());
    Path junk = dir.resolve("junk.p12");
    Files.writeString(junk, "not a keystore");
    assertEquals(Set.of(Check.READABLE), failed(doc.examinePkcs12(junk, PASSWORD)));
  }

  @Test
  void noRootsAndNoRevocationPolicy_areWarnings() {
    SyntheticPki.Issued leaf = PKI.insiAuto();
    Diagnosis d = CertificateDoctor.builder().environment(CertificateDoctor.Environment.TEST)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
        .examine(leaf.key(), List.of(leaf.certificate(), PKI.ca));
    assertTrue(d.ok());
    assertTrue(d.findings().stream().anyMatch(f -> f.check() == Check.CHAIN && f.severity() == Severity.WARNING));
    assertTrue(d.findings().stream().anyMatch(f -> f.check() == Check.REVOCATION && f.severity() == Severity.WARNING));
  }

  @Test
  void pkcs11Credential_onASoftHsmToken_isExamined() throws Exception {
    SyntheticPki.Issued leaf = PKI.insiAuto();
    SoftHsmToken.Loaded token = SoftHsmToken.shared();
    try {
      token.keyStore().setKeyEntry("insi", leaf.key(), null,
          new Certificate[] {leaf.certificate(), PKI.ca});
      java.security.Security.addProvider(token.provider());
      Diagnosis d = doctor(CertificateDoctor.Environment.TEST).examine(token.keyStore(), "insi", null);
      assertTrue(d.ok(), d.toString());
      assertFalse(d.failed(Check.PRIVATE_KEY));
    } finally {
      java.security.Security.removeProvider(token.provider().getName());
      ((AuthProvider) token.provider()).logout();
    }
  }
}
