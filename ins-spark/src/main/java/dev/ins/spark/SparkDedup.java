package dev.ins.spark;

import dev.ins.core.matching.DedupKernel;
import dev.ins.core.matching.DuplicateDetector;
import dev.ins.spark.internal.DedupJob;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Duplicate and collision detection as a Spark job: the same blocking passes and scoring kernels
 * as {@link dev.ins.core.matching.DuplicateDetector}, hence the same pairs, kinds and scores.
 *
 * <p>Input: a dataset with the string columns {@value #INPUT_COLUMNS} (the {@code dedup} command's
 * CSV header), values as typed. Rows that cannot be read (a value with no INS form, a bad date or
 * matricule key, no id) are left out and counted by rule; of rows sharing an id, the first in input
 * order is kept. Output: {@code id_a, id_b, score, kind} with {@code id_a < id_b}, sorted.
 *
 * <p>Skew: blocks larger than {@link Builder#maxBlockSize} are compared within a sliding
 * {@link Builder#window} (as the local detector does) and, being globally sorted and cut into
 * slices of {@link Builder#sliceSize} records (each slice with the next {@code window} records),
 * are spread over many tasks: a very common name and date never lands on one task.
 *
 * <pre>{@code
 * SparkDedup.Run run = SparkDedup.builder().minScore(0.85).build().detect(spark.read().parquet(in));
 * run.pairs().write().parquet(out);
 * }</pre>
 */
public final class SparkDedup {

  /** The input columns, in the {@code dedup} command's order. */
  public static final String INPUT_COLUMNS = "id,birth_name,first_names,birth_date,sex,birthplace,matricule,used_name";

  private final double minScore;
  private final int maxBlockSize;
  private final int window;
  private final int sliceSize;

  private SparkDedup(Builder b) {
    this.minScore = b.minScore;
    this.maxBlockSize = b.maxBlockSize;
    this.window = b.window;
    this.sliceSize = b.sliceSize;
  }

  /**
   * Starts a configuration.
   *
   * @return a builder with the local detector's defaults: min score 0.85, blocks capped at 500,
   *     window 25; slices of 10,000 records
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Plans the detection (Spark is lazy: the work runs when the pairs or the counts are asked for).
   *
   * @param identities the identities, with the columns of {@link #INPUT_COLUMNS} as strings
   * @return the run
   * @throws IllegalArgumentException when a column is missing
   */
  public Run detect(Dataset<Row> identities) {
    Objects.requireNonNull(identities, "identities");
    List<String> have = List.of(identities.columns());
    for (String c : INPUT_COLUMNS.split(",")) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("missing input column " + c + " (expected " + INPUT_COLUMNS + ")");
      }
    }
    return new Run(new DedupJob(DedupKernel.of(minScore), maxBlockSize, window, sliceSize).plan(identities));
  }

  /** One planned detection: its pairs and its counts. */
  public static final class Run {
    private final DedupJob.Planned planned;

    Run(DedupJob.Planned planned) {
      this.planned = planned;
    }

    /**
     * Returns the pairs: {@code id_a} (string), {@code id_b} (string), {@code score} (double),
     * {@code kind} ({@code DUPLICATE} or {@code COLLISION}), sorted by {@code (id_a, id_b)}.
     *
     * @return the pairs
     */
    public Dataset<Row> pairs() {
      return planned.pairs();
    }

    /**
     * Returns the number of distinct records compared (rows read, ids unique).
     *
     * @return the count
     */
    public long records() {
      return planned.records();
    }

    /**
     * Returns the number of rows left out because a value could not be read.
     *
     * @return the count
     */
    public long skippedRows() {
      return planned.skippedRows();
    }

    /**
     * Returns the number of rows left out because an earlier row has the same id.
     *
     * @return the count
     */
    public long duplicateIds() {
      return planned.duplicateIds();
    }

    /**
     * Returns the number of blocks above the cap, compared within the sliding window.
     *
     * @return the count
     */
    public long oversizedBlocks() {
      return planned.oversizedBlocks();
    }

    /**
     * Returns the sizes of the slices the oversized blocks were cut into (one task input each, the
     * following {@code window} records included), once {@link #pairs()} has been computed.
     *
     * @return the slice sizes, in no particular order
     */
    public List<Long> sliceSizes() {
      return planned.sliceSizes();
    }
  }

  /**
   * Configuration of a {@link SparkDedup}; fails fast on bad values.
   *
   * <pre>{@code
   * SparkDedup.builder().minScore(0.9).maxBlockSize(1000).window(25).sliceSize(20_000).build();
   * }</pre>
   */
  public static final class Builder {
    private double minScore = 0.85;
    private int maxBlockSize = 500;
    private int window = 25;
    private int sliceSize = 10_000;
    /** The local detector's builder checks the settings they share, with the same messages. */
    private final DuplicateDetector.Builder checks = DuplicateDetector.builder();

    private Builder() {}

    /**
     * Sets the minimum score of a reported duplicate.
     *
     * @param s in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder minScore(double s) {
      checks.minScore(s);
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
      checks.maxBlockSize(n);
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
      checks.window(n);
      this.window = n;
      return this;
    }

    /**
     * Sets how many records of the sorted oversized blocks one task handles.
     *
     * @param n 2 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code n < 2}
     */
    public Builder sliceSize(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("sliceSize must be at least 2, got " + n);
      }
      this.sliceSize = n;
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     * @throws IllegalStateException when the window is larger than a slice
     */
    public SparkDedup build() {
      if (window > sliceSize) {
        throw new IllegalStateException("window (" + window + ") must not exceed sliceSize (" + sliceSize + ")");
      }
      return new SparkDedup(this);
    }
  }
}
