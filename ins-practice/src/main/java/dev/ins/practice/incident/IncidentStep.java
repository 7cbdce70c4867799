package dev.ins.practice.incident;

/**
 * The steps of incident mode, in the order a practitioner follows them in the first hours.
 *
 * <pre>{@code
 * for (IncidentStep s : IncidentStep.values()) System.out.println(s.title());
 * }</pre>
 */
public enum IncidentStep {
  /** Cut: the kill switch stops every outbound connection of the SDK; unplug the network too. */
  CUT("couper", "Couper les connexions"),
  /** Alert: a ready-to-send message for the IT support. */
  ALERT("alerter", "Alerter le support informatique"),
  /** Preserve evidence: signed checkpoint, SHA-256 manifest, signed evidence bundle, chain of custody. */
  PRESERVE("preserver", "Préserver les preuves"),
  /** Declare: ARS / signalement portal, CNIL notification, police complaint checklist. */
  DECLARE("declarer", "Déclarer"),
  /** Recover: restore from the last verified backup (restore drill). */
  RECOVER("restaurer", "Restaurer");

  private final String code;
  private final String title;

  IncidentStep(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /**
   * Returns the code recorded in the audit log.
   *
   * @return e.g. {@code "preserver"}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the French title.
   *
   * @return e.g. {@code "Préserver les preuves"}
   */
  public String title() {
    return title;
  }

  /**
   * Finds a step by its code or name.
   *
   * @param s e.g. {@code "preserver"} or {@code "PRESERVE"}
   * @return the step
   * @throws IllegalArgumentException when unknown
   */
  public static IncidentStep of(String s) {
    for (IncidentStep x : values()) {
      if (x.code.equalsIgnoreCase(s) || x.name().equalsIgnoreCase(s)) {
        return x;
      }
    }
    throw new IllegalArgumentException("unknown incident step (expected couper, alerter, preserver, declarer or restaurer)");
  }
}
