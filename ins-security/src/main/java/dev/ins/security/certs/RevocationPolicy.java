package dev.ins.security.certs;

import java.util.Objects;

/**
 * An explicit revocation policy: which source comes first and whether an undetermined status
 * (no fresh CRL, OCSP unreachable) rejects the certificate (hard fail) or is accepted and logged
 * (soft fail).
 *
 * <p>For practices that are often offline, {@link #crlFirstHardFail()} with a locally cached CRL
 * is the recommended default. Bouncy Castle 1.87's own PKIX code does not fall back to CRLs when
 * OCSP is undetermined; this policy is applied through the JDK's PKIX revocation checker so the
 * fallback is decided here, explicitly.
 *
 * <pre>{@code
 * RevocationPolicy p = RevocationPolicy.crlFirstHardFail();
 * RevocationPolicy lenient = new RevocationPolicy(RevocationPolicy.Order.CRL_FIRST, true, false);
 * }</pre>
 *
 * @param order which source is tried first, and whether the other one is a fallback
 * @param softFail accept (and log) when the status cannot be determined
 * @param endEntityOnly check only the leaf certificate, not the intermediate CAs
 */
public record RevocationPolicy(Order order, boolean softFail, boolean endEntityOnly) {

  /** Which revocation sources are used, in which order. */
  public enum Order {
    /** CRLs first, OCSP as a fallback. */
    CRL_FIRST,
    /** CRLs only (offline). */
    CRL_ONLY,
    /** OCSP first, CRLs as a fallback. */
    OCSP_FIRST
  }

  /**
   * Validates.
   *
   * @param order not null
   * @param softFail soft-fail flag
   * @param endEntityOnly leaf-only flag
   */
  public RevocationPolicy {
    Objects.requireNonNull(order, "order == null");
  }

  /**
   * CRL first, OCSP fallback, hard fail, whole chain.
   *
   * @return the policy
   */
  public static RevocationPolicy crlFirstHardFail() {
    return new RevocationPolicy(Order.CRL_FIRST, false, false);
  }

  /**
   * CRLs only, hard fail, whole chain: fully offline.
   *
   * @return the policy
   */
  public static RevocationPolicy offlineHardFail() {
    return new RevocationPolicy(Order.CRL_ONLY, false, false);
  }
}
