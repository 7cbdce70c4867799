package dev.ins.security.certs;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a certificate chain against pinned trust anchors (e.g. the IGC-Santé roots) with an
 * explicit {@link RevocationPolicy}, and says what was decided and why. Soft-fail decisions are
 * logged at WARN.
 *
 * <pre>{@code
 * RevocationCheck.Result r = RevocationCheck.check(credential.chain(), Set.of(new TrustAnchor(root, null)),
 *     cachedCrls, clock.instant(), RevocationPolicy.offlineHardFail());
 * if (!r.accepted()) refuse(r.log());
 * }</pre>
 */
public final class RevocationCheck {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationCheck.class);

  private RevocationCheck() {}

  /** The revocation status found. */
  public enum Status {
    /** Not revoked, status determined. */
    GOOD,
    /** Revoked. */
    REVOKED,
    /** No source could tell (stale or missing CRL, OCSP unreachable). */
    UNDETERMINED,
    /** The chain itself does not validate (expired, wrong signature, unknown root...). */
    INVALID_PATH
  }

  /**
   * The outcome.
   *
   * @param status what was found
   * @param accepted whether the policy accepts the chain
   * @param log the decisions, in plain words
   */
  public record Result(Status status, boolean accepted, List<String> log) {
    /**
     * Copies the log.
     *
     * @param status status
     * @param accepted accepted
     * @param log decisions
     */
    public Result {
      Objects.requireNonNull(status, "status == null");
      log = List.copyOf(log);
    }
  }

  /**
   * Validates a chain with revocation checking.
   *
   * @param chain leaf first, without the trust anchor
   * @param anchors the pinned roots
   * @param crls CRLs available locally (cache)
   * @param at the validation time
   * @param policy the revocation policy
   * @return the result
   */
  public static Result check(
      List<X509Certificate> chain, Set<TrustAnchor> anchors, Collection<X509CRL> crls, Instant at, RevocationPolicy policy) {
    return check(chain, anchors, crls, Map.of(), at, policy);
  }

  /**
   * Validates a chain with revocation checking, using OCSP responses obtained beforehand (stapled
   * by a server, or fetched and cached by the application) instead of network calls.
   *
   * @param chain leaf first, without the trust anchor
   * @param anchors the pinned roots
   * @param crls CRLs available locally (cache)
   * @param ocspResponses DER-encoded OCSP responses per certificate
   * @param at the validation time
   * @param policy the revocation policy
   * @return the result
   */
  public static Result check(
      List<X509Certificate> chain,
      Set<TrustAnchor> anchors,
      Collection<X509CRL> crls,
      Map<X509Certificate, byte[]> ocspResponses,
      Instant at,
      RevocationPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    Objects.requireNonNull(ocspResponses, "ocspResponses == null");
    List<String> log = new ArrayList<>();
    log.add("policy: " + policy.order() + (policy.softFail() ? ", soft fail" : ", hard fail") + (policy.endEntityOnly() ? ", leaf only" : ", whole chain"));
    try {
      CertPathValidator v = CertPathValidator.getInstance("PKIX");
      PKIXRevocationChecker rc = (PKIXRevocationChecker) v.getRevocationChecker();
      Set<PKIXRevocationChecker.Option> opts = EnumSet.noneOf(PKIXRevocationChecker.Option.class);
      if (policy.order() != RevocationPolicy.Order.OCSP_FIRST) {
        opts.add(PKIXRevocationChecker.Option.PREFER_CRLS);
      }
      if (policy.order() == RevocationPolicy.Order.CRL_ONLY) {
        opts.add(PKIXRevocationChecker.Option.NO_FALLBACK);
      }
      if (policy.softFail()) {
        opts.add(PKIXRevocationChecker.Option.SOFT_FAIL);
      }
      if (policy.endEntityOnly()) {
        opts.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
      }
      rc.setOptions(opts);
      rc.setOcspResponses(ocspResponses);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(true);
      params.addCertPathChecker(rc);
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(new ArrayList<>(crls))));
      params.setDate(Date.from(at));
      CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
      try {
        v.validate(path, params);
      } catch (CertPathValidatorException e) {
        if (e.getReason() == BasicReason.REVOKED) {
          log.add("revoked: certificate #" + e.getIndex() + " of the chain is on a revocation list");
          return new Result(Status.REVOKED, false, log);
        }
        if (e.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
          log.add("undetermined: no valid CRL or OCSP answer for certificate #" + e.getIndex() + " (hard fail: rejected)");
          return new Result(Status.UNDETERMINED, false, log);
        }
        log.add("invalid path at certificate #" + e.getIndex() + ": " + e.getReason());
        return new Result(Status.INVALID_PATH, false, log);
      }
      if (!rc.getSoftFailExceptions().isEmpty()) {
        for (CertPathValidatorException s : rc.getSoftFailExceptions()) {
          String m = "undetermined for certificate #" + s.getIndex() + " (" + s.getReason() + "): accepted by the soft-fail policy";
          log.add(m);
          LOG.warn("revocation {}", m);
        }
        return new Result(Status.UNDETERMINED, true, log);
      }
      log.add("good: revocation status determined for every checked certificate");
      return new Result(Status.GOOD, true, log);
    } catch (InvalidAlgorithmParameterException e) {
      log.add("no trust anchor given");
      return new Result(Status.INVALID_PATH, false, log);
    } catch (GeneralSecurityException e) {
      log.add("cannot validate: " + e.getClass().getSimpleName());
      return new Result(Status.INVALID_PATH, false, log);
    }
  }
}
