package dev.ins.core.matching;

/**
 * What a strict comparison concluded for one trait.
 *
 * <pre>{@code
 * TraitReason.SAME_VALUE.outcome(); // EQUAL
 * }</pre>
 */
public enum TraitOutcome {
  /** Identical values (after normalisation of typed input). */
  EQUAL,
  /** Not identical, but coherent by an explicit rule (first birth first name vs the start of the list). */
  COHERENT,
  /** Cannot be decided without a human: a value is unknown or less precise on one side. */
  NEEDS_REVIEW,
  /** The values differ. */
  DIFFERENT
}
