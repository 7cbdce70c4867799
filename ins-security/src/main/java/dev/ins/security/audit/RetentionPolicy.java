package dev.ins.security.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How long audit entries are kept, aligned with the CNIL's 2021 logging recommendation: 6 months
 * to 1 year by default, up to 3 years for internal control when a risk of misuse is documented,
 * longer only with a specific legal justification.
 *
 * <p>Periods are calendar periods counted in UTC. The policy says which entries are due for
 * deletion; it does not delete (a Merkle log keeps every leaf: archive then start a new log, and
 * keep the old log's last checkpoint as evidence).
 *
 * <pre>{@code
 * RetentionPolicy p = RetentionPolicy.cnilDefault();
 * long due = p.dueForDeletion(log.entries(), clock.instant());
 * }</pre>
 *
 * @param retention how long entries are kept
 * @param justification why a period beyond 1 year is used; empty for the default range
 */
public record RetentionPolicy(Period retention, String justification) {
  /** The CNIL's default lower bound. */
  public static final Period CNIL_MIN = Period.ofMonths(6);

  /** The CNIL's default upper bound. */
  public static final Period CNIL_DEFAULT_MAX = Period.ofYears(1);

  /** The CNIL's upper bound for internal control. */
  public static final Period CNIL_INTERNAL_CONTROL = Period.ofYears(3);

  /**
   * Validates: at least 6 months; beyond 1 year a justification is required.
   *
   * @param retention the period
   * @param justification required beyond 1 year
   */
  public RetentionPolicy {
    Objects.requireNonNull(retention, "retention == null");
    Objects.requireNonNull(justification, "justification == null");
    if (days(retention) < days(CNIL_MIN)) {
      throw new IllegalArgumentException("retention shorter than the CNIL's 6 months: " + retention);
    }
    if (days(retention) > days(CNIL_DEFAULT_MAX) && justification.isBlank()) {
      throw new IllegalArgumentException("retention beyond 1 year needs a documented justification (CNIL 2021)");
    }
  }

  private static long days(Period p) {
    return p.toTotalMonths() * 31 + p.getDays();
  }

  /**
   * The CNIL default: 1 year.
   *
   * @return the policy
   */
  public static RetentionPolicy cnilDefault() {
    return new RetentionPolicy(CNIL_DEFAULT_MAX, "");
  }

  /**
   * Internal control: 3 years, with the documented risk of misuse.
   *
   * @param justification the documented reason
   * @return the policy
   */
  public static RetentionPolicy internalControl(String justification) {
    return new RetentionPolicy(CNIL_INTERNAL_CONTROL, justification);
  }

  /**
   * Returns when an entry written at {@code time} is due for deletion.
   *
   * @param time the entry time
   * @return the expiry instant
   */
  public Instant expiresAt(Instant time) {
    return time.atOffset(ZoneOffset.UTC).plus(retention).toInstant();
  }

  /**
   * Tells whether an entry is past its retention.
   *
   * @param e the entry
   * @param now the current time
   * @return true when due for deletion
   */
  public boolean isExpired(AuditEntry e, Instant now) {
    return !expiresAt(e.time()).isAfter(now);
  }

  /**
   * Counts the entries past retention.
   *
   * @param entries the entries
   * @param now the current time
   * @return how many are due
   */
  public long dueForDeletion(List<AuditEntry> entries, Instant now) {
    return entries.stream().filter(e -> isExpired(e, now)).count();
  }

  /**
   * Returns the retention as an approximate duration (for display).
   *
   * @return the duration
   */
  public Duration approximately() {
    return Duration.ofDays(days(retention));
  }
}
