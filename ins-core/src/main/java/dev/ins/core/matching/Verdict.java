package dev.ins.core.matching;

/**
 * The overall answer of a strict INSi-vs-local comparison.
 *
 * <pre>{@code
 * StrictMatcher.compare(local, insi).verdict(); // COHERENT, INCOHERENT or NEEDS_REVIEW
 * }</pre>
 */
public enum Verdict {
  /** Every trait is equal (the first birth first name is coherent with the start of the list). */
  COHERENT,
  /** At least one trait differs: the identities must not be treated as the same. */
  INCOHERENT,
  /** No trait differs, but at least one cannot be decided without a human (unknown or less precise value). */
  NEEDS_REVIEW
}
