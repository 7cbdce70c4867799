package dev.ins.core.matching;

/**
 * One element of the explanation of a {@link CandidatePair}'s score.
 *
 * <pre>{@code
 * pair.evidence().contains(Evidence.DATE_DAY_MONTH_SWAPPED);
 * }</pre>
 */
public enum Evidence {
  /** Birth names equal once normalised, separators ignored ({@code LE-GALL} = {@code LE GALL}). */
  NAME_EQUAL,
  /** Birth names close by Jaro-Winkler. */
  NAME_SIMILAR,
  /** Birth names with the same Phonex key. */
  NAME_PHONETIC,
  /** The best name agreement involves a used name (maiden vs married name). */
  USED_NAME,
  /** First names equal once normalised, separators ignored. */
  FIRST_NAME_EQUAL,
  /** First names close by Jaro-Winkler (first name or whole list). */
  FIRST_NAME_SIMILAR,
  /** First names with the same Phonex key. */
  FIRST_NAME_PHONETIC,
  /** Birth name and first name are swapped between the records. */
  NAMES_SWAPPED,
  /** Same birth date. */
  DATE_EQUAL,
  /** Day and month swapped. */
  DATE_DAY_MONTH_SWAPPED,
  /** One digit of {@code YYYYMMDD} differs. */
  DATE_ONE_DIGIT,
  /** Two adjacent digits of {@code YYYYMMDD} swapped. */
  DATE_DIGITS_TRANSPOSED,
  /** A record has no birth date. */
  DATE_MISSING,
  /** Both sexes known and different. */
  SEX_DIFFERS,
  /** Both birthplace codes known and different. */
  BIRTHPLACE_DIFFERS,
  /** Same matricule. */
  SAME_MATRICULE,
  /** Both matricules known and different. */
  DIFFERENT_MATRICULES
}
