package dev.ins.insi;

import java.util.Objects;

/**
 * The INSi report ({@code CR}): a two-digit code and its label, exactly as received.
 *
 * <p>Known codes: {@code 00} one identity, {@code 01} none, {@code 02} several. Any other code is
 * refused when reading a response.
 *
 * <pre>{@code
 * CompteRendu cr = new CompteRendu("01", "Aucune identite trouvee");
 * cr.isNotFound(); // true
 * }</pre>
 *
 * @param code {@code CodeCR}, e.g. {@code "00"}
 * @param label {@code LibelleCR}, may be empty
 */
public record CompteRendu(String code, String label) {

  /** Code of "exactly one identity". */
  public static final String FOUND = "00";
  /** Code of "no identity". */
  public static final String NOT_FOUND = "01";
  /** Code of "several identities". */
  public static final String SEVERAL = "02";

  /**
   * Rejects nulls.
   *
   * @param code see the record component
   * @param label see the record component
   */
  public CompteRendu {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
  }

  /**
   * Tells whether exactly one identity was found.
   *
   * @return true for {@code 00}
   */
  public boolean isFound() {
    return FOUND.equals(code);
  }

  /**
   * Tells whether no identity was found.
   *
   * @return true for {@code 01}
   */
  public boolean isNotFound() {
    return NOT_FOUND.equals(code);
  }

  /**
   * Tells whether several identities were found.
   *
   * @return true for {@code 02}
   */
  public boolean isSeveral() {
    return SEVERAL.equals(code);
  }
}
