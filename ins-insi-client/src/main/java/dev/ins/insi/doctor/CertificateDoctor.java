package dev.ins.insi.doctor;

import dev.ins.insi.doctor.Finding.Check;
import dev.ins.insi.doctor.Finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Checks a software certificate or a PKCS#11 credential against what INSi requires in mutual-TLS
 * mode, and reports every problem in plain words instead of stopping at the first.
 *
 * <p>Checks: the credential can be read; a private key is there and matches the certificate; the
 * subject CN is exactly {@code INSI-AUTO} or {@code INSI-MANU}; the issuer is an IGC-Santé
 * "ELEMENTAIRE ORGANISATIONS" CA of the expected environment (test issuers start with
 * {@code TEST}); the certificate is valid now with time left (warning under the configured margin);
 * key usage allows digital signature and, when an extended key usage is present, TLS client
 * authentication; RSA keys are at least 2048 bits (EC at least 256); the chain leads to a
 * configured root; revocation per the configured {@link RevocationChecker}.
 *
 * <pre>{@code
 * CertificateDoctor doctor = CertificateDoctor.builder()
 *     .trustAnchor(igcSanteRoot).environment(CertificateDoctor.Environment.TEST).build();
 * Diagnosis d = doctor.examinePkcs12(Path.of("insi-auto.p12"), password);
 * d.findings().forEach(f -> System.out.println(f.severity() + " " + f.message()));
 * }</pre>
 */
public final class CertificateDoctor {

  /** The INSi environment a credential is meant for. */
  public enum Environment {
    /** INSi test platforms: certificates from "TEST AC IGC-SANTE ...". */
    TEST,
    /** Production: certificates from "AC IGC-SANTE ..." (no TEST prefix). */
    PRODUCTION
  }

  private static final Set<String> ALLOWED_CN = Set.of("INSI-AUTO", "INSI-MANU");
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private final Set<TrustAnchor> anchors;
  private final Environment environment;
  private final Clock clock;
  private final Duration warnBefore;
  private final RevocationChecker revocation;

  private CertificateDoctor(Builder b) {
    this.anchors = Set.copyOf(b.anchors);
    this.environment = b.environment;
    this.clock = b.clock;
    this.warnBefore = b.warnBefore;
    this.revocation = b.revocation;
  }

  /**
   * Starts a configuration.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Examines a PKCS#12 file. A wrong password or an unreadable file is a finding, not an exception.
   *
   * @param file the PKCS#12 file
   * @param password its password (the caller clears it afterwards)
   * @return the diagnosis
   */
  public Diagnosis examinePkcs12(Path file, char[] password) {
    KeyStore ks;
    try (InputStream in = Files.newInputStream(file)) {
      ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
    } catch (IOException e) {
      boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
      return new Diagnosis(List.of(new Finding(Severity.ERROR, Check.READABLE, wrongPassword
          ? "the PKCS#12 password is wrong (integrity check failed)"
          : "the file cannot be read as PKCS#12 (" + e.getClass().getSimpleName() + ")")));
    } catch (GeneralSecurityException e) {
      return new Diagnosis(List.of(new Finding(Severity.ERROR, Check.READABLE,
          "the PKCS#12 file cannot be opened (" + e.getClass().getSimpleName() + ")")));
    }
    return examine(ks, null, password);
  }

