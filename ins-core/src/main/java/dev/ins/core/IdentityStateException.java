package dev.ins.core;

import java.util.Objects;

/**
 * An event or a state that the RNIV rules forbid: an INSi call on a douteuse or fictive identity, a
 * status other than PROV with one of those attributes, fictive and douteuse together, exchanging the
 * matricule of an identity that is not qualified, a VALI or QUAL identity without its document
 * check, a RECUP or QUAL identity without the INS and the justification of its retrieval, a
 * retrieval confirmed against an incoherent strict verdict.
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
    NOT_QUALIFIED,
    /** VALI and QUAL identities carry the document check: its mode and its date. */
    DOCUMENT_CHECK_REQUIRED,
    /** RECUP and QUAL identities carry the justification of their INSi retrieval. */
    INSI_JUSTIFICATION_REQUIRED,
    /** Only an INSi-retrieved identity (RECUP, QUAL) carries an INSi justification. */
    JUSTIFICATION_WITHOUT_RETRIEVAL,
    /** The justification was given for other traits than the ones retrieved or held. */
    JUSTIFICATION_MISMATCH,
    /** A retrieval is confirmed without an operator only when the strict verdict is COHERENT. */
    VERDICT_NOT_COHERENT,
    /** An INCOHERENT strict verdict cannot be confirmed, not even by an operator. */
    INCOHERENT_CANNOT_BE_CONFIRMED,
    /** An operator decision accepts differences: a COHERENT verdict has none (confirm it instead). */
    NO_DIFFERENCE_TO_ACCEPT,
    /** An operator decision must accept exactly the differences the strict verdict asks to review. */
    ACCEPTED_DIFFERENCES_MISMATCH,
    /**
     * A retrieval event is justified by a strict verdict or an operator decision; a declared
     * justification only describes identities read from elsewhere.
     */
    DECLARED_JUSTIFICATION_IN_EVENT
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
    super(rule + ": " + message + " (status " + Objects.requireNonNull(status, "status")
        + (event == null ? "" : ", event " + event) + ")", null);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.status = status;
    this.event = event;
  }

  /**
   * Creates the exception for a rule broken before any identity is involved (a justification that
   * cannot be given, for instance).
   *
   * @param rule the rule broken
   * @param message an explanation naming the rule, without patient data
   */
  public IdentityStateException(Rule rule, String message) {
    super(rule + ": " + message, null);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.status = null;
    this.event = null;
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
   * @return the status, or {@code null} when no identity was involved
   */
  public IdentityStatus status() {
    return status;
  }

  /**
   * Turns the broken rule into a validation violation, for readers of exchanged formats (FHIR,
   * HL7, JSON) that report every broken rule as an {@link InsValidationException}. The code is
   * {@link ViolationCode#DOCUMENT_CHECK_REQUIRED} or {@link ViolationCode#INSI_JUSTIFICATION_REQUIRED}
   * for those rules, {@link ViolationCode#INCONSISTENT} for the others; the detail names the rule.
   *
   * @param field the field path the violation is reported under
   * @return the violation
   */
  public Violation toViolation(String field) {
    ViolationCode code = switch (rule) {
      case DOCUMENT_CHECK_REQUIRED -> ViolationCode.DOCUMENT_CHECK_REQUIRED;
      case INSI_JUSTIFICATION_REQUIRED -> ViolationCode.INSI_JUSTIFICATION_REQUIRED;
      default -> ViolationCode.INCONSISTENT;
    };
    return new Violation(field, code, -1, "status, attributes and evidence break an RNIV rule: " + rule);
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
