package dev.ins.insi.doctor;

import dev.ins.insi.doctor.Finding.Check;
import dev.ins.insi.doctor.Finding.Severity;
import dev.ins.security.certs.InsiCertificateCheck;
import dev.ins.security.certs.RevocationCheck;
import dev.ins.security.certs.RevocationPolicy;
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
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>Checks: the credential can be read; a private key is there and matches the certificate; then
 * ins-security's rules for INSi client certificates ({@link InsiCertificateCheck}: CN exactly
 * {@code INSI-AUTO} or {@code INSI-MANU}, IGC-Santé "ELEMENTAIRE ORGANISATIONS" issuer of the
 * expected environment, validity with 60/30/7-day expiry warnings, key usage and TLS client
 * authentication, RSA of at least 2048 bits, no SHA-1); the chain to the configured roots; and
 * revocation per ins-security's {@link RevocationPolicy} when one is configured.
 *
 * <pre>{@code
 * CertificateDoctor doctor = CertificateDoctor.builder()
 *     .trustAnchor(igcSanteRoot).environment(CertificateDoctor.Environment.TEST)
 *     .revocation(RevocationPolicy.offlineHardFail(), cachedCrls).build();
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


  private final Set<TrustAnchor> anchors;
  private final Environment environment;
  private final Clock clock;
  private final RevocationPolicy policy;
  private final List<X509CRL> crls;

  private CertificateDoctor(Builder b) {
    this.anchors = Set.copyOf(b.anchors);
    this.environment = b.environment;
    this.clock = b.clock;
    this.policy = b.policy;
    this.crls = List.copyOf(b.crls);
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
    checkInsiRules(leaf, out);
    checkChainAndRevocation(chain, out);
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

  /** Applies ins-security's INSi rules for IGC-Santé client certificates, keeping each rule's identity. */
  private void checkInsiRules(X509Certificate leaf, List<Finding> out) {
    InsiCertificateCheck.Verdict v = InsiCertificateCheck.check(leaf, clock.instant(), environment == Environment.TEST);
    for (InsiCertificateCheck.Issue issue : v.issues()) {
      Check check = switch (issue.rule()) {
        case SUBJECT_CN -> Check.CN;
        case ISSUER -> Check.ISSUER;
        case VALIDITY -> Check.VALIDITY;
        case KEY_USAGE, EXTENDED_KEY_USAGE -> Check.KEY_USAGE;
        case KEY_STRENGTH, SIGNATURE_ALGORITHM -> Check.KEY_STRENGTH;
      };
      out.add(new Finding(issue.refusal() ? Severity.ERROR : Severity.WARNING, check, issue.text()));
    }
    Instant now = clock.instant();
    Instant end = leaf.getNotAfter().toInstant();
    if (!now.isBefore(leaf.getNotBefore().toInstant()) && now.isBefore(end)) {
      out.add(new Finding(Severity.INFO, Check.VALIDITY, "valid until " + end + " (" + Duration.between(now, end).toDays() + " days left)"));
    }
  }

  /** The chain to the configured roots, with revocation per the ins-security policy when one is set. */
  private void checkChainAndRevocation(List<X509Certificate> chain, List<Finding> out) {
    if (anchors.isEmpty()) {
      out.add(new Finding(Severity.WARNING, Check.CHAIN, "no root configured: the chain was not checked (supply the IGC-Santé roots)"));
      out.add(new Finding(Severity.WARNING, Check.REVOCATION, "no root configured: revocation not checked"));
      return;
    }
    List<X509Certificate> path = new ArrayList<>(chain);
    path.removeIf(c -> anchors.stream().anyMatch(a -> a.getTrustedCert().equals(c)));
    if (policy == null) {
      try {
        PKIXParameters p = new PKIXParameters(new HashSet<>(anchors));
        p.setRevocationEnabled(false);
        p.setDate(Date.from(clock.instant()));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), p);
      } catch (GeneralSecurityException e) {
        out.add(new Finding(Severity.ERROR, Check.CHAIN,
            "the chain does not lead to a configured root (" + e.getClass().getSimpleName() + ")"));
      }
      out.add(new Finding(Severity.WARNING, Check.REVOCATION, "no revocation policy configured: revocation not checked"));
      return;
    }
    RevocationCheck.Result r = RevocationCheck.check(path, anchors, crls, clock.instant(), policy);
    switch (r.status()) {
      case GOOD -> { }
      case REVOKED -> out.add(new Finding(Severity.ERROR, Check.REVOCATION, "the certificate is revoked"));
      case UNDETERMINED -> out.add(new Finding(r.accepted() ? Severity.WARNING : Severity.ERROR, Check.REVOCATION,
          "revocation status undetermined (no valid CRL or OCSP answer)" + (r.accepted() ? ": accepted by the soft-fail policy" : "")));
      case INVALID_PATH -> out.add(new Finding(Severity.ERROR, Check.CHAIN, "the chain does not lead to a configured root: "
          + r.log().get(r.log().size() - 1)));
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
   *     .revocation(RevocationPolicy.offlineHardFail(), crls).build();
   * }</pre>
   */
  public static final class Builder {
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private Environment environment;
    private Clock clock = Clock.systemUTC();
    private RevocationPolicy policy;
    private final List<X509CRL> crls = new ArrayList<>();

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
     * Checks revocation with an ins-security policy (default: none, reported as a warning), with
     * the CRLs the caller holds (downloaded and cached by the caller's own schedule).
     *
     * @param policy the policy, e.g. {@link RevocationPolicy#offlineHardFail()}
     * @param crls the CRLs of the IGC-Santé CAs
     * @return this builder
     */
    public Builder revocation(RevocationPolicy policy, Collection<X509CRL> crls) {
      this.policy = Objects.requireNonNull(policy, "policy");
      this.crls.clear();
      this.crls.addAll(crls);
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
