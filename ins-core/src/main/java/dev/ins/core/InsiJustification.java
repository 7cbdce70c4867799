package dev.ins.core;

import dev.ins.core.matching.StrictMatcher;
import dev.ins.core.matching.StrictVerdict;
import dev.ins.core.matching.TraitCheck;
import dev.ins.core.matching.TraitOutcome;
import dev.ins.core.matching.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an identity holds the INSi criterion (RECUP, QUAL): the evidence kept with the identity, in
 * its JSON and its status history.
 *
 * <ul>
 *   <li>{@link Coherent}: the strict comparison of the local traits with INSi's was COHERENT;</li>
 *   <li>{@link OperatorDecision}: the comparison asked for a review, and an operator (who, when)
 *   accepted exactly the differences it listed;</li>
 *   <li>{@link Declared}: the identity was read from a system or a store that does not carry the
 *   evidence (a FHIR resource, an HL7 message, data written before justifications existed); the
 *   source is named. Never accepted by a retrieval event.</li>
 * </ul>
 *
 * <p>Invariants: the first two recompute the strict verdict from the traits they hold, so they
 * cannot be forged: a {@code Coherent} exists only for traits whose verdict is COHERENT, an
 * {@code OperatorDecision} only for a NEEDS_REVIEW verdict and the exact list of its review points.
 * An INCOHERENT verdict has no justification at all ({@link IdentityStateException.Rule#INCOHERENT_CANNOT_BE_CONFIRMED}).
 * The {@code toString()} of each kind shows no trait.
 *
 * <pre>{@code
 * InsiJustification j = InsiJustification.coherent(local, insi);   // throws unless COHERENT
 * Identity recup = identity.apply(new IdentityEvent.InsiRetrieved(ins, insi, List.of(), at, j));
 * }</pre>
 */
public sealed interface InsiJustification {

  /** The longest operator identifier or declared source accepted, in characters. */
  int MAX_TEXT = 200;

  /** The kinds of justification. */
  enum Kind {
    /** The strict verdict was COHERENT. */
    COHERENT,
    /** An operator accepted the differences a NEEDS_REVIEW verdict listed. */
    OPERATOR_DECISION,
    /** Declared by the source the identity was read from; no verdict is available. */
    DECLARED
  }

  /**
   * Returns the kind of justification.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * Returns the INSi traits the justification was given for.
   *
   * @return the traits, empty for {@link Declared}
   */
  Optional<Traits> insiTraits();

  /**
   * Justifies a retrieval whose strict verdict is COHERENT (the local first birth first name taken
   * from the local list).
   *
   * @param local the local traits that were searched
   * @param insi the traits INSi returned
   * @return the justification
   * @throws IdentityStateException {@code VERDICT_NOT_COHERENT} (NEEDS_REVIEW) or
   *     {@code INCOHERENT_CANNOT_BE_CONFIRMED}
   */
  static Coherent coherent(Traits local, Traits insi) {
    return new Coherent(local, local.firstNames().first(), insi);
  }

  /**
   * Lists the checks a verdict asks an operator to review (outcome NEEDS_REVIEW), in trait order.
   *
   * @param verdict the strict verdict
   * @return the review points, possibly empty
   */
  static List<TraitCheck> reviewPoints(StrictVerdict verdict) {
    List<TraitCheck> out = new ArrayList<>();
    for (TraitCheck c : verdict.checks()) {
      if (c.outcome() == TraitOutcome.NEEDS_REVIEW) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The strict comparison found the local and INSi traits COHERENT.
   *
   * @param local the local traits that were searched
   * @param localFirstFirstName the local first birth first name compared with INSi's list
   * @param insi the traits INSi returned
   */
  record Coherent(Traits local, String localFirstFirstName, Traits insi) implements InsiJustification {
    /**
     * Recomputes the verdict and refuses anything but COHERENT.
     *
     * @param local see the record component
     * @param localFirstFirstName see the record component
     * @param insi see the record component
     */
    public Coherent {
      Verdict v = StrictMatcher.compare(Objects.requireNonNull(local, "local"),
          Objects.requireNonNull(localFirstFirstName, "localFirstFirstName"), Objects.requireNonNull(insi, "insi"))
          .verdict();
      if (v == Verdict.INCOHERENT) {
        throw new IdentityStateException(IdentityStateException.Rule.INCOHERENT_CANNOT_BE_CONFIRMED,
            "the strict verdict is INCOHERENT: the retrieval cannot be confirmed");
      }
      if (v != Verdict.COHERENT) {
        throw new IdentityStateException(IdentityStateException.Rule.VERDICT_NOT_COHERENT,
            "the strict verdict is " + v + ": an operator must review the differences (OperatorDecision)");
      }
    }

    /**
     * Returns the strict verdict, recomputed from the traits.
     *
     * @return a COHERENT verdict
     */
    public StrictVerdict verdict() {
      return StrictMatcher.compare(local, localFirstFirstName, insi);
    }

    @Override
    public Kind kind() {
      return Kind.COHERENT;
    }

    @Override
    public Optional<Traits> insiTraits() {
      return Optional.of(insi);
    }

    /** Masked: the kind only. */
    @Override
    public String toString() {
      return "Coherent[verdict=COHERENT]";
    }
  }

  /**
   * An operator reviewed a NEEDS_REVIEW verdict and accepted its differences.
   *
   * @param local the local traits that were searched
   * @param localFirstFirstName the local first birth first name compared with INSi's list
   * @param insi the traits INSi returned
   * @param operator who decided (a user identifier of the vendor's software, not patient data)
   * @param decidedAt when
   * @param accepted the differences accepted: exactly the verdict's review points, in trait order
   */
  record OperatorDecision(Traits local, String localFirstFirstName, Traits insi, String operator,
      Instant decidedAt, List<TraitCheck> accepted) implements InsiJustification {
    /**
     * Recomputes the verdict; refuses INCOHERENT, COHERENT (nothing to accept) and an accepted list
     * that is not exactly the review points.
     *
     * @param local see the record component
     * @param localFirstFirstName see the record component
     * @param insi see the record component
     * @param operator see the record component
     * @param decidedAt see the record component
     * @param accepted see the record component
     */
    public OperatorDecision {
      StrictVerdict v = StrictMatcher.compare(Objects.requireNonNull(local, "local"),
          Objects.requireNonNull(localFirstFirstName, "localFirstFirstName"), Objects.requireNonNull(insi, "insi"));
      requireText("justification.operator", operator);
      Objects.requireNonNull(decidedAt, "decidedAt");
      accepted = List.copyOf(accepted);
      if (v.verdict() == Verdict.INCOHERENT) {
        throw new IdentityStateException(IdentityStateException.Rule.INCOHERENT_CANNOT_BE_CONFIRMED,
            "the strict verdict is INCOHERENT: no operator decision can confirm the retrieval");
      }
      if (v.verdict() == Verdict.COHERENT) {
        throw new IdentityStateException(IdentityStateException.Rule.NO_DIFFERENCE_TO_ACCEPT,
            "the strict verdict is COHERENT: confirm it (Coherent) instead of accepting differences");
      }
      List<TraitCheck> expected = reviewPoints(v);
      if (!accepted.equals(expected)) {
        throw new IdentityStateException(IdentityStateException.Rule.ACCEPTED_DIFFERENCES_MISMATCH,
            "the operator must accept exactly the review points " + describe(expected) + ", got " + describe(accepted));
      }
    }

    /**
     * Returns the strict verdict, recomputed from the traits.
     *
     * @return a NEEDS_REVIEW verdict
     */
    public StrictVerdict verdict() {
      return StrictMatcher.compare(local, localFirstFirstName, insi);
    }

    @Override
    public Kind kind() {
      return Kind.OPERATOR_DECISION;
    }

    @Override
    public Optional<Traits> insiTraits() {
      return Optional.of(insi);
    }

    /** Masked: operator, time and accepted differences, no trait. */
    @Override
    public String toString() {
      return "OperatorDecision[operator=" + operator + ", decidedAt=" + decidedAt + ", accepted=" + describe(accepted) + "]";
    }
  }

  /**
   * The INSi criterion was established outside this SDK's event path and declared by a source
   * that does not carry its evidence.
   *
   * @param source what declared it, e.g. {@code "FHIR fr-core-patient-ins identityReliability"};
   *     never patient data
   */
  record Declared(String source) implements InsiJustification {
    /**
     * Validates the source.
     *
     * @param source see the record component
     */
    public Declared {
      requireText("justification.source", source);
    }

    @Override
    public Kind kind() {
      return Kind.DECLARED;
    }

    @Override
    public Optional<Traits> insiTraits() {
      return Optional.empty();
    }
  }

  private static void requireText(String field, String text) {
    if (text == null) {
      throw InsValidationException.of(field, ViolationCode.REQUIRED, -1, "a value is required");
    }
    if (text.isBlank()) {
      throw InsValidationException.of(field, ViolationCode.EMPTY, -1, "a non-blank value is required");
    }
    if (text.length() > MAX_TEXT) {
      throw InsValidationException.of(field, ViolationCode.TOO_LONG, MAX_TEXT, "at most " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw InsValidationException.of(field, ViolationCode.INVALID_CHARACTER, i, "control characters are not allowed");
      }
    }
  }

  private static String describe(List<TraitCheck> checks) {
    return checks.stream().map(c -> c.trait() + "=" + c.reason()).collect(Collectors.joining(", ", "[", "]"));
  }
}
