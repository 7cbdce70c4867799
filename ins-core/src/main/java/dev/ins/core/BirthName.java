package dev.ins.core;

/**
 * Nom de naissance in INS form (A–Z, space, hyphen, apostrophe, legacy {@code --}; at most 100
 * characters).
 *
 * <p>{@link #of(CharSequence)} validates strictly and never rewrites (use it for INSi and
 * DataMatrix values); {@link #normalize(CharSequence)} turns typed input into INS form first.
 * {@link #toString()} masks the value.
 *
 * <pre>{@code
 * BirthName.of("D'ARC-DUPONT");
 * BirthName.normalize("d’Arc-Dupont").value(); // "D'ARC-DUPONT"
 * }</pre>
 *
 * @param value the name in INS form
 */
public record BirthName(String value) {

  /**
   * Validates strictly; see {@link TraitField#BIRTH_NAME}.
   *
   * @param value see the record component
   */
  public BirthName {
    TraitValidator.requireValid(TraitField.BIRTH_NAME, value);
  }

  /**
   * Accepts a value already in INS form, unchanged.
   *
   * @param value the value
   * @return the birth name
   * @throws InsValidationException listing every broken rule
   */
  public static BirthName of(CharSequence value) {
    return new BirthName(value == null ? null : value.toString());
  }

  /**
   * Normalises typed input (see {@link NameNormalizer}).
   *
   * @param typed the typed text
   * @return the birth name in INS form
   * @throws InsValidationException when the text cannot be brought to INS form
   */
  public static BirthName normalize(CharSequence typed) {
    return new BirthName(NameNormalizer.normalize(TraitField.BIRTH_NAME, typed));
  }

  /** Masked: {@code BirthName[***]}. */
  @Override
  public String toString() {
    return "BirthName[" + Masking.text(value) + "]";
  }
}
