package dev.ins.core;

/**
 * Masks patient data before it reaches a log line, an exception message or a {@code toString()}.
 *
 * <p>The masked forms keep only what helps support staff without identifying anyone: the length
 * class of a name is hidden, a matricule keeps its two-digit key, a date keeps nothing.
 *
 * <pre>{@code
 * Masking.matricule("279035121518989"); // "*************89"
 * Masking.text("DUPONT");               // "***"
 * }</pre>
 */
public final class Masking {

  /** The mask printed in place of a text value. */
  public static final String MASK = "***";

  private Masking() {}

  /**
   * Masks a text trait (name, first names, birthplace, ...).
   *
   * @param value the value, may be {@code null}
   * @return {@code "null"} for null, else {@link #MASK}
   */
  public static String text(CharSequence value) {
    return value == null ? "null" : MASK;
  }

  /**
   * Masks a matricule or NIR, keeping only its last two characters (the control key, which is a
   * checksum and not a personal datum) so that log lines can still be told apart.
   *
   * @param value the matricule in any form, may be {@code null}
   * @return a string of asterisks ending with the last two characters
   */
  public static String matricule(CharSequence value) {
    if (value == null) {
      return "null";
    }
    int n = value.length();
    if (n <= 2) {
      return "*".repeat(n);
    }
    return "*".repeat(n - 2) + value.subSequence(n - 2, n);
  }

  /**
   * Masks a birth date.
   *
   * @param value the date in any form, may be {@code null}
   * @return {@code "****-**-**"}, or {@code "null"}
   */
  public static String date(Object value) {
    return value == null ? "null" : "****-**-**";
  }
}
