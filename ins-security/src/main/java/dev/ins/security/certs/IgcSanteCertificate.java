package dev.ins.security.certs;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What an X.509 certificate is in the IGC-Santé world, read from its names: the range and domain
 * of its issuing CA ({@code AC IGC-SANTE <ELEMENTAIRE|STANDARD|FORT> <PERSONNES|ORGANISATIONS>}),
 * test or production, the INSi role given by the subject CN ({@code INSI-AUTO}/{@code INSI-MANU}),
 * the structure id (subject OU) and the validity period.
 *
 * <p>Classification reads names only; it does not prove the certificate chains to a pinned
 * IGC-Santé root (that is the job of PKIX validation with the roots as trust anchors, see {@link
 * RevocationCheck}). Certificate-policy OIDs are not hard-coded: they are not confirmed from a
 * primary source.
 *
 * <pre>{@code
 * IgcSanteCertificate c = IgcSanteCertificate.classify(cert);
 * if (c.expiry(clock.instant()) == IgcSanteCertificate.ExpiryStatus.EXPIRES_WITHIN_30_DAYS) warn();
 * }</pre>
 *
 * @param range the issuing CA's range
 * @param domain the issuing CA's domain
 * @param testEnvironment whether the issuer is a {@code TEST AC IGC-SANTE ...} CA
 * @param insiRole the INSi client role named by the subject CN, if any
 * @param subjectCn the subject common name
 * @param issuerCn the issuer common name
 * @param structureId the subject OU (structure identifier), if any
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record IgcSanteCertificate(
    Range range,
    Domain domain,
    boolean testEnvironment,
    Optional<InsiRole> insiRole,
    String subjectCn,
    String issuerCn,
    Optional<String> structureId,
    Instant notBefore,
    Instant notAfter) {

  /** IGC-Santé ranges ("gammes"). */
  public enum Range {
    /** Elementary range (software certificates, e.g. INSi client certificates). */
    ELEMENTAIRE,
    /** Standard range. */
    STANDARD,
    /** Strong range (cards). */
    FORT,
    /** Not an IGC-Santé issuer. */
    UNKNOWN
  }

  /** IGC-Santé domains. */
  public enum Domain {
    /** Certificates of natural persons. */
    PERSONNES,
    /** Certificates of organisations and software. */
    ORGANISATIONS,
    /** Not an IGC-Santé issuer. */
    UNKNOWN
  }

  /** INSi client roles named by the subject CN. */
  public enum InsiRole {
    /** {@code CN=INSI-AUTO}: automated calls. */
    INSI_AUTO,
    /** {@code CN=INSI-MANU}: calls made by a person. */
    INSI_MANU
  }

  /** Expiry warning levels (60/30/7 days). */
  public enum ExpiryStatus {
    /** Not valid yet. */
    NOT_YET_VALID,
    /** More than 60 days left. */
    VALID,
    /** 60 days or less left. */
    EXPIRES_WITHIN_60_DAYS,
    /** 30 days or less left. */
    EXPIRES_WITHIN_30_DAYS,
    /** 7 days or less left. */
    EXPIRES_WITHIN_7_DAYS,
    /** Expired. */
    EXPIRED
  }

  /**
   * Validates.
   *
   * @param range not null
   * @param domain not null
   * @param testEnvironment test flag
   * @param insiRole not null
   * @param subjectCn not null
   * @param issuerCn not null
   * @param structureId not null
   * @param notBefore not null
   * @param notAfter not null
   */
  public IgcSanteCertificate {
    Objects.requireNonNull(range, "range == null");
    Objects.requireNonNull(domain, "domain == null");
    Objects.requireNonNull(insiRole, "insiRole == null");
    Objects.requireNonNull(subjectCn, "subjectCn == null");
    Objects.requireNonNull(issuerCn, "issuerCn == null");
    Objects.requireNonNull(structureId, "structureId == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    Objects.requireNonNull(notAfter, "notAfter == null");
  }

  /**
   * Classifies a certificate.
   *
   * @param cert the certificate
   * @return the classification
   */
  public static IgcSanteCertificate classify(X509Certificate cert) {
    Objects.requireNonNull(cert, "cert == null");
    X500Name subject;
    X500Name issuer;
    try {
      subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
      issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
    } catch (RuntimeException e) {
      throw new InsCryptoException(Code.MALFORMED, "certificate.name", "unreadable distinguished name", e);
    }
    String cn = first(subject, BCStyle.CN).orElse("");
    String icn = first(issuer, BCStyle.CN).orElse("");
    String norm = icn.toUpperCase(Locale.ROOT).replace('É', 'E').trim();
    boolean test = norm.startsWith("TEST ");
    String core = test ? norm.substring(5) : norm;
    Range range = Range.UNKNOWN;
    Domain domain = Domain.UNKNOWN;
    if (core.startsWith("AC IGC-SANTE ")) {
      String rest = core.substring("AC IGC-SANTE ".length());
      for (Range r : Range.values()) {
        if (r != Range.UNKNOWN && rest.startsWith(r.name() + " ")) {
          range = r;
          String d = rest.substring(r.name().length() + 1);
          for (Domain dd : Domain.values()) {
            if (dd != Domain.UNKNOWN && d.equals(dd.name())) {
              domain = dd;
            }
          }
        }
      }
      if (domain == Domain.UNKNOWN) {
        range = Range.UNKNOWN;
      }
    }
    Optional<InsiRole> role = Optional.empty();
    if (cn.equals("INSI-AUTO")) {
      role = Optional.of(InsiRole.INSI_AUTO);
    } else if (cn.equals("INSI-MANU")) {
      role = Optional.of(InsiRole.INSI_MANU);
    }
    return new IgcSanteCertificate(
        range, domain, test && range != Range.UNKNOWN, role, cn, icn, first(subject, BCStyle.OU),
        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
  }

  private static Optional<String> first(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0 || rdns[0].getFirst() == null) {
      return Optional.empty();
    }
    return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
  }

  /**
   * Tells whether the issuer is an IGC-Santé CA by name.
   *
   * @return true when range and domain were recognised
   */
  public boolean isIgcSante() {
    return range != Range.UNKNOWN;
  }

  /**
   * Returns the expiry warning level at a given time.
   *
   * @param now the time
   * @return the level
   */
  public ExpiryStatus expiry(Instant now) {
    if (now.isBefore(notBefore)) {
      return ExpiryStatus.NOT_YET_VALID;
    }
    if (!now.isBefore(notAfter)) {
      return ExpiryStatus.EXPIRED;
    }
    Duration left = Duration.between(now, notAfter);
    if (left.compareTo(Duration.ofDays(7)) <= 0) {
      return ExpiryStatus.EXPIRES_WITHIN_7_DAYS;
    }
    if (left.compareTo(Duration.ofDays(30)) <= 0) {
      return ExpiryStatus.EXPIRES_WITHIN_30_DAYS;
    }
    if (left.compareTo(Duration.ofDays(60)) <= 0) {
      return ExpiryStatus.EXPIRES_WITHIN_60_DAYS;
    }
    return ExpiryStatus.VALID;
  }
}