  /**
   * Examines a key entry of any key store (PKCS#12, or a PKCS#11 token through SunPKCS11).
   *
   * @param keyStore the loaded key store
   * @param alias the entry, or {@code null} to take the only key entry
   * @param keyPassword the key password ({@code null} for a PKCS#11 token already logged in)
   * @return the diagnosis
   */
  public Diagnosis examine(KeyStore keyStore, String alias, char[] keyPassword) {
    try {
      String chosen = alias;
      if (chosen == null) {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(keyStore.aliases())) {
          if (keyStore.isKeyEntry(a)) {
            keys.add(a);
          }
        }
        if (keys.size() != 1) {
          return new Diagnosis(List.of(new Finding(Severity.ERROR, Check.READABLE,
              keys.isEmpty() ? "no key entry in the key store"
                  : keys.size() + " key entries: name the one to use (alias)")));
        }
        chosen = keys.get(0);
      }
      Key key = keyStore.getKey(chosen, keyPassword);
      Certificate[] chain = keyStore.getCertificateChain(chosen);
      if (chain == null || chain.length == 0) {
        return new Diagnosis(List.of(new Finding(Severity.ERROR, Check.READABLE, "the entry has no certificate")));
      }
      List<X509Certificate> x509 = new ArrayList<>();
      for (Certificate c : chain) {
        x509.add((X509Certificate) c);
      }
      return examine(key instanceof PrivateKey pk ? pk : null, x509);
    } catch (GeneralSecurityException e) {
      return new Diagnosis(List.of(new Finding(Severity.ERROR, Check.READABLE,
          "the key entry cannot be read (" + e.getClass().getSimpleName() + ")")));
    }
  }

  /**
   * Examines a key and its chain (leaf first).
   *
   * @param key the private key, or {@code null} when only the certificate is checked
   * @param chain the leaf certificate first, then intermediates
   * @return the diagnosis
   */
  public Diagnosis examine(PrivateKey key, List<X509Certificate> chain) {
    List<Finding> out = new ArrayList<>();
    X509Certificate leaf = chain.get(0);
    checkKey(key, leaf, out);
    checkCn(leaf, out);
    checkIssuer(leaf, out);
    checkValidity(leaf, out);
    checkKeyUsage(leaf, out);
    checkStrength(leaf.getPublicKey(), out);
    checkChain(chain, out);
    checkRevocation(chain, out);
    return new Diagnosis(out);
  }

  private static void checkKey(PrivateKey key, X509Certificate leaf, List<Finding> out) {
    if (key == null) {
      out.add(new Finding(Severity.ERROR, Check.PRIVATE_KEY, "no private key: mutual TLS needs the key with the certificate"));
      return;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      String alg = "EC".equals(leaf.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(challenge);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(leaf.getPublicKey());
      v.update(challenge);
      if (!v.verify(sig)) {
        out.add(new Finding(Severity.ERROR, Check.PRIVATE_KEY, "the private key does not belong to the certificate"));
      }
    } catch (GeneralSecurityException e) {
      out.add(new Finding(Severity.ERROR, Check.PRIVATE_KEY,
          "the private key cannot sign with the certificate's algorithm (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static void checkCn(X509Certificate leaf, List<Finding> out) {
    String cn = cn(leaf.getSubjectX500Principal().getName());
    if (cn == null || !ALLOWED_CN.contains(cn)) {
      out.add(new Finding(Severity.ERROR, Check.CN, "the subject CN is '" + (cn == null ? "" : cn)
          + "' but INSi accepts exactly INSI-AUTO or INSI-MANU (otherwise fault DESIR_560)"));
    }
  }

  private void checkIssuer(X509Certificate leaf, List<Finding> out) {
    String issuer = cn(leaf.getIssuerX500Principal().getName());
    String upper = issuer == null ? "" : issuer.toUpperCase(Locale.ROOT);
    if (!upper.contains("IGC-SANTE") || !upper.contains("ORGANISATIONS")) {
      out.add(new Finding(Severity.ERROR, Check.ISSUER, "the issuer '" + (issuer == null ? "" : issuer)
          + "' is not an IGC-Santé ELEMENTAIRE ORGANISATIONS authority"));
      return;
    }
    boolean test = upper.startsWith("TEST ");
    if (environment == Environment.PRODUCTION && test) {
      out.add(new Finding(Severity.ERROR, Check.ISSUER, "a TEST IGC-Santé certificate cannot be used in production"));
    } else if (environment == Environment.TEST && !test) {
      out.add(new Finding(Severity.ERROR, Check.ISSUER, "a production IGC-Santé certificate is configured for the test platform"));
    }
  }

  private void checkValidity(X509Certificate leaf, List<Finding> out) {
    Instant now = clock.instant();
    Instant start = leaf.getNotBefore().toInstant();
    Instant end = leaf.getNotAfter().toInstant();
    if (now.isBefore(start)) {
      out.add(new Finding(Severity.ERROR, Check.VALIDITY, "the certificate is not valid yet (starts " + start + ")"));
    } else if (now.isAfter(end)) {
      out.add(new Finding(Severity.ERROR, Check.VALIDITY, "the certificate expired on " + end));
    } else {
      long days = Duration.between(now, end).toDays();
      if (Duration.between(now, end).compareTo(warnBefore) < 0) {
        out.add(new Finding(Severity.WARNING, Check.VALIDITY, "the certificate expires in " + days + " day(s): renew it now"));
      } else {
        out.add(new Finding(Severity.INFO, Check.VALIDITY, "valid until " + end + " (" + days + " days left)"));
      }
    }
  }

  private static void checkKeyUsage(X509Certificate leaf, List<Finding> out) {
    boolean[] ku = leaf.getKeyUsage();
    if (ku != null && !ku[0]) {
      out.add(new Finding(Severity.ERROR, Check.KEY_USAGE, "key usage lacks digitalSignature, required for TLS client authentication"));
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      if (eku != null && !eku.contains(CLIENT_AUTH) && !eku.contains("2.5.29.37.0")) {
        out.add(new Finding(Severity.ERROR, Check.KEY_USAGE, "extended key usage does not allow TLS client authentication"));
      }
    } catch (CertificateParsingException e) {
      out.add(new Finding(Severity.ERROR, Check.KEY_USAGE, "the extended key usage extension cannot be read"));
    }
  }

  private static void checkStrength(PublicKey key, List<Finding> out) {
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
      out.add(new Finding(Severity.ERROR, Check.KEY_STRENGTH, "RSA key of " + rsa.getModulus().bitLength() + " bits: at least 2048 required"));
    } else if (key instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() < 256) {
      out.add(new Finding(Severity.ERROR, Check.KEY_STRENGTH, "EC key below 256 bits"));
    }
  }

  private void checkChain(List<X509Certificate> chain, List<Finding> out) {
    if (anchors.isEmpty()) {
      out.add(new Finding(Severity.WARNING, Check.CHAIN, "no root configured: the chain was not checked (supply the IGC-Santé roots)"));
      return;
    }
    try {
      List<X509Certificate> path = new ArrayList<>(chain);
      path.removeIf(c -> anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c)));
      PKIXParameters p = new PKIXParameters(new HashSet<>(anchors));
      p.setRevocationEnabled(false);
      p.setDate(Date.from(clock.instant()));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), p);
    } catch (GeneralSecurityException e) {
      out.add(new Finding(Severity.ERROR, Check.CHAIN,
          "the chain does not lead to a configured root (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private void checkRevocation(List<X509Certificate> chain, List<Finding> out) {
    if (revocation == null) {
      out.add(new Finding(Severity.WARNING, Check.REVOCATION, "no revocation policy configured: revocation not checked"));
      return;
    }
    X509Certificate leaf = chain.get(0);
    X509Certificate issuer = chain.size() > 1 ? chain.get(1) : anchors.stream().map(TrustAnchor::getTrustedCert)
        .filter(c -> c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())).findFirst().orElse(null);
    switch (revocation.status(leaf, issuer)) {
      case REVOKED -> out.add(new Finding(Severity.ERROR, Check.REVOCATION, "the certificate is revoked"));
      case UNKNOWN -> out.add(new Finding(Severity.WARNING, Check.REVOCATION, "revocation status unknown for this certificate"));
      case GOOD -> { }
      default -> throw new IllegalStateException();
    }
  }

  private static String cn(String dn) {
    try {
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return null;
    }
    return null;
  }

  /**
   * Configures a {@link CertificateDoctor}.
   *
   * <pre>{@code
   * CertificateDoctor.builder().trustAnchor(root).environment(Environment.PRODUCTION)
   *     .revocation(RevocationChecker.fromCrls(crls)).warnBefore(Duration.ofDays(30)).build();
   * }</pre>
   */
  public static final class Builder {
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private Environment environment;
    private Clock clock = Clock.systemUTC();
    private Duration warnBefore = Duration.ofDays(30);
    private RevocationChecker revocation;

    private Builder() {}

    /**
     * Adds a trusted root (the IGC-Santé roots, supplied by the user).
     *
     * @param root the root certificate
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate root) {
      anchors.add(new TrustAnchor(Objects.requireNonNull(root, "root"), null));
      return this;
    }

    /**
     * Sets the environment the credential is meant for (required).
     *
     * @param environment test or production
     * @return this builder
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Sets the clock (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long before expiry a warning is given (default 30 days).
     *
     * @param margin the margin, not negative
     * @return this builder
     */
    public Builder warnBefore(Duration margin) {
      if (margin.isNegative()) {
        throw new IllegalArgumentException("margin must not be negative");
      }
      this.warnBefore = margin;
      return this;
    }

    /**
     * Sets the revocation policy (default: none, reported as a warning).
     *
     * @param checker the checker
     * @return this builder
     */
    public Builder revocation(RevocationChecker checker) {
      this.revocation = Objects.requireNonNull(checker, "checker");
      return this;
    }

    /**
     * Builds the doctor.
     *
     * @return the doctor
     * @throws IllegalStateException when the environment is not set
     */
    public CertificateDoctor build() {
      if (environment == null) {
        throw new IllegalStateException("environment required (TEST or PRODUCTION): never inferred");
      }
      return new CertificateDoctor(this);
    }
  }
}
