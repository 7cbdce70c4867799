package dev.ins.security.testing;

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

/**
 * A synthetic PKI shaped like IGC-Santé's test range, for tests: a root ({@code TEST AC RACINE
 * IGC-SANTE ELEMENTAIRE}), an issuing CA ({@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS}),
 * leaf certificates (e.g. {@code CN=INSI-AUTO}), CRLs and OCSP responses. Nothing here is real or
 * trusted anywhere; keys are fresh P-256 keys. Shipped in the ins-security test-jar.
 *
 * <pre>{@code
 * SyntheticPki pki = new SyntheticPki();
 * X509Certificate leaf = pki.leaf("CN=INSI-AUTO,OU=10B0152872,O=CENTRE DE SANTE TEST,C=FR",
 *     SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(1)), SyntheticPki.NOW.plus(Duration.ofDays(365)));
 * }</pre>
 */
public final class SyntheticPki {
  /** The reference time of the fixtures. */
  public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** The root key. */
  public final KeyPair rootKey = ec();
  /** The root certificate. */
  public final X509Certificate root;
  /** The issuing CA key. */
  public final KeyPair caKey = ec();
  /** The issuing CA certificate. */
  public final X509Certificate ca;

  /**
   * Creates the root and the issuing CA.
   *
   * @throws Exception never in practice
   */
  public SyntheticPki() throws Exception {
    root = cert("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,O=ASIP-SANTE,C=FR", rootKey, new X500Name("CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE,O=ASIP-SANTE,C=FR"), rootKey, true, NOW.minus(Duration.ofDays(1000)), NOW.plus(Duration.ofDays(3000)), "SHA256withECDSA");
    ca = cert("CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR", caKey, name(root), rootKey, true, NOW.minus(Duration.ofDays(900)), NOW.plus(Duration.ofDays(2000)), "SHA256withECDSA");
  }

  /**
   * A fresh P-256 key pair.
   *
   * @return the pair
   * @throws Exception never in practice
   */
  public static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  /**
   * A fresh RSA key pair.
   *
   * @param bits the modulus size
   * @return the pair
   * @throws Exception never in practice
   */
  public static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  /**
   * An end-entity certificate issued by the CA (digitalSignature, clientAuth).
   *
   * @param subject the subject DN
   * @param key the subject key pair
   * @param from start of validity
   * @param to end of validity
   * @return the certificate
   * @throws Exception never in practice
   */
  public X509Certificate leaf(String subject, KeyPair key, Instant from, Instant to) throws Exception {
    return cert(subject, key, name(ca), caKey, false, from, to, "SHA256withECDSA");
  }

  /**
   * The subject name as encoded.
   *
   * @param c the certificate
   * @return the name
   */
  public static X500Name name(X509Certificate c) {
    return X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
  }

  /**
   * Any certificate.
   *
   * @param subject subject DN
   * @param subjectKey subject key pair
   * @param issuer issuer name
   * @param issuerKey issuer key pair
   * @param isCa whether it is a CA
   * @param from start of validity
   * @param to end of validity
   * @param sigAlg the JCA signature algorithm
   * @return the certificate
   * @throws Exception never in practice
   */
  public static X509Certificate cert(String subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey, boolean isCa, Instant from, Instant to, String sigAlg) throws Exception {
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

  /**
   * A DER OCSP response for {@code cert}, signed by its issuing CA.
   *
   * @param issuer the CA
   * @param issuerKey the CA key
   * @param cert the certificate
   * @param status the status
   * @param thisUpdate thisUpdate
   * @param nextUpdate nextUpdate
   * @return the encoded response
   * @throws Exception never in practice
   */
  public static byte[] ocsp(X509Certificate issuer, KeyPair issuerKey, X509Certificate cert, org.bouncycastle.cert.ocsp.CertificateStatus status, Instant thisUpdate, Instant nextUpdate) throws Exception {
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

  /**
   * A CRL signed by {@code issuer}.
   *
   * @param issuer the CA
   * @param issuerKey the CA key
   * @param thisUpdate thisUpdate
   * @param nextUpdate nextUpdate
   * @param revoked revoked certificates
   * @return the CRL
   * @throws Exception never in practice
   */
  public static X509CRL crl(X509Certificate issuer, KeyPair issuerKey, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) throws Exception {
    X509v2CRLBuilder b = new X509v2CRLBuilder(name(issuer), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(nextUpdate));
    for (X509Certificate r : revoked) {
      b.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }
}
