package dev.ins.core;

import java.util.Objects;

/**
 * An event or a state that the RNIV rules forbid: an INSi call on a douteuse or fictive identity, a
 * status other than PROV with one of those attributes, fictive and douteuse together, exchanging the
 * matricule of an identity that is not qualified.
 *
 * <pre>{@code
 * try {
 *   identity.apply(new IdentityEvent.InsiNoMatch(now));
 * } catch (IdentityStateException e) {
 *   e.rule(); // INSI_CALL_FORBIDDEN
 * }
 * }</pre>
 */
public final class IdentityStateException extends InsException {
  private static final long serialVersionUID = 1L;

  /** The RNIV rules this exception reports. */
  public enum Rule {
    /** Douteuse and fictive identities must not be sent to INSi. */
    INSI_CALL_FORBIDDEN,
    /** Douteuse and fictive identities must stay PROV. */
    MUST_STAY_PROVISIONAL,
    /** Fictive and douteuse cannot be set together. */
    EXCLUSIVE_ATTRIBUTES,
    /** Only an INSi-retrieved identity (RECUP, QUAL) can fail an INSi verification. */
    NOT_INSI_RETRIEVED,
    /** RECUP and QUAL identities carry an INS. */
    INS_REQUIRED,
    /** The matricule may be exchanged only for a QUAL identity. */
    NOT_QUALIFIED
  }

  /** The rule broken. */
  private final Rule rule;
  /** The status when it happened. */
  private final IdentityStatus status;
  /** The event refused, or null. */
  private final IdentityEvent.Kind event;

  /**
   * Creates the exception.
   *
   * @param rule the rule broken
   * @param status the identity's status when it happened
   * @param event the event refused, or {@code null} when no event was involved
   * @param message an explanation naming the rule, without patient data
   */
  public IdentityStateException(Rule rule, IdentityStatus status, IdentityEvent.Kind event, String message) {
    super(rule + ": " + message + " (status " + status + (event == null ? "" : ", event " + event) + ")", null);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.status = Objects.requireNonNull(status, "status");
    this.event = event;
  }

  /**
   * Returns the rule broken.
   *
   * @return the rule
   */
  public Rule rule() {
    return rule;
  }

  /**
   * Returns the identity's status when it happened.
   *
   * @return the status
   */
  public IdentityStatus status() {
    return status;
  }

  /**
   * Returns the event refused.
   *
   * @return the kind, or {@code null} when no event was involved
   */
  public IdentityEvent.Kind event() {
    return event;
  }
}
