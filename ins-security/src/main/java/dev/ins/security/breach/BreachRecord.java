package dev.ins.security.breach;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the internal breach register that GDPR art. 33(5) requires for every personal-data
 * breach, notified or not: the facts, the effects and the remedial action taken.
 *
 * <p>Immutable; {@link #notified} returns an updated copy. The 72-hour clock starts at {@code
 * awareAt}, the moment the controller became aware of the breach. Free-text fields must not hold
 * patient data.
 *
 * <pre>{@code
 * BreachRecord r = BreachRecord.of("2026-001", awareAt, "ransomware on the reception PC",
 *     Set.of(DataCategory.INS_IDENTIFIER, DataCategory.IDENTITY_TRAITS), "identity theft risk",
 *     "PC isolated, backups restored, passwords reset");
 * Duration left = r.timeLeft(clock.instant());
 * }</pre>
 *
 * @param id the register's own reference
 * @param awareAt when the controller became aware
 * @param nature what happened (confidentiality, integrity or availability breach, how)
 * @param categories the data categories concerned
 * @param likelyConsequences the likely consequences for the persons
 * @param measures the measures taken or planned
 * @param notifiedAt when the CNIL was notified, if it was
 * @param reasonNotNotifiedOrLate why it was not notified, or why after 72 hours; empty otherwise
 */
public record BreachRecord(
    String id,
    Instant awareAt,
    String nature,
    Set<DataCategory> categories,
    String likelyConsequences,
    String measures,
    Optional<Instant> notifiedAt,
    String reasonNotNotifiedOrLate) {

  /** The notification deadline of GDPR art. 33(1). */
  public static final Duration DEADLINE = Duration.ofHours(72);

  /**
   * Validates.
   *
   * @param id 1..64 characters
   * @param awareAt not null
   * @param nature not blank
   * @param categories at least one
   * @param likelyConsequences not null
   * @param measures not null
   * @param notifiedAt not null (may be empty), not before awareAt
   * @param reasonNotNotifiedOrLate not null
   */
  public BreachRecord {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw new IllegalArgumentException("id must be 1..64 characters");
    }
    Objects.requireNonNull(awareAt, "awareAt == null");
    if (nature == null || nature.isBlank()) {
      throw new IllegalArgumentException("nature must not be blank");
    }
    if (categories == null || categories.isEmpty()) {
      throw new IllegalArgumentException("at least one data category");
    }
    categories = Set.copyOf(EnumSet.copyOf(categories));
    Objects.requireNonNull(likelyConsequences, "likelyConsequences == null");
    Objects.requireNonNull(measures, "measures == null");
    Objects.requireNonNull(notifiedAt, "notifiedAt == null");
    Objects.requireNonNull(reasonNotNotifiedOrLate, "reasonNotNotifiedOrLate == null");
    for (String text : new String[] {id, nature, likelyConsequences, measures, reasonNotNotifiedOrLate}) {
      if (!dev.ins.security.logging.PiiRedactor.redact(text).equals(text)) {
        throw new IllegalArgumentException("breach register text must not hold a matricule");
      }
    }
    if (notifiedAt.isPresent() && notifiedAt.get().isBefore(awareAt)) {
      throw new IllegalArgumentException("notifiedAt is before awareAt");
    }
  }

  /**
   * Records a new, not yet notified breach.
   *
   * @param id the reference
   * @param awareAt when the controller became aware
   * @param nature what happened
   * @param categories data concerned
   * @param likelyConsequences likely consequences
   * @param measures measures taken or planned
   * @return the record
   */
  public static BreachRecord of(
      String id, Instant awareAt, String nature, Set<DataCategory> categories, String likelyConsequences, String measures) {
    return new BreachRecord(id, awareAt, nature, categories, likelyConsequences, measures, Optional.empty(), "");
  }

  /**
   * Returns when the notification is due.
   *
   * @return {@code awareAt + 72 h}
   */
  public Instant deadline() {
    return awareAt.plus(DEADLINE);
  }

  /**
   * Returns the time left before the deadline (negative when past).
   *
   * @param now the current time
   * @return the duration
   */
  public Duration timeLeft(Instant now) {
    return Duration.between(now, deadline());
  }

  /**
   * Tells whether a notification made (or to be made) at {@code at} is late, so that the
   * notification must give the reasons for the delay.
   *
   * @param at the notification time
   * @return true after 72 hours
   */
  public boolean isLate(Instant at) {
    return at.isAfter(deadline());
  }

  /**
   * Returns a copy marked as notified.
   *
   * @param at when the CNIL was notified
   * @param reasonIfLate the reasons for the delay; required when late
   * @return the updated record
   */
  public BreachRecord notified(Instant at, String reasonIfLate) {
    if (isLate(at) && (reasonIfLate == null || reasonIfLate.isBlank())) {
      throw new IllegalArgumentException("notified after 72 h: GDPR art. 33(1) requires the reasons for the delay");
    }
    return new BreachRecord(id, awareAt, nature, categories, likelyConsequences, measures, Optional.of(at), reasonIfLate == null ? "" : reasonIfLate);
  }
}
