package dev.ins.practice;

/**
 * The colour of a posture check, with its French label and a symbol so that the report reads in
 * black and white too.
 *
 * <pre>{@code
 * if (report.overall() != PostureStatus.GREEN) showFixes(report);
 * }</pre>
 */
public enum PostureStatus {
  /** Protected on this point. */
  GREEN("VERT", "✔", "Conforme"),
  /** Needs attention soon. */
  AMBER("ORANGE", "!", "À surveiller"),
  /** Act now. */
  RED("ROUGE", "✖", "À corriger"),
  /** The input is missing from the configuration: the SDK cannot tell. */
  UNKNOWN("INCONNU", "?", "Non vérifiable");

  private final String label;
  private final String symbol;
  private final String meaning;

  PostureStatus(String label, String symbol, String meaning) {
    this.label = label;
    this.symbol = symbol;
    this.meaning = meaning;
  }

  /**
   * Returns the French colour name.
   *
   * @return e.g. {@code "ROUGE"}
   */
  public String label() {
    return label;
  }

  /**
   * Returns the symbol printed beside the colour.
   *
   * @return one character
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Returns what the colour means, in French.
   *
   * @return e.g. {@code "À corriger"}
   */
  public String meaning() {
    return meaning;
  }

  /**
   * Returns how serious the status is, for ordering: GREEN 0, UNKNOWN 1, AMBER 2, RED 3.
   *
   * @return the rank
   */
  public int severity() {
    switch (this) {
      case GREEN:
        return 0;
      case UNKNOWN:
        return 1;
      case AMBER:
        return 2;
      default:
        return 3;
    }
  }
}
