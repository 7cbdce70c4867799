package dev.ins.practice.auth;

import dev.ins.security.password.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The login throttle a vendor puts in front of its login: exponential back-off per account and per
 * source (workstation, IP address), an account lockout, and answers that do not tell an unknown
 * account from a wrong password. It is the "restriction of access" that lets the CNIL's 50-bit
 * threshold apply ({@link CnilThreshold#WITH_BRUTE_FORCE_LIMITS}).
 *
 * <p>Rules (defaults): the first 3 failures of an account are free; then each failure doubles the
 * wait before the next try, from 1 s up to 15 min; after 10 failures in a row the account is
 * locked until {@link #unlock} (or for {@code lockDuration} when set). A source gets 10 free
 * failures across all accounts, then the same back-off, which slows down one workstation trying
 * many accounts. A success clears the account's count. Counts are forgotten 24 h after the last
 * failure; at most {@code maxEntries} keys are kept (the oldest are dropped first). Time comes
 * from the injected {@link Clock}; nothing sleeps: a throttled attempt is answered at once with
 * the time of the next allowed try. State is in memory: restore counts after a restart through
 * your own store if you need them to span restarts. Thread-safe.
 *
 * <pre>{@code
 * LoginThrottle throttle = LoginThrottle.builder().hasher(hasher).build();
 * LoginThrottle.Decision d = throttle.attempt(login, workstation,
 *     () -> throttle.verify(password, users.storedHash(login)));   // Optional.empty() when unknown
 * if (d.outcome() != LoginThrottle.Outcome.SUCCESS) show(d.message());
 * }</pre>
 */
public final class LoginThrottle {
  /** The one message for every refused login: it does not say whether the account exists. */
  public static final String REFUSED = "Identifiant ou mot de passe incorrect.";

  private final Clock clock;
  private final int accountFree;
  private final int sourceFree;
  private final Duration base;
  private final Duration max;
  private final int lockAfter;
  private final Duration lockDuration;
  private final Duration forgetAfter;
  private final PasswordHasher hasher;
  private final String dummyHash;
  private final Map<String, Counter> counters;

  private LoginThrottle(Builder b) {
    this.clock = b.clock;
    this.accountFree = b.accountFree;
    this.sourceFree = b.sourceFree;
    this.base = b.base;
    this.max = b.max;
    this.lockAfter = b.lockAfter;
    this.lockDuration = b.lockDuration;
    this.forgetAfter = b.forgetAfter;
    this.hasher = b.hasher;
    this.dummyHash = b.hasher == null ? null : b.hasher.hash("ins-sdk/login-throttle/dummy".toCharArray());
    int maxEntries = b.maxEntries;
    this.counters = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /**
   * Starts a configuration with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link LoginThrottle}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private int accountFree = 3;
    private int sourceFree = 10;
    private Duration base = Duration.ofSeconds(1);
    private Duration max = Duration.ofMinutes(15);
    private int lockAfter = 10;
    private Duration lockDuration = Duration.ZERO;
    private Duration forgetAfter = Duration.ofHours(24);
    private int maxEntries = 100_000;
    private PasswordHasher hasher;

    private Builder() {}

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the free failures per account and per source before back-off starts.
     *
     * @param account 0..100 (default 3)
     * @param source 0..1000 (default 10)
     * @return this builder
     */
    public Builder freeFailures(int account, int source) {
      this.accountFree = account;
      this.sourceFree = source;
      return this;
    }

    /**
     * Sets the back-off: the first wait and the longest one.
     *
     * @param first positive (default 1 s)
     * @param longest at least {@code first} (default 15 min)
     * @return this builder
     */
    public Builder backoff(Duration first, Duration longest) {
      this.base = Objects.requireNonNull(first, "first == null");
      this.max = Objects.requireNonNull(longest, "longest == null");
      return this;
    }

    /**
     * Sets the lockout.
     *
     * @param failures consecutive failures that lock the account (default 10)
     * @param duration how long it stays locked; {@link Duration#ZERO} (default) = until {@link #unlock}
     * @return this builder
     */
    public Builder lockout(int failures, Duration duration) {
      this.lockAfter = failures;
      this.lockDuration = Objects.requireNonNull(duration, "duration == null");
      return this;
    }

    /**
     * Sets how long after the last failure a count is forgotten, and how many keys are kept.
     *
     * @param after positive (default 24 h)
     * @param maxEntries 1..10,000,000 (default 100,000)
     * @return this builder
     */
    public Builder memory(Duration after, int maxEntries) {
      this.forgetAfter = Objects.requireNonNull(after, "after == null");
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets the password hasher used by {@link #verify} (also to hash a dummy for unknown accounts).
     *
     * @param hasher the practice's hasher
     * @return this builder
     */
    public Builder hasher(PasswordHasher hasher) {
      this.hasher = Objects.requireNonNull(hasher, "hasher == null");
      return this;
    }

    /**
     * Builds.
     *
     * @return the throttle
     * @throws IllegalStateException naming the parameter out of range
     */
    public LoginThrottle build() {
      if (accountFree < 0 || accountFree > 100 || sourceFree < 0 || sourceFree > 1000) {
        throw new IllegalStateException("free failures must be 0..100 per account and 0..1000 per source");
      }
      if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
        throw new IllegalStateException("backoff: first must be positive and longest at least first");
      }
      if (lockAfter <= accountFree || lockAfter > 1000 || lockDuration.isNegative()) {
        throw new IllegalStateException("lockout: failures must be above the free failures (and at most 1000)");
      }
      if (forgetAfter.isNegative() || forgetAfter.isZero() || maxEntries < 1 || maxEntries > 10_000_000) {
        throw new IllegalStateException("memory: after must be positive and maxEntries 1..10,000,000");
      }
      return new LoginThrottle(this);
    }
  }

  /** What happened to an attempt. */
  public enum Outcome {
    /** The check may run now ({@link #check} only). */
    ALLOWED,
    /** The password was right. */
    SUCCESS,
    /** The password was wrong or the account unknown (the same answer). */
    FAILURE,
    /** Too many failures: try again after {@link Decision#retryAt()}. The password was not checked. */
    DELAYED,
    /** The account is locked. The password was not checked. */
    LOCKED
  }

  /**
   * An answer.
   *
   * @param outcome what happened
   * @param retryAt when the next attempt is allowed (DELAYED, and LOCKED with a lock duration)
   * @param message the French message to show; the same for an unknown account and a wrong password
   */
  public record Decision(Outcome outcome, Optional<Instant> retryAt, String message) {
    /**
     * Validates.
     *
     * @param outcome not null
     * @param retryAt not null
     * @param message not null
     */
    public Decision {
      Objects.requireNonNull(outcome, "outcome == null");
      Objects.requireNonNull(retryAt, "retryAt == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  private static final class Counter {
    int failures;
    Instant last;
    boolean locked;
  }

  /**
   * Tells whether an attempt may be checked now.
   *
   * @param account the login typed (existing or not)
   * @param source the workstation or address
   * @return ALLOWED, DELAYED or LOCKED
   */
  public synchronized Decision check(String account, String source) {
    Instant now = clock.instant();
    Counter a = current("a:" + Objects.requireNonNull(account, "account == null"), now);
    Counter s = current("s:" + Objects.requireNonNull(source, "source == null"), now);
    if (a != null && a.locked) {
      Optional<Instant> until = lockDuration.isZero() ? Optional.empty() : Optional.of(a.last.plus(lockDuration));
      if (until.isEmpty() || now.isBefore(until.get())) {
        return new Decision(Outcome.LOCKED, until,
            "Compte verrouillé après trop d'échecs : contactez l'administrateur du cabinet.");
      }
      a.locked = false;
      a.failures = accountFree;
    }
    Instant retry = later(nextAllowed(a, accountFree), nextAllowed(s, sourceFree));
    if (retry != null && now.isBefore(retry)) {
      return new Decision(Outcome.DELAYED, Optional.of(retry), "Trop d'essais : réessayez dans "
          + Math.max(1, Duration.between(now, retry).toSeconds()) + " s.");
    }
    return new Decision(Outcome.ALLOWED, Optional.empty(), "");
  }

  /**
   * Checks, runs the password check when allowed, and records the result.
   *
   * @param account the login typed
   * @param source the workstation or address
   * @param passwordCheck the vendor's check (e.g. {@link #verify}); not run while throttled
   * @return SUCCESS, FAILURE, DELAYED or LOCKED
   */
  public Decision attempt(String account, String source, BooleanSupplier passwordCheck) {
    Decision d = check(account, source);
    if (d.outcome() != Outcome.ALLOWED) {
      return d;
    }
    if (passwordCheck.getAsBoolean()) {
      success(account, source);
      return new Decision(Outcome.SUCCESS, Optional.empty(), "");
    }
    failure(account, source);
    return new Decision(Outcome.FAILURE, Optional.empty(), REFUSED);
  }

  /**
   * Records a failure.
   *
   * @param account the login typed
   * @param source the workstation or address
   */
  public synchronized void failure(String account, String source) {
    Instant now = clock.instant();
    Counter a = counters.computeIfAbsent("a:" + account, k -> new Counter());
    Counter s = counters.computeIfAbsent("s:" + source, k -> new Counter());
    for (Counter c : new Counter[] {a, s}) {
      c.failures++;
      c.last = now;
    }
    if (a.failures >= lockAfter) {
      a.locked = true;
    }
  }

  /**
   * Records a success: the account's count is cleared (the source keeps its own).
   *
   * @param account the login
   * @param source the workstation or address
   */
  public synchronized void success(String account, String source) {
    counters.remove("a:" + account);
  }

  /**
   * Unlocks an account (an administrator's action) and clears its count.
   *
   * @param account the login
   */
  public synchronized void unlock(String account) {
    counters.remove("a:" + account);
  }

  /**
   * Checks a password in the same time whether or not the account exists: an unknown account
   * is checked against a dummy hash of the same cost, and always fails.
   *
   * @param password the password typed
   * @param storedHash the account's stored PHC string, empty when the account is unknown
   * @return whether it matches
   * @throws IllegalStateException when no hasher was configured
   */
  public boolean verify(char[] password, Optional<String> storedHash) {
    if (hasher == null) {
      throw new IllegalStateException("configure builder().hasher(...) to use verify");
    }
    boolean ok = hasher.login(password, storedHash.orElse(dummyHash)).matches();
    return ok && storedHash.isPresent();
  }

  private Counter current(String key, Instant now) {
    Counter c = counters.get(key);
    if (c != null && !c.locked && Duration.between(c.last, now).compareTo(forgetAfter) >= 0) {
      counters.remove(key);
      return null;
    }
    return c;
  }

  private Instant nextAllowed(Counter c, int free) {
    if (c == null || c.failures <= free) {
      return null;
    }
    int over = Math.min(c.failures - free - 1, 40);
    Duration wait = base.multipliedBy(1L << Math.min(over, 30));
    if (wait.compareTo(max) > 0 || over >= 30) {
      wait = max;
    }
    return c.last.plus(wait);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "LoginThrottle[free " + accountFree + "/" + sourceFree + ", backoff " + base + ".." + max + ", lock after " + lockAfter + "]";
  }
}
