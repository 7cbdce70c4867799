package dev.ins.security.certs;

import dev.ins.security.certs.IgcSanteCertificate.Domain;
import dev.ins.security.certs.IgcSanteCertificate.ExpiryStatus;
import dev.ins.security.certs.IgcSanteCertificate.Range;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says in plain words why INSi will refuse a client certificate, before a call fails with an
 * opaque error.
 *
 * <p>Rules: subject CN {@code INSI-AUTO} or {@code INSI-MANU} (otherwise INSi answers DESIR_560);
 * issued by {@code AC IGC-SANTE ELEMENTAIRE ORGANISATIONS} (or its {@code TEST} twin in the test
 * environment); within its validity period; key usage, when present, allows digital signatures;
 * extended key usage, when present, includes TLS client authentication; RSA keys of at least 2048
 * bits; no SHA-1 signature. Expiry within 60/30/7 days is a warning.
 *
 * <pre>{@code
 * InsiCertificateCheck.Verdict v = InsiCertificateCheck.check(cert, clock.instant(), false);
 * if (!v.accepted()) v.reasons().forEach(System.out::println);
 * }</pre>
 */
public final class InsiCertificateCheck {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private InsiCertificateCheck() {}

  /** The rule an issue is about, so that callers can branch without reading the words. */
  public enum Rule {
    /** Subject CN must be INSI-AUTO or INSI-MANU. */
    SUBJECT_CN,
    /** Issuer must be the IGC-Santé ELEMENTAIRE ORGANISATIONS CA of the environment. */
    ISSUER,
    /** Validity period (expired, not yet valid, expiring soon). */
    VALIDITY,
    /** Key usage must allow digital signatures. */
    KEY_USAGE,
    /** Extended key usage must include TLS client authentication. */
    EXTENDED_KEY_USAGE,
    /** Key algorithm and size. */
    KEY_STRENGTH,
    /** The certificate's own signature algorithm (no SHA-1). */
    SIGNATURE_ALGORITHM
  }

  /**
   * One issue found.
   *
   * @param rule the rule
   * @param refusal true when INSi will refuse the certificate, false for a warning
   * @param text plain words
   */
  public record Issue(Rule rule, boolean refusal, String text) {
    /**
     * Validates.
     *
     * @param rule the rule
     * @param refusal whether a refusal
     * @param text the words
     */
    public Issue {
      Objects.requireNonNull(rule, "rule == null");
      Objects.requireNonNull(text, "text == null");
    }
  }

  /**
   * The verdict.
   *
   * @param accepted true when no reason for refusal was found
   * @param issues every refusal reason and warning, each with its rule
   * @param certificate the classification
   */
  public record Verdict(boolean accepted, List<Issue> issues, IgcSanteCertificate certificate) {
    /**
     * Copies the list.
     *
     * @param accepted whether accepted
     * @param issues the issues
     * @param certificate the classification
     */
    public Verdict {
      issues = List.copyOf(issues);
      Objects.requireNonNull(certificate, "certificate == null");
    }

    /**
     * Returns why INSi will refuse the certificate, in plain words.
     *
     * @return the refusal reasons
     */
    public List<String> reasons() {
      return issues.stream().filter(Issue::refusal).map(Issue::text).toList();
    }

    /**
     * Returns what will soon be a problem (expiry, unusual key algorithm).
     *
     * @return the warnings
     */
    public List<String> warnings() {
      return issues.stream().filter(i -> !i.refusal()).map(Issue::text).toList();
    }
  }

  /**
   * Checks a client certificate.
   *
   * @param cert the certificate
   * @param now the time of the check
   * @param testEnvironment whether it is meant for the INSi test environment
   * @return the verdict
   */
  public static Verdict check(X509Certificate cert, Instant now, boolean testEnvironment) {
    IgcSanteCertificate c = IgcSanteCertificate.classify(cert);
    List<Issue> issues = new ArrayList<>();
    if (c.insiRole().isEmpty()) {
      issues.add(new Issue(Rule.SUBJECT_CN, true, "the subject CN is '" + c.subjectCn() + "' but INSi only accepts INSI-AUTO or INSI-MANU (error DESIR_560)"));
    }
    String expectedIssuer = (testEnvironment ? "TEST " : "") + "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS";
    if (c.range() != Range.ELEMENTAIRE || c.domain() != Domain.ORGANISATIONS || c.testEnvironment() != testEnvironment) {
      issues.add(new Issue(Rule.ISSUER, true, "the issuer is '" + c.issuerCn() + "' but INSi " + (testEnvironment ? "test" : "production")
          + " expects a certificate issued by '" + expectedIssuer + "'"));
    }
    ExpiryStatus e = c.expiry(now);
    switch (e) {
      case EXPIRED:
        issues.add(new Issue(Rule.VALIDITY, true, "the certificate expired on " + c.notAfter()));
        break;
      case NOT_YET_VALID:
        issues.add(new Issue(Rule.VALIDITY, true, "the certificate is not valid before " + c.notBefore()));
        break;
      case EXPIRES_WITHIN_7_DAYS:
      case EXPIRES_WITHIN_30_DAYS:
      case EXPIRES_WITHIN_60_DAYS:
        issues.add(new Issue(Rule.VALIDITY, false, "the certificate expires on " + c.notAfter() + " (" + e.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): order its renewal now"));
        break;
      default:
        break;
    }
    boolean[] ku = cert.getKeyUsage();
    if (ku != null && !ku[0]) {
      issues.add(new Issue(Rule.KEY_USAGE, true, "the key usage does not allow digital signatures, needed for TLS client authentication and message signing"));
    }
    try {
      List<String> eku = cert.getExtendedKeyUsage();
      if (eku != null && !eku.contains(CLIENT_AUTH)) {
        issues.add(new Issue(Rule.EXTENDED_KEY_USAGE, true, "the extended key usage does not include TLS client authentication (1.3.6.1.5.5.7.3.2)"));
      }
    } catch (CertificateParsingException ex) {
      issues.add(new Issue(Rule.EXTENDED_KEY_USAGE, true, "the extended key usage extension cannot be read"));
    }
    if (cert.getPublicKey() instanceof RSAPublicKey && ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength() < 2048) {
      issues.add(new Issue(Rule.KEY_STRENGTH, true,
          "the RSA key has " + ((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength() + " bits; at least 2048 are required"));
    } else if (!(cert.getPublicKey() instanceof RSAPublicKey) && !(cert.getPublicKey() instanceof ECPublicKey)) {
      issues.add(new Issue(Rule.KEY_STRENGTH, false, "the key algorithm " + cert.getPublicKey().getAlgorithm() + " may not be supported by INSi"));
    }
    if (cert.getSigAlgName().toUpperCase(Locale.ROOT).contains("SHA1")) {
      issues.add(new Issue(Rule.SIGNATURE_ALGORITHM, true, "the certificate is signed with SHA-1, which is no longer accepted"));
    }
    return new Verdict(issues.stream().noneMatch(Issue::refusal), issues, c);
  }
}
