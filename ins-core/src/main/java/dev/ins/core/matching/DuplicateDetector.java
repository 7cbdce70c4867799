package dev.ins.core.matching;

import dev.ins.core.internal.matching.DedupEngine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds candidate duplicates and matricule collisions in a collection of identities
 * (identitovigilance audit).
 *
 * <p><b>Blocking.</b> Records are only compared when they share a blocking key. The first keys follow
 * the RNIV anti-duplicate search (birth date, then the first three letters of the birth name, of
 * the used name or of the first name); extra passes catch the errors that search misses: birth name
 * and first name swapped (date + both prefixes, unordered), day and month swapped, one digit of the
 * date wrong (one pass per masked digit), any other date error when both names are exactly equal
 * (birth name and first name, no date), and shared matricules. A block larger than
 * {@link Builder#maxBlockSize} (1 January, common names,
 * fictitious dates) is not compared in full: its records are sorted by name and each is compared
 * with the next {@link Builder#window} records only, and the summary counts such blocks.
 *
 * <p><b>Scoring.</b> Names are compared without separators (hyphen/space variants of compound names
 * are equal), by Jaro-Winkler with a floor of 0.9 when the Phonex keys agree or when the names
 * are one edit apart (substitution, insertion, deletion, adjacent swap; 3 letters or more), birth
 * name against used name too, and crossed (swapped names); the first name is compared both alone and as the whole list.
 * The score is the product of the name and first-name similarities, a date similarity (1 equal,
 * 0.92 day/month swapped, 0.9 one digit, 0.88 adjacent digits transposed, 0.6 unknown, else 0), and
 * penalties when both sexes (×0.6), both birthplaces (×0.8) or both matricules (×0.9) are known
 * and differ.
 *
 * <p><b>Kinds.</b> Same matricule with different traits is a {@link PairKind#COLLISION}, always
 * reported whatever its score; different or unknown matricules with a score of at least
 * {@link Builder#minScore} is a potential {@link PairKind#DUPLICATE}.
 *
 * <p><b>Resources.</b> Input is streamed and prepared in parallel chunks into a columnar store with
 * no object per record (about 200 bytes per record, see {@code docs/matching.md}), never keeping the
 * input objects; the pairs found are kept until they are emitted. Blocks are scored on
 * {@link Builder#threads} threads. Output is deterministic: the same pairs, scores and evidence, in
 * {@code (idA, idB)} order, whatever the thread count and the order of the input. Ids must be
 * unique (checked once every record is read).
 *
 * <pre>{@code
 * DuplicateDetector detector = DuplicateDetector.builder().threads(4).minScore(0.85).build();
 * List<CandidatePair> pairs = detector.detect(records);
 * }</pre>
 */
public final class DuplicateDetector {

  private final int threads;
  private final double minScore;
  private final int maxBlockSize;
  private final int window;
  private final ProgressListener listener;

  private DuplicateDetector(Builder b) {
    this.threads = b.threads;
    this.minScore = b.minScore;
    this.maxBlockSize = b.maxBlockSize;
    this.window = b.window;
    this.listener = b.listener;
  }

  /**
   * Starts a configuration.
   *
   * @return a builder with the defaults: all processors, min score 0.85, blocks capped at 500,
   *     window 25, no listener
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Detects candidate pairs and returns them in {@code (idA, idB)} order.
   *
   * @param records the records, ids unique
   * @return the pairs
   * @throws IllegalArgumentException when two records share an id
   */
  public List<CandidatePair> detect(Iterable<DedupRecord> records) {
    List<CandidatePair> out = new ArrayList<>();
    detect(records.iterator(), out::add);
    return out;
  }

  /**
   * Detects candidate pairs, reading the records once from an iterator and handing the pairs to a
   * sink in {@code (idA, idB)} order, on the calling thread.
   *
   * @param records the records, ids unique
   * @param sink receives each pair once
   * @return counts of the run
   * @throws IllegalArgumentException when two records share an id
   */
  public DetectionSummary detect(Iterator<DedupRecord> records, Consumer<CandidatePair> sink) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(sink, "sink");
    return new DedupEngine(threads, minScore, maxBlockSize, window, listener).run(records, sink);
  }

  /**
   * Configuration of a {@link DuplicateDetector}; fails fast on bad values.
   *
   * <pre>{@code
   * DuplicateDetector.builder().threads(2).minScore(0.9).maxBlockSize(1000).build();
   * }</pre>
   */
  public static final class Builder {
    private int threads = Runtime.getRuntime().availableProcessors();
    private double minScore = 0.85;
    private int maxBlockSize = 500;
    private int window = 25;
    private ProgressListener listener = p -> { };

    private Builder() {}

    /**
     * Sets the number of worker threads.
     *
     * @param n 1 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + n);
      }
      this.threads = n;
      return this;
    }

    /**
     * Sets the minimum score of a reported duplicate.
     *
     * @param s in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder minScore(double s) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("minScore must be in [0, 1], got " + s);
      }
      this.minScore = s;
      return this;
    }

    /**
     * Sets the largest block compared in full.
     *
     * @param n 2 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code n < 2}
     */
    public Builder maxBlockSize(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + n);
      }
      this.maxBlockSize = n;
      return this;
    }

    /**
     * Sets how many following records each record of an oversized block is compared with.
     *
     * @param n 1 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Builder window(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("window must be at least 1, got " + n);
      }
      this.window = n;
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param l the listener, called on the calling thread
     * @return this builder
     */
    public Builder progressListener(ProgressListener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     */
    public DuplicateDetector build() {
      return new DuplicateDetector(this);
    }
  }
}
