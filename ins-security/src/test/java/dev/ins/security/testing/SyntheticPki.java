package dev.ins.security.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
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
 * A synthetic PKI shaped like IGC-Santé, for tests: a root ({@code TEST AC RACINE IGC-SANTE
 * ELEMENTAIRE}), an issuing CA ({@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS}), leaf
 * certificates (e.g. {@code CN=INSI-AUTO}) with chosen defects, CRLs, OCSP responses and PKCS#12
 * files. Shipped in the ins-security test-jar ({@code dev.ins:ins-security:test-jar}).
 *
 * <p>Invariants: nothing here is real or trusted anywhere; every instance makes fresh keys (EC
 * P-256 by default, RSA 2048 on request, which XML-DSig RSA-SHA256 needs); the root is valid from
 * {@code now - 1000 days} to {@code now + 3000 days}, the issuing CA from {@code now - 900 days} to
 * {@code now + 2000 days}; the production flavour drops the {@code TEST } prefix of the CA names.
 * Serial numbers are unique across instances. Signatures use SHA-256 with the signer's key type.
 *
 * <pre>{@code
 * SyntheticPki pki = new SyntheticPki();                     // EC, TEST names, at SyntheticPki.NOW
 * X509Certificate leaf = pki.leaf("CN=INSI-AUTO,OU=10B0152872,O=CENTRE DE SANTE TEST,C=FR",
 *     SyntheticPki.ec(), SyntheticPki.NOW.minus(Duration.ofDays(1)), SyntheticPki.NOW.plus(Duration.ofDays(365)));
 *
 * SyntheticPki rsa = new SyntheticPki(Instant.now(), SyntheticPki.KeyType.RSA, true);
 * SyntheticPki.Issued noSig = rsa.issue("INSI-AUTO", from, to, LeafProfile.DEFAULT.withoutDigitalSignature());
 * byte[] p12 = rsa.pkcs12(rsa.insiAuto(), password);        // leaf + issuing CA
 * X509CRL crl = rsa.caCrl(noSig.certificate());              // the issuing CA revokes it
 * }</pre>
 */
