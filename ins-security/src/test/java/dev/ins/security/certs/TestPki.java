package dev.ins.security.certs;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A synthetic IGC-Santé-shaped PKI for tests (names only look like IGC-Santé; nothing is real). */
final class TestPki {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  final KeyPair rootKey = ec();
  final X509Certificate root;
  final KeyPair caKey = ec();
  final X509Certificate ca;

  TestPki() throws Exception {
    root = cert("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,O=ASIP-SANTE,C=FR", rootKey, new X500Name("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,O=ASIP-SANTE,C=FR"), rootKey, true, NOW.minus(Duration.ofDays(1000)), NOW.plus(Duration.ofDays(3000)), "SHA256withECDSA");
    ca = cert("CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR", caKey, name(root), rootKey, true, NOW.minus(Duration.ofDays(900)), NOW.plus(Duration.ofDays(2000)), "SHA256withECDSA");
  }

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  X509Certificate leaf(String subject, KeyPair key, Instant from, Instant to) throws Exception {
    return cert(subject, key, name(ca), caKey, false, from, to, "SHA256withECDSA");
  }

  static X500Name name(X509Certificate c) {
    return X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
  }

  static X509Certificate cert(String subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey, boolean isCa, Instant from, Instant to, String sigAlg) throws Exception {
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), new X500Name(subject), subjectKey.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (isCa) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    }
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(sigAlg).build(issuerKey.getPrivate())));
  }

  /** Builds a DER OCSP response for {@code cert}, signed by its issuing CA. */
  static byte[] ocsp(X509Certificate issuer, KeyPair issuerKey, X509Certificate cert, org.bouncycastle.cert.ocsp.CertificateStatus status, Instant thisUpdate, Instant nextUpdate) throws Exception {
    org.bouncycastle.operator.DigestCalculatorProvider dcp = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
    org.bouncycastle.cert.ocsp.CertificateID id =
        new org.bouncycastle.cert.ocsp.CertificateID(dcp.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer), cert.getSerialNumber());
    org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder b =
        new org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder(new org.bouncycastle.cert.ocsp.RespID(name(issuer)));
    b.addResponse(id, status, Date.from(thisUpdate), Date.from(nextUpdate), null);
    org.bouncycastle.cert.ocsp.BasicOCSPResp basic =
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate()), new org.bouncycastle.cert.X509CertificateHolder[] {new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer)}, Date.from(thisUpdate));
    return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
  }

  static X509CRL crl(X509Certificate issuer, KeyPair issuerKey, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) throws Exception {
    X509v2CRLBuilder b = new X509v2CRLBuilder(name(issuer), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(nextUpdate));
    for (X509Certificate r : revoked) {
      b.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }
}
