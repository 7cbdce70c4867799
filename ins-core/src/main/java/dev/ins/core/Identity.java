package dev.ins.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A patient identity as the RNIV sees it: traits, the INS when one was retrieved, its former
 * matricules, a status, attributes and the dates that justify the status.
 *
 * <p>The RNIV invariants, stated here once and checked by {@link Builder#build()}, the only way any
 * identity is made (events, rehydration from storage, the Jackson module, the FHIR and HL7 readers):
 *
 * <table>
 *   <caption>Invariants (rule reported when broken)</caption>
 *   <tr><th>status or attribute</th><th>requires</th></tr>
 *   <tr><td>VALI, QUAL</td><td>the document check: validation mode and date
 *   ({@code DOCUMENT_CHECK_REQUIRED})</td></tr>
 *   <tr><td>RECUP, QUAL</td><td>the INS returned by INSi ({@code INS_REQUIRED}) and the
 *   justification of its retrieval ({@code INSI_JUSTIFICATION_REQUIRED}), given for the traits held
 *   ({@code JUSTIFICATION_MISMATCH})</td></tr>
 *   <tr><td>PROV, VALI</td><td>no INSi justification ({@code JUSTIFICATION_WITHOUT_RETRIEVAL})</td></tr>
 *   <tr><td>DOUTEUSE or FICTIVE</td><td>status PROV ({@code MUST_STAY_PROVISIONAL}), never both
 *   ({@code EXCLUSIVE_ATTRIBUTES})</td></tr>
 *   <tr><td>used name, used first name</td><td>INS form</td></tr>
 * </table>
 *
 * <p>Status changes go through {@link #apply(IdentityEvent)}, which enforces the RNIV transitions:
 *
 * <table>
 *   <caption>Transitions</caption>
 *   <tr><th>event</th><th>effect</th></tr>
 *   <tr><td>INSi retrieved</td><td>PROV→RECUP, VALI→QUAL; traits replaced by INSi's, the
 *   justification kept; refused when douteuse or fictive, or when the justification was given for
 *   other local traits ({@code JUSTIFICATION_MISMATCH})</td></tr>
 *   <tr><td>INSi no match</td><td>status unchanged, call date kept; refused when douteuse or
 *   fictive</td></tr>
 *   <tr><td>INSi verification failed</td><td>QUAL→VALI, RECUP→PROV, justification dropped; refused
 *   for PROV and VALI</td></tr>
 *   <tr><td>document checked</td><td>PROV→VALI, RECUP→QUAL; refused when douteuse or fictive</td></tr>
 *   <tr><td>strict traits edited</td><td>INSi criterion lost; document criterion kept only if the
 *   edit was made against the document</td></tr>
 *   <tr><td>attribute set</td><td>DOUTEUSE/FICTIVE force PROV; FICTIVE with DOUTEUSE refused</td></tr>
 *   <tr><td>attribute cleared</td><td>status unchanged</td></tr>
 * </table>
 *
 * <p>{@link #insForExchange()} gives the INS only for a QUAL identity. {@link #toString()} masks
 * every trait and the matricule.
 *
 * <pre>{@code
 * Identity local = Identity.builder().traits(traits).collectionMethod(CollectionMethod.MANUAL).build();
 * Identity recup = local.apply(RetrievalReview.of(local, ins, insiTraits, List.of(), now).confirm());
 * recup.status();           // RECUP
 * recup.insForExchange();   // Optional.empty: not qualified
 * }</pre>
 */
public final class Identity {

  private final Traits traits;
  private final InsIdentifier ins;
  private final List<InsIdentifier> history;
  private final IdentityStatus status;
  private final Set<IdentityAttribute> attributes;
  private final String usedName;
  private final String usedFirstName;
  private final Instant lastInsiCall;
  private final ValidationMode validationMode;
  private final LocalDate validationDate;
  private final CollectionMethod collectionMethod;
  private final InsiJustification insiJustification;

  private Identity(Builder b) {
    this.traits = b.traits;
    this.ins = b.ins;
    this.history = List.copyOf(b.history);
    this.status = b.status;
    this.attributes = Collections.unmodifiableSet(b.attributes.isEmpty()
        ? EnumSet.noneOf(IdentityAttribute.class) : EnumSet.copyOf(b.attributes));
    this.usedName = b.usedName;
    this.usedFirstName = b.usedFirstName;
    this.lastInsiCall = b.lastInsiCall;
    this.validationMode = b.validationMode;
    this.validationDate = b.validationDate;
    this.collectionMethod = b.collectionMethod;
    this.insiJustification = b.insiJustification;
  }

  /**
   * Starts a new identity (status PROV unless set).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this identity's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.traits = traits;
    b.ins = ins;
    b.history = new ArrayList<>(history);
    b.status = status;
    b.attributes = attributes.isEmpty() ? EnumSet.noneOf(IdentityAttribute.class) : EnumSet.copyOf(attributes);
    b.usedName = usedName;
    b.usedFirstName = usedFirstName;
    b.lastInsiCall = lastInsiCall;
    b.validationMode = validationMode;
    b.validationDate = validationDate;
    b.collectionMethod = collectionMethod;
    b.insiJustification = insiJustification;
    return b;
  }

  /**
   * Applies an event under the RNIV rules (see the class documentation).
   *
   * @param event the event
   * @return the new identity; this one is unchanged
   * @throws IdentityStateException when the rules forbid the event in this state
   */
  public Identity apply(IdentityEvent event) {
    Objects.requireNonNull(event, "event");
    boolean blocked = attributes.contains(IdentityAttribute.DOUTEUSE) || attributes.contains(IdentityAttribute.FICTIVE);
    Builder b = toBuilder();
    if (event instanceof IdentityEvent.InsiRetrieved e) {
      refuseInsiCall(blocked, event);
      if (!justifiedFor(e.justification(), traits)) {
        throw new IdentityStateException(IdentityStateException.Rule.JUSTIFICATION_MISMATCH, status, event.kind(),
            "the retrieval was justified for other local traits than this identity's");
      }
      b.insiJustification = e.justification();
      b.traits = e.traits();
      b.ins = e.ins();
      b.history = new ArrayList<>(e.history());
      b.lastInsiCall = e.at();
      b.status = IdentityStatus.of(true, status.documentChecked());
    } else if (event instanceof IdentityEvent.InsiNoMatch e) {
      refuseInsiCall(blocked, event);
      b.lastInsiCall = e.at();
    } else if (event instanceof IdentityEvent.InsiVerificationFailed e) {
      refuseInsiCall(blocked, event);
      if (!status.insiRetrieved()) {
        throw new IdentityStateException(IdentityStateException.Rule.NOT_INSI_RETRIEVED, status, event.kind(),
            "only an INSi-retrieved identity can fail an INSi verification");
      }
      b.lastInsiCall = e.at();
      b.status = IdentityStatus.of(false, status.documentChecked());
      b.insiJustification = null;
    } else if (event instanceof IdentityEvent.DocumentChecked e) {
      if (blocked) {
        throw new IdentityStateException(IdentityStateException.Rule.MUST_STAY_PROVISIONAL, status, event.kind(),
            "a douteuse or fictive identity stays PROV: clear the attribute first");
      }
      b.validationMode = e.mode();
      b.validationDate = e.on();
      b.status = IdentityStatus.of(status.insiRetrieved(), true);
    } else if (event instanceof IdentityEvent.StrictTraitsEdited e) {
      if (e.traits().equals(traits)) {
        return this;
      }
      b.traits = e.traits();
      boolean keepDocument = status.documentChecked() && e.checkedAgainstDocument();
      b.status = IdentityStatus.of(false, keepDocument);
      b.insiJustification = null;
      if (!keepDocument) {
        b.validationMode = null;
        b.validationDate = null;
      }
    } else if (event instanceof IdentityEvent.AttributeSet e) {
      IdentityAttribute a = e.attribute();
      IdentityAttribute other = a == IdentityAttribute.FICTIVE ? IdentityAttribute.DOUTEUSE
          : a == IdentityAttribute.DOUTEUSE ? IdentityAttribute.FICTIVE : null;
      if (other != null && attributes.contains(other)) {
        throw new IdentityStateException(IdentityStateException.Rule.EXCLUSIVE_ATTRIBUTES, status, event.kind(),
            "fictive and douteuse cannot be set together");
      }
      b.attributes.add(a);
      if (a.blocksQualification()) {
        b.status = IdentityStatus.PROV;
        b.validationMode = null;
        b.validationDate = null;
        b.insiJustification = null;
      }
    } else if (event instanceof IdentityEvent.AttributeCleared e) {
      b.attributes.remove(e.attribute());
    } else {
      throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
    }
    return b.build();
  }

  /** The local traits a retrieval justification compared, against the traits this identity holds. */
  private static boolean justifiedFor(InsiJustification j, Traits held) {
    if (j instanceof InsiJustification.Coherent c) {
      return c.local().equals(held);
    }
    return j instanceof InsiJustification.OperatorDecision d && d.local().equals(held);
  }

  private void refuseInsiCall(boolean blocked, IdentityEvent event) {
    if (blocked) {
      throw new IdentityStateException(IdentityStateException.Rule.INSI_CALL_FORBIDDEN, status, event.kind(),
          "INSi must not be called for a douteuse or fictive identity");
    }
  }

  /**
   * Tells whether INSi may be called for this identity (neither douteuse nor fictive).
   *
   * @return true when an INSi call is allowed
   */
  public boolean insiCallAllowed() {
    return !attributes.contains(IdentityAttribute.DOUTEUSE) && !attributes.contains(IdentityAttribute.FICTIVE);
  }

  /**
   * Returns the INS for exchange with other systems: only a QUAL identity's INS may be exchanged.
   *
   * @return the INS when the status is QUAL, else empty
   */
  public Optional<InsIdentifier> insForExchange() {
    return status == IdentityStatus.QUAL ? Optional.of(ins) : Optional.empty();
  }

  /**
   * Returns the INS for exchange, or fails.
   *
   * @return the INS of a QUAL identity
   * @throws IdentityStateException {@code NOT_QUALIFIED} when the status is not QUAL
   */
  public InsIdentifier requireInsForExchange() {
    return insForExchange().orElseThrow(() -> new IdentityStateException(
        IdentityStateException.Rule.NOT_QUALIFIED, status, null, "the matricule INS may be exchanged only when QUAL"));
  }

  /**
   * Returns the strict traits.
   *
   * @return the traits
   */
  public Traits traits() {
    return traits;
  }

  /**
   * Returns the INS held, whatever the status (for storage; use {@link #insForExchange()} to send).
   *
   * @return the INS, or empty
   */
  public Optional<InsIdentifier> ins() {
    return Optional.ofNullable(ins);
  }

  /**
   * Returns the former matricules (INSHISTO), as INSi returned them.
   *
   * @return an immutable list
   */
  public List<InsIdentifier> history() {
    return history;
  }

  /**
   * Returns the status.
   *
   * @return the status
   */
  public IdentityStatus status() {
    return status;
  }

  /**
   * Returns the attributes.
   *
   * @return an unmodifiable set
   */
  public Set<IdentityAttribute> attributes() {
    return attributes;
  }

  /**
   * Returns the used name (nom utilisé), a local-only trait.
   *
   * @return the name in INS form, or empty
   */
  public Optional<String> usedName() {
    return Optional.ofNullable(usedName);
  }

  /**
   * Returns the used first name (prénom utilisé), a local-only trait.
   *
   * @return the first name in INS form, or empty
   */
  public Optional<String> usedFirstName() {
    return Optional.ofNullable(usedFirstName);
  }

  /**
   * Returns when INSi was last called for this identity.
   *
   * @return the instant, or empty
   */
  public Optional<Instant> lastInsiCall() {
    return Optional.ofNullable(lastInsiCall);
  }

  /**
   * Returns how the identity was checked against a high-trust document.
   *
   * @return the mode, or empty
   */
  public Optional<ValidationMode> validationMode() {
    return Optional.ofNullable(validationMode);
  }

  /**
   * Returns when the identity was checked against a high-trust document.
   *
   * @return the date, or empty
   */
  public Optional<LocalDate> validationDate() {
    return Optional.ofNullable(validationDate);
  }

  /**
   * Returns how the identity was collected.
   *
   * @return the method, or empty
   */
  public Optional<CollectionMethod> collectionMethod() {
    return Optional.ofNullable(collectionMethod);
  }

  /**
   * Returns why the identity holds the INSi criterion: the verdict or the operator decision of its
   * retrieval, or what declared it when it was read from elsewhere.
   *
   * @return the justification, present exactly for RECUP and QUAL
   */
  public Optional<InsiJustification> insiJustification() {
    return Optional.ofNullable(insiJustification);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Identity i && traits.equals(i.traits) && Objects.equals(ins, i.ins)
        && history.equals(i.history) && status == i.status && attributes.equals(i.attributes)
        && Objects.equals(usedName, i.usedName) && Objects.equals(usedFirstName, i.usedFirstName)
        && Objects.equals(lastInsiCall, i.lastInsiCall) && validationMode == i.validationMode
        && Objects.equals(validationDate, i.validationDate) && collectionMethod == i.collectionMethod
        && Objects.equals(insiJustification, i.insiJustification);
  }

  @Override
  public int hashCode() {
    return Objects.hash(traits, ins, history, status, attributes, usedName, usedFirstName, lastInsiCall,
        validationMode, validationDate, collectionMethod, insiJustification);
  }

  /** Masked: status, attributes and the kind of justification in clear, no trait, no matricule. */
  @Override
  public String toString() {
    return "Identity[status=" + status + ", attributes=" + attributes + ", ins="
        + (ins == null ? "none" : ins.toString()) + ", history=" + history.size() + " former"
        + (insiJustification == null ? "" : ", justification=" + insiJustification.kind()) + ", traits=***]";
  }

  /**
   * Builds an {@link Identity}; {@link #build()} checks the invariants. Not thread-safe.
   *
   * <pre>{@code
   * Identity.builder().traits(t).status(IdentityStatus.PROV).build();
   * }</pre>
   */
  public static final class Builder {
    private Traits traits;
    private InsIdentifier ins;
    private List<InsIdentifier> history = new ArrayList<>();
    private IdentityStatus status = IdentityStatus.PROV;
    private EnumSet<IdentityAttribute> attributes = EnumSet.noneOf(IdentityAttribute.class);
    private String usedName;
    private String usedFirstName;
    private Instant lastInsiCall;
    private ValidationMode validationMode;
    private LocalDate validationDate;
    private CollectionMethod collectionMethod;
    private InsiJustification insiJustification;

    private Builder() {}

    /**
     * Sets the strict traits (required).
     *
     * @param traits the traits
     * @return this builder
     */
    public Builder traits(Traits traits) {
      this.traits = traits;
      return this;
    }

    /**
     * Sets the INS (required for RECUP and QUAL).
     *
     * @param ins the INS, or null
     * @return this builder
     */
    public Builder ins(InsIdentifier ins) {
      this.ins = ins;
      return this;
    }

    /**
     * Sets the former matricules.
     *
     * @param history the INSHISTO entries, in INSi order
     * @return this builder
     */
    public Builder history(List<InsIdentifier> history) {
      this.history = new ArrayList<>(Objects.requireNonNull(history, "history"));
      return this;
    }

    /**
     * Sets the status (default PROV). Use it to load a stored identity; use events to change one.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(IdentityStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * Sets the attributes.
     *
     * @param attributes the attributes
     * @return this builder
     */
    public Builder attributes(Set<IdentityAttribute> attributes) {
      this.attributes = attributes.isEmpty() ? EnumSet.noneOf(IdentityAttribute.class) : EnumSet.copyOf(attributes);
      return this;
    }

    /**
     * Sets the used name, in INS form.
     *
     * @param usedName the name, or null
     * @return this builder
     */
    public Builder usedName(String usedName) {
      this.usedName = usedName;
      return this;
    }

    /**
     * Sets the used first name, in INS form.
     *
     * @param usedFirstName the first name, or null
     * @return this builder
     */
    public Builder usedFirstName(String usedFirstName) {
      this.usedFirstName = usedFirstName;
      return this;
    }

    /**
     * Sets when INSi was last called.
     *
     * @param at the instant, or null
     * @return this builder
     */
    public Builder lastInsiCall(Instant at) {
      this.lastInsiCall = at;
      return this;
    }

    /**
     * Sets how the identity was validated.
     *
     * @param mode the mode, or null
     * @param on the date, or null
     * @return this builder
     */
    public Builder validation(ValidationMode mode, LocalDate on) {
      this.validationMode = mode;
      this.validationDate = on;
      return this;
    }

    /**
     * Sets how the identity was collected.
     *
     * @param method the method, or null
     * @return this builder
     */
    public Builder collectionMethod(CollectionMethod method) {
      this.collectionMethod = method;
      return this;
    }

    /**
     * Sets the justification of the INSi criterion (required for RECUP and QUAL). When loading an
     * identity this SDK stored, give back the one it had; for one read from a source that does not
     * carry it, say so with {@link InsiJustification.Declared} and the source's name.
     *
     * @param justification the justification, or null
     * @return this builder
     */
    public Builder insiJustification(InsiJustification justification) {
      this.insiJustification = justification;
      return this;
    }

    /**
     * Checks the invariants (see the {@link Identity} class documentation) and builds.
     *
     * @return the identity
     * @throws InsValidationException when a used name is not in INS form or the traits are missing
     * @throws IdentityStateException when status, attributes and evidence break an RNIV rule
     */
    public Identity build() {
      if (traits == null) {
        throw InsValidationException.of("traits", ViolationCode.REQUIRED, -1, "traits are required");
      }
      List<Violation> v = new ArrayList<>();
      if (usedName != null) {
        v.addAll(TraitValidator.validate(TraitField.USED_NAME, usedName));
      }
      if (usedFirstName != null) {
        v.addAll(TraitValidator.validate(TraitField.USED_FIRST_NAME, usedFirstName));
      }
      if (!v.isEmpty()) {
        throw new InsValidationException(v);
      }
      if (attributes.contains(IdentityAttribute.DOUTEUSE) && attributes.contains(IdentityAttribute.FICTIVE)) {
        throw new IdentityStateException(IdentityStateException.Rule.EXCLUSIVE_ATTRIBUTES, status, null,
            "fictive and douteuse cannot be set together");
      }
      if (status != IdentityStatus.PROV
          && (attributes.contains(IdentityAttribute.DOUTEUSE) || attributes.contains(IdentityAttribute.FICTIVE))) {
        throw new IdentityStateException(IdentityStateException.Rule.MUST_STAY_PROVISIONAL, status, null,
            "a douteuse or fictive identity must be PROV");
      }
      if (status.insiRetrieved() && ins == null) {
        throw new IdentityStateException(IdentityStateException.Rule.INS_REQUIRED, status, null,
            "RECUP and QUAL identities carry the INS returned by INSi");
      }
      if (status.insiRetrieved() && insiJustification == null) {
        throw new IdentityStateException(IdentityStateException.Rule.INSI_JUSTIFICATION_REQUIRED, status, null,
            "RECUP and QUAL identities carry the justification of their INSi retrieval");
      }
      if (!status.insiRetrieved() && insiJustification != null) {
        throw new IdentityStateException(IdentityStateException.Rule.JUSTIFICATION_WITHOUT_RETRIEVAL, status, null,
            "only RECUP and QUAL identities carry an INSi justification");
      }
      if (insiJustification != null && insiJustification.insiTraits().map(t -> !t.equals(traits)).orElse(false)) {
        throw new IdentityStateException(IdentityStateException.Rule.JUSTIFICATION_MISMATCH, status, null,
            "the INSi justification was given for other traits than the ones held");
      }
      if (status.documentChecked() && (validationMode == null || validationDate == null)) {
        throw new IdentityStateException(IdentityStateException.Rule.DOCUMENT_CHECK_REQUIRED, status, null,
            "VALI and QUAL identities carry the document check: validation mode and date");
      }
      return new Identity(this);
    }
  }
}
