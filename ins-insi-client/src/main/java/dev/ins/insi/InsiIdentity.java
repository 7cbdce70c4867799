package dev.ins.insi;

import dev.ins.core.IdentityEvent;
import dev.ins.core.InsIdentifier;
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
 * if (id.isValid()) {
 *   identity = identity.apply(id.toEvent(Instant.now()).orElseThrow());
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
   * Builds the ins-core event recording this retrieval, when the identity is valid.
   *
   * @param at when it was retrieved
   * @return the event, or empty when something is invalid
   */
  public Optional<IdentityEvent.InsiRetrieved> toEvent(Instant at) {
    if (!isValid()) {
      return Optional.empty();
    }
    List<InsIdentifier> h = new ArrayList<>();
    for (ReturnedIns r : history) {
      h.add(r.identifier().orElseThrow());
    }
    return Optional.of(new IdentityEvent.InsiRetrieved(active.identifier().orElseThrow(),
        traits.traits().orElseThrow(), h, at));
  }
}