public final class SyntheticPki {
  /** The reference time of the fixtures made by {@link #SyntheticPki()}. */
  public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** The key type of the CAs and of the leaves made by {@link #issue}. */
  public enum KeyType {
    /** EC P-256 (leaf size choosable through {@link LeafProfile#keyBits()}: 256, 384, 521). */
    EC,
    /** RSA 2048 (leaf size choosable through {@link LeafProfile#keyBits()}). */
    RSA
  }

  /**
   * A private key with its certificate.
   *
   * @param key the private key
   * @param certificate the certificate of its public key
   */
  public record Issued(PrivateKey key, X509Certificate certificate) {
    /**
     * Checks both parts are present.
     *
     * @param key the private key
     * @param certificate the certificate
     */
    public Issued {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(certificate, "certificate");
    }
  }

  /**
   * What a leaf made by {@link #issue} carries. The default is a good INSi client certificate:
   * key usage digitalSignature (plus keyEncipherment for RSA), EKU clientAuth, default key size.
   *
   * <pre>{@code
   * LeafProfile.DEFAULT.withoutDigitalSignature().keyBits(1024)  // a weak key without signature usage
   * }</pre>
   *
   * @param digitalSignature whether the key usage has digitalSignature
   * @param clientAuth whether the extended key usage is clientAuth (else serverAuth only)
   * @param keyBits the leaf key size, or 0 for the key type's default (RSA 2048, EC 256)
   */
  public record LeafProfile(boolean digitalSignature, boolean clientAuth, int keyBits) {
    /** digitalSignature, clientAuth, default key size. */
    public static final LeafProfile DEFAULT = new LeafProfile(true, true, 0);

    /**
     * Checks the key size is not negative.
     *
     * @param digitalSignature whether the key usage has digitalSignature
     * @param clientAuth whether the extended key usage is clientAuth
     * @param keyBits the key size, or 0 for the default
     */
    public LeafProfile {
      if (keyBits < 0) {
        throw new IllegalArgumentException("keyBits must be 0 (default) or positive: " + keyBits);
      }
    }

    /**
     * This profile without digitalSignature in the key usage.
     *
     * @return the profile
     */
    public LeafProfile withoutDigitalSignature() {
      return new LeafProfile(false, clientAuth, keyBits);
    }

    /**
     * This profile with serverAuth instead of clientAuth as extended key usage.
     *
     * @return the profile
     */
    public LeafProfile serverAuthOnly() {
      return new LeafProfile(digitalSignature, false, keyBits);
    }

    /**
     * This profile with another key size.
     *
     * @param bits the RSA modulus or EC field size
     * @return the profile
     */
    public LeafProfile keyBits(int bits) {
      return new LeafProfile(digitalSignature, clientAuth, bits);
    }
  }

  /** The root key. */
  public final KeyPair rootKey;
  /** The root certificate. */
  public final X509Certificate root;
  /** The issuing CA key. */
  public final KeyPair caKey;
  /** The issuing CA certificate. */
  public final X509Certificate ca;
  private final Instant now;
  private final KeyType keyType;

  /** Creates an EC root and issuing CA with TEST names, valid around {@link #NOW}. */
  public SyntheticPki() {
    this(NOW, KeyType.EC, true);
  }

  /**
   * Creates the root and the issuing CA.
   *
   * @param now the reference instant (CA validity, {@link #insiAuto()}, {@link #caCrl})
   * @param keyType the key type of the CAs and of the leaves made by {@link #issue}
   * @param test whether the CA names are the TEST flavour ({@code TEST AC ...}) or production
   */
  public SyntheticPki(Instant now, KeyType keyType, boolean test) {
    this.now = Objects.requireNonNull(now, "now");
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    String prefix = test ? "TEST " : "";
    String ou = test ? "IGC-SANTE TEST" : "IGC-SANTE";
    try {
      rootKey = keyPair(keyType, 0);
      String rootDn = "CN=" + prefix + "AC RACINE IGC-SANTE ELEMENTAIRE,O=ASIP-SANTE,C=FR";
      root = cert(rootDn, rootKey, new X500Name(rootDn), rootKey, true, now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(3000)), signatureAlgorithm(rootKey.getPrivate()));
      caKey = keyPair(keyType, 0);
      ca = cert("CN=" + prefix + "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=" + ou + ",O=ASIP-SANTE,C=FR", caKey, name(root), rootKey, true,
          now.minus(Duration.ofDays(900)), now.plus(Duration.ofDays(2000)), signatureAlgorithm(rootKey.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the synthetic PKI", e);
    }
  }

  /**
   * The reference instant.
   *
   * @return the instant given at construction
   */
  public Instant now() {
    return now;
  }

  /**
   * The root as key and certificate.
   *
   * @return the root
   */
  public Issued rootCa() {
    return new Issued(rootKey.getPrivate(), root);
  }

  /**
   * The issuing CA as key and certificate.
   *
   * @return the issuing CA
   */
  public Issued issuingCa() {
    return new Issued(caKey.getPrivate(), ca);
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
   * An end-entity certificate issued by the CA (digitalSignature, clientAuth) for a given key.
   *
   * @param subject the subject DN
   * @param key the subject key pair
   * @param from start of validity
   * @param to end of validity
   * @return the certificate
   * @throws Exception never in practice
   */
  public X509Certificate leaf(String subject, KeyPair key, Instant from, Instant to) throws Exception {
    return cert(subject, key, name(ca), caKey, false, from, to, signatureAlgorithm(caKey.getPrivate()));
  }

  /**
   * A good {@code INSI-AUTO} certificate issued by the CA, valid from {@code now - 10 days} to
   * {@code now + 700 days}, with a fresh key.
   *
   * @return the key and certificate
   */
  public Issued insiAuto() {
    return issue("INSI-AUTO", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(700)), LeafProfile.DEFAULT);
  }

  /**
   * A leaf certificate issued by the CA for a fresh key, subject
   * {@code C=FR,O=CENTRE DE SANTE TEST,OU=10B0000001,CN=<cn>}.
   *
   * @param cn the subject CN (e.g. {@code INSI-AUTO}, a CPS holder's identifier)
   * @param from start of validity
   * @param to end of validity
   * @param profile the key usage, extended key usage and key size
   * @return the key and certificate
   */
  public Issued issue(String cn, Instant from, Instant to, LeafProfile profile) {
    return issue(issuingCa(), cn, from, to, profile);
  }

  /**
   * A leaf certificate issued by {@code issuer} for a fresh key of this PKI's key type.
   *
   * @param issuer the issuing CA (e.g. {@link #issuingCa()} or one from {@link #caUnder})
   * @param cn the subject CN
   * @param from start of validity
   * @param to end of validity
   * @param profile the key usage, extended key usage and key size
   * @return the key and certificate
   */
  public Issued issue(Issued issuer, String cn, Instant from, Instant to, LeafProfile profile) {
    try {
      KeyPair kp = keyPair(keyType, profile.keyBits());
      int usage = profile.digitalSignature() ? KeyUsage.digitalSignature : 0;
      if (keyType == KeyType.RSA) {
        usage |= KeyUsage.keyEncipherment;
      }
      X509v3CertificateBuilder b = builder(name(issuer.certificate()), new X500Name("C=FR,O=CENTRE DE SANTE TEST,OU=10B0000001,CN=" + cn),
          kp.getPublic(), from, to);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(profile.clientAuth() ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
      return new Issued(kp.getPrivate(), sign(b, issuer.key()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue the leaf certificate", e);
    }
  }

  /**
   * Another CA, {@code CN=<cn>,O=ASIP-SANTE,C=FR}, issued by {@code parent} with the CA's validity
   * (e.g. a CA that INSi does not accept, under a trusted root).
   *
   * @param parent the parent CA (e.g. {@link #rootCa()})
   * @param cn the CA's CN
   * @return the CA key and certificate
   */
  public Issued caUnder(Issued parent, String cn) {
    try {
      KeyPair kp = keyPair(keyType, 0);
      X509Certificate c = cert("CN=" + cn + ",O=ASIP-SANTE,C=FR", kp, name(parent.certificate()), new KeyPair(parent.certificate().getPublicKey(), parent.key()),
          true, now.minus(Duration.ofDays(900)), now.plus(Duration.ofDays(2000)), signatureAlgorithm(parent.key()));
      return new Issued(kp.getPrivate(), c);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the CA certificate", e);
    }
  }

  /**
   * A CRL of the issuing CA: thisUpdate {@code now}, nextUpdate {@code now + 7 days}, each given
   * certificate revoked (keyCompromise) at {@code now - 1 day}.
   *
   * @param revoked the revoked certificates (none for an empty CRL)
   * @return the CRL
   */
  public X509CRL caCrl(X509Certificate... revoked) {
    try {
      return crl(ca, caKey.getPrivate(), now, now.plus(Duration.ofDays(7)), now.minus(Duration.ofDays(1)), revoked);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the CRL", e);
    }
  }

  /**
   * The bytes of a PKCS#12 file holding {@code leaf}'s key under alias {@code insi} with the chain
   * (leaf certificate, issuing CA certificate).
   *
   * @param leaf the key and certificate, issued by this PKI's issuing CA
   * @param password the store and key password
   * @return the PKCS#12 bytes
   */
  public byte[] pkcs12(Issued leaf, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("insi", leaf.key(), password, new Certificate[] {leaf.certificate(), ca});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the PKCS#12 file", e);
    }
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
   * Any certificate. A CA gets keyCertSign and cRLSign; an end entity gets digitalSignature and
   * EKU clientAuth.
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
    X509v3CertificateBuilder b = builder(issuer, new X500Name(subject), subjectKey.getPublic(), from, to);
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
        b.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey.getPrivate())).build(issuerKey.getPrivate()), new org.bouncycastle.cert.X509CertificateHolder[] {new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer)}, Date.from(thisUpdate));
    return new org.bouncycastle.cert.ocsp.OCSPRespBuilder().build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
  }

  /**
   * A CRL signed by {@code issuer}, each given certificate revoked (keyCompromise) at {@code thisUpdate}.
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
    return crl(issuer, issuerKey.getPrivate(), thisUpdate, nextUpdate, thisUpdate, revoked);
  }

  private static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, Instant thisUpdate, Instant nextUpdate, Instant revokedAt, X509Certificate... revoked) throws Exception {
    X509v2CRLBuilder b = new X509v2CRLBuilder(name(issuer), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(nextUpdate));
    for (X509Certificate r : revoked) {
      b.addCRLEntry(r.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey)));
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant from, Instant to) {
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey)));
  }

  private static KeyPair keyPair(KeyType type, int bits) throws Exception {
    return type == KeyType.RSA ? rsa(bits == 0 ? 2048 : bits) : ec(bits == 0 ? 256 : bits);
  }

  private static KeyPair ec(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(bits);
    return g.generateKeyPair();
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
  }
}
