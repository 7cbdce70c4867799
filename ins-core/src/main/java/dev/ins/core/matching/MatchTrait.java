package dev.ins.core.matching;

/**
 * The traits a strict comparison checks, in the order of {@link StrictVerdict#checks()}.
 *
 * <pre>{@code
 * verdict.check(MatchTrait.BIRTH_DATE).reason();
 * }</pre>
 */
public enum MatchTrait {
  /** Nom de naissance. */
  BIRTH_NAME,
  /** Liste des prénoms de naissance. */
  FIRST_NAMES,
  /** Premier prénom de naissance, checked against the start of INSi's list. */
  FIRST_FIRST_NAME,
  /** Date de naissance. */
  BIRTH_DATE,
  /** Sexe. */
  SEX,
  /** Code lieu de naissance. */
  BIRTHPLACE
}
