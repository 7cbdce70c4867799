package dev.ins.insi.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests, shaped like IGC-Santé: a root, an "ELEMENTAIRE ORGANISATIONS"
 * intermediate (test flavour by default), and leaf certificates with chosen defects.
 */
public final class TestPki {

  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** A key pair with its certificate. */
  public record Issued(PrivateKey key, X509Certificate certificate) {}

  private final Instant now;
  private final Issued root;
  private final Issued intermediate;

  /**
   * Creates the PKI with certificates valid around {@code now}.
   *
   * @param now the reference instant
   * @param test whether the intermediate is the TEST flavour
   */
  public TestPki(Instant now, boolean test) {
    this.now = now;
    this.root = ca(null, (test ? "TEST " : "") + "AC RACINE IGC-SANTE ELEMENTAIRE");
    this.intermediate = ca(root, (test ? "TEST " : "") + "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
  }

  /** The root CA. */
  public Issued root() {
    return root;
  }

  /** The issuing CA. */
  public Issued intermediate() {
    return intermediate;
  }

  /** A good INSI-AUTO certificate. */
  public Issued insiAuto() {
    return leaf(intermediate, "INSI-AUTO", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(700)), true, true, 2048);
  }

  /**
   * A leaf certificate.
   *
   * @param issuer the issuing CA
   * @param cn the subject CN
   * @param from start of validity
   * @param to end of validity
   * @param digitalSignature whether key usage has digitalSignature
   * @param clientAuth whether the EKU has clientAuth (else serverAuth only)
   * @param bits RSA key size
   * @return the key and certificate
   */
  public Issued leaf(Issued issuer, String cn, Instant from, Instant to, boolean digitalSignature, boolean clientAuth, int bits) {
    try {
      KeyPair kp = rsa(bits);
      X500Name subject = new X500Name("C=FR,O=CENTRE DE SANTE TEST,OU=10B0000001,CN=" + cn);
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          issuer.certificate(), BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(from), Date.from(to), subject, kp.getPublic());
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(digitalSignature ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(clientAuth ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
      return new Issued(kp.getPrivate(), sign(b, issuer.key()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A CA certificate (self-signed when {@code issuer} is null).
   *
   * @param issuer the parent, or null
   * @param cn the CN
   * @return the CA key and certificate
   */
  public Issued ca(Issued issuer, String cn) {
    try {
      KeyPair kp = rsa(2048);
      X500Name subject = new X500Name("C=FR,O=ASIP-SANTE TEST PKI,CN=" + cn);
      X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(now.minus(Duration.ofDays(365))), Date.from(now.plus(Duration.ofDays(3650))), subject,
          org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new Issued(kp.getPrivate(), sign(b, issuer == null ? kp.getPrivate() : issuer.key()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A CRL of the intermediate listing the given certificates.
   *
   * @param revoked the revoked certificates
   * @return the CRL
   */
  public X509CRL crl(X509Certificate... revoked) {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(
          X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
      b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
      for (X509Certificate c : revoked) {
        b.addCRLEntry(c.getSerialNumber(), Date.from(now.minus(Duration.ofDays(1))), 0);
      }
      ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(intermediate.key());
      X509CRLHolder h = b.build(s);
      return new JcaX509CRLConverter().getCRL(h);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a PKCS#12 file's bytes holding the key and its chain (leaf, intermediate).
   *
   * @param leaf the key and certificate
   * @param password the password
   * @return the PKCS#12 bytes
   */
  public byte[] pkcs12(Issued leaf, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("insi", leaf.key(), password, new java.security.cert.Certificate[] {leaf.certificate(), intermediate.certificate()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
    ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(key);
    return new JcaX509CertificateConverter().getCertificate(b.build(s));
  }
}
