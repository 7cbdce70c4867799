package dev.ins.core;

/**
 * The text traits and the INS form rules each one follows.
 *
 * <p>All share the INS alphabet (A–Z, space, hyphen, apostrophe), a maximum of 100 characters, no
 * leading space or hyphen, no doubled or combined space/apostrophe. Birth and used names also allow
 * the legacy double hyphen {@code --}; first names do not, and must not end with a hyphen or an
 * apostrophe.
 *
 * <pre>{@code
 * TraitValidator.validate(TraitField.BIRTH_NAME, "DE--LA-TOUR"); // no violation
 * TraitValidator.validate(TraitField.FIRST_NAME, "JEAN-");       // TRAILING_SEPARATOR
 * }</pre>
 */
public enum TraitField {
  /** Nom de naissance. */
  BIRTH_NAME("birthName", true, false),
  /** Liste des prénoms de naissance: space-separated first names. */
  BIRTH_FIRST_NAMES("firstNames", false, true),
  /** One first name (e.g. the first birth first name). */
  FIRST_NAME("firstName", false, true),
  /** Nom utilisé (local-only trait). */
  USED_NAME("usedName", true, false),
  /** Prénom utilisé (local-only trait). */
  USED_FIRST_NAME("usedFirstName", false, true);

  /** The maximum length of every text trait. */
  public static final int MAX_LENGTH = 100;

  private final String path;
  private final boolean doubleHyphenAllowed;
  private final boolean firstNameRules;

  TraitField(String path, boolean doubleHyphenAllowed, boolean firstNameRules) {
    this.path = path;
    this.doubleHyphenAllowed = doubleHyphenAllowed;
    this.firstNameRules = firstNameRules;
  }

  /**
   * Returns the field path used in violations.
   *
   * @return e.g. {@code "birthName"}
   */
  public String path() {
    return path;
  }

  /**
   * Tells whether the legacy double hyphen {@code --} is allowed.
   *
   * @return true for birth and used names
   */
  public boolean doubleHyphenAllowed() {
    return doubleHyphenAllowed;
  }

  /**
   * Tells whether the first-name rules apply (no trailing hyphen or apostrophe per name).
   *
   * @return true for first names
   */
  public boolean firstNameRules() {
    return firstNameRules;
  }
}
