package dev.ins.core.matching;

import dev.ins.core.internal.matching.Blocking;
import dev.ins.core.internal.matching.Compact;
import dev.ins.core.internal.matching.Scoring;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The blocking and scoring kernels of {@link DuplicateDetector}, for engines that distribute the
 * work themselves (the Spark job of {@code ins-spark}): prepare each record, group records by
 * their {@link PreparedRecord#blockingKey blocking keys}, score the pairs of each block. Scoring the
 * distinct pairs that share a key in some pass (within a sliding window of
 * {@link PreparedRecord#windowOrder} for blocks larger than the detector's cap) gives exactly the
 * detector's pairs, scores and kinds.
 *
 * <p>Immutable, serialisable, no static mutable state; {@link #score} is symmetric.
 *
 * <pre>{@code
 * DedupKernel k = DedupKernel.of(0.85);
 * Optional<CandidatePair> p = k.score(k.prepare(a), k.prepare(b));
 * }</pre>
 */
public final class DedupKernel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Number of blocking passes. */
  public static final int PASSES = Blocking.PASSES;
  /** The pass whose records also have a {@link PreparedRecord#usedNameKey()}. */
  public static final int NAME_PASS = Blocking.NAME;

  private static final Evidence[] EVIDENCE = Evidence.values();

  /** The minimum duplicate score, in [0, 1]. */
  private final double minScore;

  private DedupKernel(double minScore) {
    this.minScore = minScore;
  }

  /**
   * Creates the kernels for a minimum duplicate score.
   *
   * @param minScore in [0, 1], as {@link DuplicateDetector.Builder#minScore}
   * @return the kernels
   * @throws IllegalArgumentException when out of range
   */
  public static DedupKernel of(double minScore) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    return new DedupKernel(minScore);
  }

  /**
   * Returns the minimum duplicate score.
   *
   * @return the score
   */
  public double minScore() {
    return minScore;
  }

  /**
   * Prepares a record.
   *
   * @param record the record
   * @return its compact form
   */
  public PreparedRecord prepare(DedupRecord record) {
    return new PreparedRecord(Compact.of(Objects.requireNonNull(record, "record"), null));
  }

  /**
   * Scores a pair the way {@link DuplicateDetector} does.
   *
   * @param a a record
   * @param b another record, with another id
   * @return the pair when it is a collision or a duplicate scoring at least {@link #minScore()},
   *     else empty
   * @throws IllegalArgumentException when both records have the same id
   */
  public Optional<CandidatePair> score(PreparedRecord a, PreparedRecord b) {
    int c = a.id().compareTo(b.id());
    if (c == 0) {
      throw new IllegalArgumentException("a record is not compared with itself (same id)");
    }
    Scoring.Result r = Scoring.score(a.compact(), 0, b.compact(), 0, minScore);
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(new CandidatePair(c < 0 ? a.id() : b.id(), c < 0 ? b.id() : a.id(), r.score,
        r.collision ? PairKind.COLLISION : PairKind.DUPLICATE, evidence(r.evidence)));
  }

  /**
   * The evidence set of evidence bits (bit i for {@code Evidence.values()[i]}).
   *
   * @param bits the bits
   * @return an unmodifiable set in declaration order
   */
  static Set<Evidence> evidence(int bits) {
    EnumSet<Evidence> s = EnumSet.noneOf(Evidence.class);
    for (Evidence e : EVIDENCE) {
      if ((bits & (1 << e.ordinal())) != 0) {
        s.add(e);
      }
    }
    return Collections.unmodifiableSet(s);
  }
}
