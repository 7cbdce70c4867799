package dev.ins.core.matching;

import java.util.Objects;

/**
 * A progress report of a duplicate detection run. Holds counts only.
 *
 * <pre>{@code
 * ProgressListener l = p -> System.err.println(p.phase() + " " + p.done() + "/" + p.total());
 * }</pre>
 *
 * @param phase the current phase
 * @param done units done in this phase
 * @param total units in this phase, or -1 when unknown
 */
public record Progress(DetectionPhase phase, long done, long total) {

  /**
   * Rejects a null phase.
   *
   * @param phase see the record component
   * @param done see the record component
   * @param total see the record component
   */
  public Progress {
    Objects.requireNonNull(phase, "phase");
  }
}
