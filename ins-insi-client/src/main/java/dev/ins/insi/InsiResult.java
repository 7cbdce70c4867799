package dev.ins.insi;

import dev.ins.core.vitale.CardPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an INSi search: one identity, none or several. Expected business outcomes are
 * data; faults and transport failures are exceptions ({@link InsiException}).
 *
 * <p>Every result carries the deciding report ({@link #cr()}), the message ID of the deciding
 * call, the start and total duration of the search, every attempt made and the environment
 * configured on the client.
 *
 * <pre>{@code
 * InsiResult r = client.searchByTraits(traits);
 * if (r instanceof InsiResult.Found) {
 *   InsiIdentity id = ((InsiResult.Found) r).identity();
 * } else if (r instanceof InsiResult.SeveralFound) {
 *   // ask for more traits
 * }
 * }</pre>
 */
public sealed interface InsiResult {

  /**
   * Returns the deciding report.
   *
   * @return the CR of the deciding attempt
   */
  CompteRendu cr();

  /**
   * Returns the message ID of the deciding attempt.
   *
   * @return {@code uuid:...}
   */
  String messageId();

  /**
   * Returns when the search started.
   *
   * @return the instant, from the client's clock
   */
  Instant startedAt();

  /**
   * Returns how long the whole search took.
   *
   * @return the duration, all attempts included
   */
  Duration duration();

  /**
   * Returns every attempt, in order.
   *
   * @return at least one attempt
   */
  List<Attempt> attempts();

  /**
   * Returns the configured environment the answer came from.
   *
   * @return the environment
   */
  InsiEnvironment environment();

  /**
   * Returns the check of the Carte Vitale made right before a Carte Vitale search (always
   * {@link CardPresence#SAME_CARD}: any other outcome refuses the search with a
   * {@link VitaleCardChangedException}).
   *
   * @return the check, empty for a search by traits
   */
  Optional<CardPresence> cardCheck();

  /**
   * CR 00: exactly one identity.
   *
   * @param identity the identity, raw data kept and strictly validated
   * @param cr the report
   * @param messageId the deciding message ID
   * @param startedAt when the search started
   * @param duration total duration
   * @param attempts every attempt
   * @param environment the environment
   * @param cardCheck the card check of a Carte Vitale search, empty for a search by traits
   */
  record Found(InsiIdentity identity, CompteRendu cr, String messageId, Instant startedAt, Duration duration,
      List<Attempt> attempts, InsiEnvironment environment, Optional<CardPresence> cardCheck) implements InsiResult {
    /**
     * Validates.
     *
     * @param identity see the record component
     * @param cr see the record component
     * @param messageId see the record component
     * @param startedAt see the record component
     * @param duration see the record component
     * @param attempts see the record component
     * @param environment see the record component
     * @param cardCheck see the record component
     */
    public Found {
      Objects.requireNonNull(identity, "identity");
      attempts = Checks.common(cr, messageId, startedAt, duration, attempts, environment, cardCheck);
    }

    /**
     * Starts the strict review of the returned identity against the local one that was searched
     * (see {@link InsiIdentity#review(dev.ins.core.Identity, Instant)}), dated when the search started.
     *
     * @param local the identity whose traits were searched
     * @return the review, or empty when INSi's data are invalid
     */
    public Optional<dev.ins.core.RetrievalReview> review(dev.ins.core.Identity local) {
      return identity.review(local, startedAt);
    }
  }

  /**
   * CR 01: no identity.
   *
   * @param cr the report
   * @param messageId the deciding message ID
   * @param startedAt when the search started
   * @param duration total duration
   * @param attempts every attempt
   * @param environment the environment
   * @param cardCheck the card check of a Carte Vitale search, empty for a search by traits
   */
  record NotFound(CompteRendu cr, String messageId, Instant startedAt, Duration duration,
      List<Attempt> attempts, InsiEnvironment environment, Optional<CardPresence> cardCheck) implements InsiResult {
    /**
     * Validates.
     *
     * @param cr see the record component
     * @param messageId see the record component
     * @param startedAt see the record component
     * @param duration see the record component
     * @param attempts see the record component
     * @param environment see the record component
     * @param cardCheck see the record component
     */
    public NotFound {
      attempts = Checks.common(cr, messageId, startedAt, duration, attempts, environment, cardCheck);
    }
  }

  /**
   * CR 02: several identities; INSi returns none of them.
   *
   * @param cr the report
   * @param messageId the deciding message ID
   * @param startedAt when the search started
   * @param duration total duration
   * @param attempts every attempt
   * @param environment the environment
   * @param cardCheck the card check of a Carte Vitale search, empty for a search by traits
   */
  record SeveralFound(CompteRendu cr, String messageId, Instant startedAt, Duration duration,
      List<Attempt> attempts, InsiEnvironment environment, Optional<CardPresence> cardCheck) implements InsiResult {
    /**
     * Validates.
     *
     * @param cr see the record component
     * @param messageId see the record component
     * @param startedAt see the record component
     * @param duration see the record component
     * @param attempts see the record component
     * @param environment see the record component
     * @param cardCheck see the record component
     */
    public SeveralFound {
      attempts = Checks.common(cr, messageId, startedAt, duration, attempts, environment, cardCheck);
    }
  }
}

/** Shared checks of the result records. */
final class Checks {
  private Checks() {}

  static List<Attempt> common(CompteRendu cr, String messageId, Instant startedAt, Duration duration,
      List<Attempt> attempts, InsiEnvironment environment, Optional<CardPresence> cardCheck) {
    Objects.requireNonNull(cardCheck, "cardCheck");
    if (cardCheck.isPresent() && cardCheck.get() != CardPresence.SAME_CARD) {
      throw new IllegalArgumentException("a Carte Vitale search is made only on the same card");
    }
    Objects.requireNonNull(cr, "cr");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(environment, "environment");
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a result has at least one attempt");
    }
    return List.copyOf(attempts);
  }
}
