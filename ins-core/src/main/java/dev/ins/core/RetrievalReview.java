package dev.ins.core;

import dev.ins.core.matching.StrictMatcher;
import dev.ins.core.matching.StrictVerdict;
import dev.ins.core.matching.TraitCheck;
import dev.ins.core.matching.TraitOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The step between an INSi answer and the RECUP status: the strict comparison of the local
 * identity with what INSi returned, and the only two ways to turn it into a retrieval event.
 *
 * <ul>
 *   <li>{@link #confirm()}: the verdict is COHERENT; no human is needed;</li>
 *   <li>{@link #acceptDifferences(String, Instant)}: the verdict is NEEDS_REVIEW, an operator saw
 *   {@link #differences()} and accepts them; who and when are kept in the identity;</li>
 *   <li>an INCOHERENT verdict cannot be confirmed at all: both methods refuse it, the identity keeps
 *   its status.</li>
 * </ul>
 *
 * <p>The event carries its {@link InsiJustification}; {@link Identity#apply(IdentityEvent)} accepts
 * it only for the identity whose traits were compared. {@link #toString()} shows no trait.
 *
 * <pre>{@code
 * RetrievalReview review = RetrievalReview.of(identity, ins, insiTraits, history, answeredAt);
 * identity = switch (review.verdict().verdict()) {
 *   case COHERENT -> identity.apply(review.confirm());
 *   case NEEDS_REVIEW -> identity.apply(review.acceptDifferences("operator-17", Instant.now())); // after showing them
 *   case INCOHERENT -> identity;                    // alert: cannot be confirmed
 * };
 * }</pre>
 */
public final class RetrievalReview {

  private final Traits local;
  private final String localFirstFirstName;
  private final InsIdentifier ins;
  private final Traits insi;
  private final List<InsIdentifier> history;
  private final Instant at;
  private final StrictVerdict verdict;

  private RetrievalReview(Traits local, String localFirstFirstName, InsIdentifier ins, Traits insi,
      List<InsIdentifier> history, Instant at) {
    this.local = Objects.requireNonNull(local, "local");
    this.localFirstFirstName = Objects.requireNonNull(localFirstFirstName, "localFirstFirstName");
    this.ins = Objects.requireNonNull(ins, "ins");
    this.insi = Objects.requireNonNull(insi, "insi");
    this.history = List.copyOf(history);
    this.at = Objects.requireNonNull(at, "at");
    this.verdict = StrictMatcher.compare(local, localFirstFirstName, insi);
  }

  /**
   * Compares the local identity with INSi's answer (the local first birth first name taken from
   * the local list).
   *
   * @param local the identity whose traits were searched
   * @param ins the active matricule and OID INSi returned
   * @param insi the traits INSi returned
   * @param history the former matricules INSi returned (INSHISTO), in INSi order
   * @param at when INSi answered
   * @return the review
   */
  public static RetrievalReview of(Identity local, InsIdentifier ins, Traits insi, List<InsIdentifier> history,
      Instant at) {
    Objects.requireNonNull(local, "local");
    return new RetrievalReview(local.traits(), local.traits().firstNames().first(), ins, insi, history, at);
  }

  /**
   * Compares the local identity with INSi's answer, with the local first birth first name held
   * separately (it may be a compound such as {@code JEAN-CHRISTOPHE}).
   *
   * @param local the identity whose traits were searched
   * @param localFirstFirstName the local first birth first name, in INS form
   * @param ins the active matricule and OID INSi returned
   * @param insi the traits INSi returned
   * @param history the former matricules INSi returned (INSHISTO), in INSi order
   * @param at when INSi answered
   * @return the review
   */
  public static RetrievalReview of(Identity local, String localFirstFirstName, InsIdentifier ins, Traits insi,
      List<InsIdentifier> history, Instant at) {
    Objects.requireNonNull(local, "local");
    return new RetrievalReview(local.traits(), localFirstFirstName, ins, insi, history, at);
  }

  /**
   * Returns the strict verdict, trait by trait.
   *
   * @return the verdict
   */
  public StrictVerdict verdict() {
    return verdict;
  }

  /**
   * Returns what an operator must look at: every check that is not equal or coherent, in trait
   * order (review points and, for an INCOHERENT verdict, the differences that forbid confirming).
   *
   * @return the checks, empty for a COHERENT verdict
   */
  public List<TraitCheck> differences() {
    List<TraitCheck> out = new ArrayList<>();
    for (TraitCheck c : verdict.checks()) {
      if (c.outcome() == TraitOutcome.NEEDS_REVIEW || c.outcome() == TraitOutcome.DIFFERENT) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Confirms a COHERENT retrieval.
   *
   * @return the retrieval event, justified by the verdict
   * @throws IdentityStateException {@code VERDICT_NOT_COHERENT} (an operator must review) or
   *     {@code INCOHERENT_CANNOT_BE_CONFIRMED}
   */
  public IdentityEvent.InsiRetrieved confirm() {
    return event(new InsiJustification.Coherent(local, localFirstFirstName, insi));
  }

  /**
   * Records that an operator reviewed a NEEDS_REVIEW verdict and accepts every difference it lists.
   *
   * @param operator who decided (a user identifier of your software; never patient data)
   * @param decidedAt when
   * @return the retrieval event, justified by the operator decision
   * @throws IdentityStateException {@code INCOHERENT_CANNOT_BE_CONFIRMED}, or
   *     {@code NO_DIFFERENCE_TO_ACCEPT} for a COHERENT verdict (use {@link #confirm()})
   */
  public IdentityEvent.InsiRetrieved acceptDifferences(String operator, Instant decidedAt) {
    return event(new InsiJustification.OperatorDecision(local, localFirstFirstName, insi, operator, decidedAt,
        InsiJustification.reviewPoints(verdict)));
  }

  private IdentityEvent.InsiRetrieved event(InsiJustification justification) {
    return new IdentityEvent.InsiRetrieved(ins, insi, history, at, justification);
  }

  /** Masked: the verdict and the reasons only. */
  @Override
  public String toString() {
    return "RetrievalReview[verdict=" + verdict.verdict() + ", ins=" + ins + ", differences=" + differences() + "]";
  }
}
