package dev.ins.insi;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded re-sending of a request that failed in a way that is safe to retry: a connection failure
 * before any response, or HTTP 503. Faults, timeouts, TLS failures and unreadable responses are
 * never retried (a timeout may hide a request INSi already processed).
 *
 * <pre>{@code
 * RetryPolicy.of(3, Duration.ofMillis(200)); // up to 3 sends, 200 ms, then 400 ms between them
 * }</pre>
 *
 * @param maxSends total sends per attempt, 1–5 (1 = no retry)
 * @param backoff pause before the first retry, doubled after each one; zero allowed
 */
public record RetryPolicy(int maxSends, Duration backoff) {

  /** No retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO);

  /**
   * Validates.
   *
   * @param maxSends see the record component
   * @param backoff see the record component
   */
  public RetryPolicy {
    if (maxSends < 1 || maxSends > 5) {
      throw new IllegalArgumentException("maxSends must be 1-5, got " + maxSends);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative() || backoff.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException("backoff must be 0-30 s");
    }
  }

  /**
   * Creates a policy.
   *
   * @param maxSends total sends, 1–5
   * @param backoff first pause
   * @return the policy
   */
  public static RetryPolicy of(int maxSends, Duration backoff) {
    return new RetryPolicy(maxSends, backoff);
  }
}
