package dev.ins.cardreader.vitale;

/**
 * Data a Carte Vitale holds but this SDK cannot read: it lies in the protected part of the card,
 * which needs a CPx card and the licensed SESAM-Vitale reading components. Reported as unavailable,
 * never invented.
 *
 * <pre>{@code
 * beneficiary.unavailable(); // [RANG_GEMELLAIRE, PROTECTED_DATA]
 * }</pre>
 */
public enum UnavailableData {
  /** Rang gémellaire (birth rank of twins): no public source places it in the free data. */
  RANG_GEMELLAIRE("not in the publicly readable data; needs the licensed SESAM-Vitale reading API"),
  /** Rights, insurance organisation and the rest of the protected data. */
  PROTECTED_DATA("protected data needs a CPx card and the licensed SESAM-Vitale reading API");

  private final String reason;

  UnavailableData(String reason) {
    this.reason = reason;
  }

  /**
   * Says why the data is unavailable.
   *
   * @return the reason, in English
   */
  public String reason() {
    return reason;
  }
}
