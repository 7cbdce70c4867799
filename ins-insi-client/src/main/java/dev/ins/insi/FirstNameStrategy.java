package dev.ins.insi;

/**
 * How the search by traits sends the birth first names.
 *
 * <pre>{@code
 * InsiClient.builder()...firstNameStrategy(FirstNameStrategy.RNIV);
 * }</pre>
 */
public enum FirstNameStrategy {
  /**
   * The RNIV/CNDA strategy (default): each birth first name alone, then all of them, stopping on
   * the first {@code 00}; then the attempts that gave {@code 02} are replayed with the birthplace
   * code, when it is known. Every attempt is kept in the result.
   */
  RNIV,
  /** One call with all first names (one {@code Prenom}) and the birthplace when known. */
  SINGLE_CALL
}
