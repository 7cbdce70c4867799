package dev.ins.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something that happens to an identity and may change its status; applied with
 * {@link Identity#apply(IdentityEvent)}.
 *
 * <p>{@link InsiRetrieved} carries its justification: build it from a {@link RetrievalReview}
 * (COHERENT verdict, or an operator decision on a NEEDS_REVIEW one); an INCOHERENT answer cannot be
 * confirmed. {@link InsiVerificationFailed} records a later verification that no longer matches.
 *
 * <pre>{@code
 * Identity q = identity
 *     .apply(RetrievalReview.of(identity, ins, insiTraits, List.of(), Instant.now()).confirm())
 *     .apply(new IdentityEvent.DocumentChecked(ValidationMode.PASSPORT, LocalDate.now()));
 * q.status(); // QUAL
 * }</pre>
 */
public sealed interface IdentityEvent {

  /** The kinds of event, for tables and exhaustive tests. */
  enum Kind {
    /** INSi returned the identity and its retrieval was justified (coherent, or accepted by an operator). */
    INSI_RETRIEVED,
    /** INSi found no identity, or several (CR 01/02). */
    INSI_NO_MATCH,
    /** INSi verification found the stored identity no longer coherent. */
    INSI_VERIFICATION_FAILED,
    /** The identity was checked against a high-trust document. */
    DOCUMENT_CHECKED,
    /** A strict trait was edited by hand. */
    STRICT_TRAITS_EDITED,
    /** An attribute was set. */
    ATTRIBUTE_SET,
    /** An attribute was cleared. */
    ATTRIBUTE_CLEARED
  }

  /**
   * Returns the kind of this event.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * INSi returned this identity (CR 00) and its retrieval is justified: the strict verdict was
   * COHERENT, or an operator accepted the differences of a NEEDS_REVIEW verdict. Build it with
   * {@link RetrievalReview#confirm()} or {@link RetrievalReview#acceptDifferences}.
   *
   * @param ins the active matricule and OID
   * @param traits the traits as INSi returned them; they replace the local strict traits
   * @param history former matricules (INSHISTO), kept exactly as returned
   * @param at when INSi answered
   * @param justification why the retrieval is confirmed, given for exactly these traits
   */
  record InsiRetrieved(InsIdentifier ins, Traits traits, List<InsIdentifier> history, Instant at,
      InsiJustification justification) implements IdentityEvent {
    /**
     * Rejects nulls, a declared justification and one given for other traits; copies the history.
     *
     * @param ins see the record component
     * @param traits see the record component
     * @param history see the record component
     * @param at see the record component
     * @param justification see the record component
     */
    public InsiRetrieved {
      Objects.requireNonNull(ins, "ins");
      Objects.requireNonNull(traits, "traits");
      history = List.copyOf(history);
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(justification, "justification");
      if (justification instanceof InsiJustification.Declared) {
        throw new IdentityStateException(IdentityStateException.Rule.DECLARED_JUSTIFICATION_IN_EVENT,
            "a retrieval is justified by a strict verdict or an operator decision (see RetrievalReview)");
      }
      if (!justification.insiTraits().orElseThrow().equals(traits)) {
        throw new IdentityStateException(IdentityStateException.Rule.JUSTIFICATION_MISMATCH,
            "the justification was given for other INSi traits than the ones retrieved");
      }
    }

    @Override
    public Kind kind() {
      return Kind.INSI_RETRIEVED;
    }
  }

  /**
   * INSi answered with no identity or several (CR 01/02): the status stays, the call date is kept.
   *
   * @param at when INSi answered
   */
  record InsiNoMatch(Instant at) implements IdentityEvent {
    /**
     * Rejects null.
     *
     * @param at see the record component
     */
    public InsiNoMatch {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.INSI_NO_MATCH;
    }
  }

  /**
   * An INSi verification of an INSi-retrieved identity failed (different traits or matricule): the
   * INSi criterion is lost (QUAL→VALI, RECUP→PROV).
   *
   * @param at when INSi answered
   */
  record InsiVerificationFailed(Instant at) implements IdentityEvent {
    /**
     * Rejects null.
     *
     * @param at see the record component
     */
    public InsiVerificationFailed {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public Kind kind() {
      return Kind.INSI_VERIFICATION_FAILED;
    }
  }

  /**
   * The identity was checked against a high-trust document (PROV→VALI, RECUP→QUAL).
   *
   * @param mode the document
   * @param on the date of the check
   */
  record DocumentChecked(ValidationMode mode, LocalDate on) implements IdentityEvent {
    /**
     * Rejects nulls.
     *
     * @param mode see the record component
     * @param on see the record component
     */
    public DocumentChecked {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(on, "on");
    }

    @Override
    public Kind kind() {
      return Kind.DOCUMENT_CHECKED;
    }
  }

  /**
   * Strict traits were edited by hand. The INSi criterion is lost; the document criterion is kept
   * only when the edit was made against the high-trust document already checked.
   *
   * @param traits the new traits
   * @param checkedAgainstDocument the edit was made with the validated high-trust document in hand
   */
  record StrictTraitsEdited(Traits traits, boolean checkedAgainstDocument) implements IdentityEvent {
    /**
     * Rejects null.
     *
     * @param traits see the record component
     * @param checkedAgainstDocument see the record component
     */
    public StrictTraitsEdited {
      Objects.requireNonNull(traits, "traits");
    }

    @Override
    public Kind kind() {
      return Kind.STRICT_TRAITS_EDITED;
    }
  }

  /**
   * An attribute was set. DOUTEUSE or FICTIVE force PROV.
   *
   * @param attribute the attribute
   */
  record AttributeSet(IdentityAttribute attribute) implements IdentityEvent {
    /**
     * Rejects null.
     *
     * @param attribute see the record component
     */
    public AttributeSet {
      Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public Kind kind() {
      return Kind.ATTRIBUTE_SET;
    }
  }

  /**
   * An attribute was cleared; the status does not change (re-qualify with new events).
   *
   * @param attribute the attribute
   */
  record AttributeCleared(IdentityAttribute attribute) implements IdentityEvent {
    /**
     * Rejects null.
     *
     * @param attribute see the record component
     */
    public AttributeCleared {
      Objects.requireNonNull(attribute, "attribute");
    }

    @Override
    public Kind kind() {
      return Kind.ATTRIBUTE_CLEARED;
    }
  }
}
