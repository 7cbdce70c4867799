package dev.ins.core;

import java.util.Objects;

/**
 * A mismatch between a matricule and the traits it goes with. Always a warning, never a rejection:
 * legitimate exceptions exist (legal sex change, historical place codes, corrected dates,
 * fictitious months, Algeria/Morocco/Tunisia codes 91–96).
 *
 * <pre>{@code
 * for (ConsistencyWarning w : NirConsistency.check(matricule, traits)) {
 *   log.info("to review: {}", w); // safe: no patient data
 * }
 * }</pre>
 *
 * @param kind what disagrees
 * @param reason an explanation with the legitimate exceptions; no patient data
 */
public record ConsistencyWarning(Kind kind, String reason) {

  /** What disagrees. */
  public enum Kind {
    /** Sex digit vs sex trait. */
    SEX,
    /** First digit 3 or 4: a legacy number. */
    LEGACY_SEX_DIGIT,
    /** Year digits vs birth year. */
    YEAR,
    /** Month digits vs birth month (only compared for real and pseudo-fictitious months). */
    MONTH,
    /** Birthplace part vs birthplace code. */
    BIRTHPLACE
  }

  /**
   * Rejects nulls.
   *
   * @param kind see the record component
   * @param reason see the record component
   */
  public ConsistencyWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
