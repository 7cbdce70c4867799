package dev.ins.insi.doctor;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Tells whether a certificate is revoked. The doctor asks it for the leaf certificate; plug the
 * organisation's policy here (CRL download, OCSP). {@link #fromCrls(List)} checks against CRLs the
 * caller already holds.
 *
 * <pre>{@code
 * RevocationChecker r = RevocationChecker.fromCrls(List.of(crl));
 * }</pre>
 */
@FunctionalInterface
public interface RevocationChecker {

  /** A revocation answer. */
  enum Status {
    /** Not revoked according to the source. */
    GOOD,
    /** Revoked. */
    REVOKED,
    /** The source does not cover this certificate. */
    UNKNOWN
  }

  /**
   * Checks a certificate.
   *
   * @param certificate the certificate
   * @param issuer its issuer's certificate, or {@code null} when unknown
   * @return the status
   */
  Status status(X509Certificate certificate, X509Certificate issuer);

  /**
   * Checks against CRLs: REVOKED when a CRL of the certificate's issuer lists it, GOOD when a CRL of
   * its issuer (signature verified when the issuer certificate is known) does not, else UNKNOWN.
   *
   * @param crls the CRLs
   * @return the checker
   */
  static RevocationChecker fromCrls(List<X509CRL> crls) {
    List<X509CRL> copy = List.copyOf(crls);
    return (cert, issuer) -> {
      Status result = Status.UNKNOWN;
      for (X509CRL crl : copy) {
        if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
          continue;
        }
        if (issuer != null) {
          try {
            crl.verify(issuer.getPublicKey());
          } catch (java.security.GeneralSecurityException e) {
            continue;
          }
        }
        if (crl.isRevoked(cert)) {
          return Status.REVOKED;
        }
        result = Status.GOOD;
      }
      return result;
    };
  }
}
