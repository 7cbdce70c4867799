package dev.ins.core.matching;

/**
 * The phases of a duplicate detection run, in order, as reported to a {@link ProgressListener}.
 *
 * <pre>{@code
 * listener = p -> { if (p.phase() == DetectionPhase.DONE) { System.err.println("done"); } };
 * }</pre>
 */
public enum DetectionPhase {
  /** Reading and preparing records; {@code done} counts records, {@code total} is unknown (-1). */
  READING,
  /** Blocking and scoring; {@code done} and {@code total} count blocking passes. */
  SCORING,
  /** Ordering and emitting the pairs; {@code done} and {@code total} count pairs. */
  EMITTING,
  /** Finished. */
  DONE
}
