package dev.ins.insi;

import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsIdentifier;
import dev.ins.core.RetrievalReview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity returned with {@code CR 00}: active matricule and OID, history, qualified traits.
 *
 * <p>Every part keeps INSi's raw data; {@link #isValid()} tells whether all of it passed ins-core's
 * strict rules. Masked {@code toString()}.
 *
 * <pre>{@code
 * InsiIdentity id = found.identity();
 * RetrievalReview review = id.review(identity, found.startedAt()).orElseThrow(); // INSi data valid
 * if (review.verdict().verdict() == Verdict.COHERENT) {
 *   identity = identity.apply(review.confirm());
 * }
 * }</pre>
 *
 * @param active {@code INSACTIF}
 * @param history {@code INSHISTO}, in received order, possibly empty
 * @param traits {@code TIQ}
 */
public record InsiIdentity(ReturnedIns active, List<ReturnedIns> history, ReturnedTraits traits) {

  /**
   * Rejects nulls, copies the history.
   *
   * @param active see the record component
   * @param history see the record component
   * @param traits see the record component
   */
  public InsiIdentity {
    Objects.requireNonNull(active, "active");
    Objects.requireNonNull(traits, "traits");
    history = List.copyOf(history);
  }

  /**
   * Tells whether the active identifier, every historical one and the traits are valid.
   *
   * @return true when everything passed strict validation
   */
  public boolean isValid() {
    return active.isValid() && traits.isValid() && history.stream().allMatch(ReturnedIns::isValid);
  }

  /**
   * Starts the strict review of this answer against the local identity that was searched: the
   * only way to an {@link IdentityEvent.InsiRetrieved} (see {@link RetrievalReview}: a COHERENT
   * verdict confirms, a NEEDS_REVIEW one needs an operator decision, an INCOHERENT one cannot be
   * confirmed).
   *
   * @param local the identity whose traits were searched
   * @param at when INSi answered
   * @return the review, or empty when INSi's data are invalid (see {@link #isValid()})
   */
  public Optional<RetrievalReview> review(Identity local, Instant at) {
    return review(local, local.traits().firstNames().first(), at);
  }

  /**
   * Starts the strict review with the local first birth first name held separately (it may be a
   * compound such as {@code JEAN-CHRISTOPHE}).
   *
   * @param local the identity whose traits were searched
   * @param localFirstFirstName the local first birth first name, in INS form
   * @param at when INSi answered
   * @return the review, or empty when INSi's data are invalid (see {@link #isValid()})
   */
  public Optional<RetrievalReview> review(Identity local, String localFirstFirstName, Instant at) {
    Objects.requireNonNull(local, "local");
    if (!isValid()) {
      return Optional.empty();
    }
    List<InsIdentifier> h = new ArrayList<>();
    for (ReturnedIns r : history) {
      h.add(r.identifier().orElseThrow());
    }
    return Optional.of(RetrievalReview.of(local, localFirstFirstName, active.identifier().orElseThrow(),
        traits.traits().orElseThrow(), h, at));
  }
}
