package dev.ins.core.matching;

/**
 * Why a trait got its outcome. Each reason implies exactly one {@link TraitOutcome}.
 *
 * <pre>{@code
 * TraitReason.FIRST_NAME_STARTS_LIST.outcome(); // COHERENT
 * }</pre>
 */
public enum TraitReason {
  /** Both values are identical. */
  SAME_VALUE(TraitOutcome.EQUAL),
  /**
   * The local first birth first name equals the start of INSi's list when hyphen, apostrophe and
   * space are treated as the same separator ({@code JEAN-CHRISTOPHE} vs {@code JEAN CHRISTOPHE
   * PIERRE}).
   */
  FIRST_NAME_STARTS_LIST(TraitOutcome.COHERENT),
  /** The lists hold the same names but differ in separators ({@code JEAN-CHRISTOPHE} vs {@code JEAN CHRISTOPHE}). */
  SEPARATORS_DIFFER(TraitOutcome.NEEDS_REVIEW),
  /** One list is the start of the other: a side holds fewer first names. */
  LIST_IS_PREFIX(TraitOutcome.NEEDS_REVIEW),
  /** Known parts of the dates agree but one side leaves the day and/or month unknown. */
  DATE_LESS_PRECISE(TraitOutcome.NEEDS_REVIEW),
  /**
   * INSi's date is incomplete and the local date is exactly its RNIV substitute (day→01,
   * month→01, both→31/12): coherent only if the local record flags the date as substituted.
   */
  DATE_IS_RNIV_SUBSTITUTE(TraitOutcome.NEEDS_REVIEW),
  /** The local value is unknown (sex {@code I}, no birthplace code, or {@code 99999}). */
  LOCAL_UNKNOWN(TraitOutcome.NEEDS_REVIEW),
  /** INSi's value is unknown (birthplace {@code 99999}) while the local one is known. */
  INSI_UNKNOWN(TraitOutcome.NEEDS_REVIEW),
  /** The first birth first name is not the start of INSi's list ({@code CHRISTOPHE} vs {@code JEAN CHRISTOPHE}). */
  FIRST_NAME_NOT_AT_START(TraitOutcome.DIFFERENT),
  /** The values differ. */
  DIFFERENT_VALUE(TraitOutcome.DIFFERENT);

  private final TraitOutcome outcome;

  TraitReason(TraitOutcome outcome) {
    this.outcome = outcome;
  }

  /**
   * Returns the outcome this reason implies.
   *
   * @return the outcome
   */
  public TraitOutcome outcome() {
    return outcome;
  }
}
