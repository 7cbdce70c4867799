package dev.ins.insi.stub;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away test PKI generated in memory (RSA 2048 like IGC-Santé by default, EC P-256 on
 * request; valid one day): a root, an intermediate named
 * like the IGC-Santé organisations CA, the stub's server certificate (localhost, 127.0.0.1) and
 * client certificates with CN {@code INSI-AUTO}, {@code INSI-MANU}, a wrong CN, and a "rogue" one
 * issued by another root (its TLS handshake fails).
 *
 * <p>Nothing here is a real IGC-Santé certificate: every subject says "STUB". Key stores use the
 * password {@link #PASSWORD}. RSA is the default because IGC-Santé issues RSA certificates and
 * some third-party clients cannot load EC CA certificates. RSA key generation is slow, so the key
 * pairs (never the certificates) are drawn once per JVM and algorithm and reused by every PKI
 * generated in it.
 *
 * <pre>{@code
 * StubPki pki = StubPki.generate();                          // RSA
 * StubPki ec = StubPki.generate(StubPki.KeyAlgorithm.EC);   // EC P-256
 * KeyStore auto = pki.clientKeyStore(StubPki.Client.INSI_AUTO);
 * pki.writeTo(Path.of("target/stub-pki"));
 * }</pre>
 */
public final class StubPki {

  /** Password of every generated key store. */
  public static final String PASSWORD = "stub-insi";

  /** The generated client certificates. */
  public enum Client {
    /** CN=INSI-AUTO: accepted. */
    INSI_AUTO("INSI-AUTO"),
    /** CN=INSI-MANU: accepted. */
    INSI_MANU("INSI-MANU"),
    /** CN=INSI-WRONG: TLS succeeds, INSi answers fault DESIR_560. */
    WRONG_CN("INSI-WRONG"),
    /** CN=INSI-AUTO issued by another root: the TLS handshake fails. */
    ROGUE("INSI-AUTO");

    private final String cn;

    Client(String cn) {
      this.cn = cn;
    }

    /**
     * Returns the certificate's common name.
     *
     * @return the CN
     */
    public String commonName() {
      return cn;
    }

    /**
     * Returns the file base name used by {@link StubPki#writeTo}.
     *
     * @return e.g. {@code insi-auto}
     */
    public String fileName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The key algorithm of every certificate of a PKI. */
  public enum KeyAlgorithm {
    /** RSA 2048, SHA-256 with RSA signatures: like IGC-Santé (the default). */
    RSA("RSA", "SHA256withRSA"),
    /** EC P-256, SHA-256 with ECDSA signatures. */
    EC("EC", "SHA256withECDSA");

    private final String jca;
    private final String signature;

    KeyAlgorithm(String jca, String signature) {
      this.jca = jca;
      this.signature = signature;
    }

    /**
     * Returns the JCA key algorithm name, as TLS key managers see it.
     *
     * @return {@code RSA} or {@code EC}
     */
    public String jcaName() {
      return jca;
    }
  }

  /** A key with its chain, leaf first. */
  private record Issued(PrivateKey key, X509Certificate[] chain) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  /** How many key pairs one PKI uses: root, intermediate, server, 3 clients, rogue root, client, server. */
  private static final int KEYS = 9;
  private static final Map<KeyAlgorithm, List<KeyPair>> KEY_PAIRS = new java.util.concurrent.ConcurrentHashMap<>();

  private final KeyAlgorithm algorithm;
  private final X509Certificate root;
  private final X509Certificate intermediate;
  private final Issued server;
  private final Issued rogueServer;
  private final Map<Client, Issued> clients;

  private StubPki(KeyAlgorithm algorithm, X509Certificate root, X509Certificate intermediate, Issued server,
      Issued rogueServer, Map<Client, Issued> clients) {
    this.algorithm = algorithm;
    this.rogueServer = rogueServer;
    this.root = root;
    this.intermediate = intermediate;
    this.server = server;
    this.clients = clients;
  }

  /**
   * Generates fresh certificates with RSA keys, like IGC-Santé.
   *
   * @return the PKI
   */
  public static StubPki generate() {
    return generate(KeyAlgorithm.RSA);
  }

  /**
   * Generates fresh certificates with keys of the given algorithm.
   *
   * @param algorithm RSA (the default) or EC
   * @return the PKI
   */
  public static StubPki generate(KeyAlgorithm algorithm) {
    java.util.Objects.requireNonNull(algorithm, "algorithm");
    java.util.Iterator<KeyPair> keys = KEY_PAIRS.computeIfAbsent(algorithm, StubPki::keyPairs).iterator();
    try {
      Instant now = Instant.now();
      KeyPair rootKp = keys.next();
      X500Name rootName = new X500Name("C=FR, O=STUB INS SDK, OU=TEST ONLY, CN=STUB TEST AC RACINE IGC-SANTE ELEMENTAIRE");
      X509Certificate root = ca(rootName, rootKp.getPublic(), rootName, rootKp, now, null);
      KeyPair intKp = keys.next();
      X500Name intName = new X500Name(
          "C=FR, O=STUB INS SDK, OU=TEST ONLY, CN=STUB TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
      X509Certificate inter = ca(intName, intKp.getPublic(), rootName, rootKp, now, root);
      KeyPair srvKp = keys.next();
      X509Certificate srv = leaf(new X500Name("C=FR, O=STUB INS SDK, OU=TEST ONLY, CN=localhost"), srvKp,
          intName, intKp, inter, now, true);
      Issued server = new Issued(srvKp.getPrivate(), new X509Certificate[] {srv, inter});
      Map<Client, Issued> clients = new EnumMap<>(Client.class);
      for (Client c : new Client[] {Client.INSI_AUTO, Client.INSI_MANU, Client.WRONG_CN}) {
        KeyPair kp = keys.next();
        X509Certificate cert = leaf(subject(c), kp, intName, intKp, inter, now, false);
        clients.put(c, new Issued(kp.getPrivate(), new X509Certificate[] {cert, inter}));
      }
      KeyPair rogueRootKp = keys.next();
      X500Name rogueRootName = new X500Name("C=FR, O=STUB ROGUE, CN=STUB ROGUE ROOT");
      X509Certificate rogueRoot = ca(rogueRootName, rogueRootKp.getPublic(), rogueRootName, rogueRootKp, now, null);
      KeyPair rogueKp = keys.next();
      X509Certificate rogue = leaf(subject(Client.ROGUE), rogueKp, rogueRootName, rogueRootKp, rogueRoot, now, false);
      clients.put(Client.ROGUE, new Issued(rogueKp.getPrivate(), new X509Certificate[] {rogue, rogueRoot}));
      KeyPair rogueSrvKp = keys.next();
      X509Certificate rogueSrv = leaf(new X500Name("C=FR, O=STUB ROGUE, CN=localhost"), rogueSrvKp, rogueRootName,
          rogueRootKp, rogueRoot, now, true);
      Issued rogueServer = new Issued(rogueSrvKp.getPrivate(), new X509Certificate[] {rogueSrv, rogueRoot});
      return new StubPki(algorithm, root, inter, server, rogueServer, clients);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot generate the stub PKI", e);
    }
  }

  private static X500Name subject(Client c) {
    return new X500Name("C=FR, O=STUB CENTRE DE SANTE, OU=10B0000000, CN=" + c.commonName());
  }

  private static List<KeyPair> keyPairs(KeyAlgorithm algorithm) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.jca);
      if (algorithm == KeyAlgorithm.EC) {
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      } else {
        g.initialize(2048, RANDOM);
      }
      List<KeyPair> out = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        out.add(g.generateKeyPair());
      }
      return List.copyOf(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + algorithm + " keys", e);
    }
  }

  /**
   * Returns the key algorithm of every certificate of this PKI.
   *
   * @return RSA or EC
   */
  public KeyAlgorithm keyAlgorithm() {
    return algorithm;
  }

  private static X509Certificate ca(X500Name subject, java.security.PublicKey pub, X500Name issuer, KeyPair issuerKp,
      Instant now, X509Certificate issuerCert)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X509v3CertificateBuilder b = builder(issuer, subject, pub, now);
    JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuerCert == null ? 1 : 0));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(pub));
    if (issuerCert != null) {
      b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuerCert));
    }
    return sign(b, issuerKp);
  }

  private static X509Certificate leaf(X500Name subject, KeyPair kp, X500Name issuer, KeyPair issuerKp,
      X509Certificate issuerCert, Instant now, boolean serverCert)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X509v3CertificateBuilder b = builder(issuer, subject, kp.getPublic(), now);
    JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
        | ("RSA".equals(kp.getPublic().getAlgorithm()) ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement)));
    b.addExtension(Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(serverCert ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
    b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
    b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuerCert));
    if (serverCert) {
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }
    return sign(b, issuerKp);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, java.security.PublicKey pub,
      Instant now) {
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, pub);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKp)
      throws GeneralSecurityException, OperatorCreationException {
    String alg = "RSA".equals(issuerKp.getPrivate().getAlgorithm()) ? KeyAlgorithm.RSA.signature
        : KeyAlgorithm.EC.signature;
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder(alg).build(issuerKp.getPrivate())));
  }

  /**
   * Returns the root certificate clients must trust.
   *
   * @return the test root
   */
  public X509Certificate rootCertificate() {
    return root;
  }

  /**
   * Returns the intermediate CA ("organisations").
   *
   * @return the intermediate
   */
  public X509Certificate intermediateCertificate() {
    return intermediate;
  }

  /**
   * Returns a client certificate.
   *
   * @param client which one
   * @return the leaf certificate
   */
  public X509Certificate clientCertificate(Client client) {
    return clients.get(client).chain()[0];
  }

  /**
   * Returns a PKCS#12 key store holding a client key and its chain, alias {@code client},
   * password {@link #PASSWORD}.
   *
   * @param client which one
   * @return the key store
   */
  public KeyStore clientKeyStore(Client client) {
    Issued i = clients.get(client);
    return keyStore("client", i.key(), i.chain());
  }

  /**
   * Returns a PKCS#12 trust store holding only the test root.
   *
   * @return the trust store
   */
  public KeyStore trustStore() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("stub-root", root);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore keyStore(String alias, PrivateKey key, X509Certificate[] chain) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, key, PASSWORD.toCharArray(), chain);
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Builds the server-side TLS context: the stub's certificate, client certificates trusted only
   * when issued under the test root.
   *
   * @return the context
   */
  public SSLContext serverSslContext() {
    return serverSslContext(() -> false);
  }

  /**
   * Builds the server-side TLS context; when {@code rogueNext} answers true for a handshake, the
   * server presents a certificate issued by another root, so that the client's handshake fails.
   *
   * @param rogueNext asked once per handshake
   * @return the context
   */
  public SSLContext serverSslContext(java.util.function.BooleanSupplier rogueNext) {
    try {
      KeyStore ks = keyStore("server", server.key(), server.chain());
      ks.setKeyEntry("rogue", rogueServer.key(), PASSWORD.toCharArray(), rogueServer.chain());
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD.toCharArray());
      javax.net.ssl.X509ExtendedKeyManager base = null;
      for (javax.net.ssl.KeyManager km : kmf.getKeyManagers()) {
        if (km instanceof javax.net.ssl.X509ExtendedKeyManager) {
          base = (javax.net.ssl.X509ExtendedKeyManager) km;
        }
      }
      if (base == null) {
        throw new IllegalStateException("no X509ExtendedKeyManager");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trustStore());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new javax.net.ssl.KeyManager[] {new SwitchingKeyManager(base, rogueNext, algorithm.jcaName())},
          tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Chooses the normal or the rogue server certificate per handshake. */
  private static final class SwitchingKeyManager extends javax.net.ssl.X509ExtendedKeyManager {
    private final javax.net.ssl.X509ExtendedKeyManager base;
    private final java.util.function.BooleanSupplier rogueNext;
    private final String keyType;

    SwitchingKeyManager(javax.net.ssl.X509ExtendedKeyManager base, java.util.function.BooleanSupplier rogueNext,
        String keyType) {
      this.base = base;
      this.rogueNext = rogueNext;
      this.keyType = keyType;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, java.security.Principal[] issuers,
        javax.net.ssl.SSLEngine engine) {
      return choose(keyType);
    }

    /** Every key of a PKI has one type: other key types get no alias, and do not consume the flag. */
    private String choose(String asked) {
      if (!keyType.equals(asked)) {
        return null;
      }
      return rogueNext.getAsBoolean() ? "rogue" : "server";
    }

    @Override
    public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return choose(keyType);
    }

    @Override
    public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
      return base.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
      return base.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return base.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return base.getPrivateKey(alias);
    }
  }

  /**
   * Writes the PKI for non-Java users: for each client {@code <name>.p12}, {@code <name>.pem}
   * (certificate chain) and {@code <name>.key.pem} (PKCS#8 key); {@code truststore.p12} and
   * {@code ca.pem} (the root). Passwords are {@link #PASSWORD}.
   *
   * @param dir the directory, created if needed
   * @return the files written
   * @throws IOException when writing fails
   */
  public List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    try {
      for (Client c : Client.values()) {
        Issued i = clients.get(c);
        Path p12 = dir.resolve(c.fileName() + ".p12");
        try (OutputStream os = Files.newOutputStream(p12)) {
          clientKeyStore(c).store(os, PASSWORD.toCharArray());
        }
        out.add(p12);
        StringBuilder chain = new StringBuilder();
        for (X509Certificate x : i.chain()) {
          chain.append(pem("CERTIFICATE", x.getEncoded()));
        }
        out.add(Files.writeString(dir.resolve(c.fileName() + ".pem"), chain, StandardCharsets.US_ASCII));
        out.add(Files.writeString(dir.resolve(c.fileName() + ".key.pem"),
            pem("PRIVATE KEY", i.key().getEncoded()), StandardCharsets.US_ASCII));
      }
      Path ts = dir.resolve("truststore.p12");
      try (OutputStream os = Files.newOutputStream(ts)) {
        trustStore().store(os, PASSWORD.toCharArray());
      }
      out.add(ts);
      out.add(Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", root.getEncoded()),
          StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encode the stub PKI", e);
    }
    return out;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /**
   * Returns the certificate chain of a client, leaf first.
   *
   * @param client which one
   * @return the chain
   */
  public List<Certificate> clientChain(Client client) {
    return List.of(clients.get(client).chain());
  }
}
