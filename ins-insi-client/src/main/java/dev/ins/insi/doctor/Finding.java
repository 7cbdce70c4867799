package dev.ins.insi.doctor;

import java.util.Objects;

/**
 * One result of the certificate doctor: how serious, which check, and what to do, in plain words.
 *
 * <pre>{@code
 * new Finding(Finding.Severity.ERROR, Finding.Check.CN, "CN must be exactly INSI-AUTO or INSI-MANU");
 * }</pre>
 *
 * @param severity how serious
 * @param check which check
 * @param message plain words for the person who installs the certificate
 */
public record Finding(Severity severity, Check check, String message) {

  /** How serious a finding is. */
  public enum Severity {
    /** INSi will refuse the credential. */
    ERROR,
    /** It works now but needs attention (e.g. expiry soon, revocation unknown). */
    WARNING,
    /** A fact worth showing (time left). */
    INFO
  }

  /** The checks the doctor runs. */
  public enum Check {
    /** The credential can be read (file, password, alias). */
    READABLE,
    /** A private key is present and matches the certificate. */
    PRIVATE_KEY,
    /** The subject CN is exactly INSI-AUTO or INSI-MANU. */
    CN,
    /** The issuer is an IGC-Santé organisations CA of the expected environment. */
    ISSUER,
    /** The certificate is valid now, with time left. */
    VALIDITY,
    /** Key usage and extended key usage allow TLS client authentication. */
    KEY_USAGE,
    /** Key algorithm and size. */
    KEY_STRENGTH,
    /** The chain leads to a configured root. */
    CHAIN,
    /** Revocation status per the configured policy. */
    REVOCATION
  }

  /**
   * Validates the components.
   *
   * @param severity see the record component
   * @param check see the record component
   * @param message see the record component
   */
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
  }
}
