package dev.ins.core;

/**
 * The four mutually exclusive identity statuses of the RNIV, from two independent criteria: was the
 * identity retrieved from INSi, and was it checked against a high-trust identity document.
 *
 * <pre>{@code
 * IdentityStatus.of(true, true); // QUAL
 * IdentityStatus.QUAL.insiRetrieved(); // true
 * }</pre>
 */
public enum IdentityStatus {
  /** Identité provisoire: neither criterion. */
  PROV(false, false),
  /** Identité récupérée: from INSi, no document check. */
  RECUP(true, false),
  /** Identité validée: document checked, not from INSi. */
  VALI(false, true),
  /** Identité qualifiée: both. The only status whose matricule may be exchanged. */
  QUAL(true, true);

  private final boolean insiRetrieved;
  private final boolean documentChecked;

  IdentityStatus(boolean insiRetrieved, boolean documentChecked) {
    this.insiRetrieved = insiRetrieved;
    this.documentChecked = documentChecked;
  }

  /**
   * Returns the status for the two criteria.
   *
   * @param insiRetrieved the identity was retrieved (or verified) with INSi
   * @param documentChecked the identity was checked against a high-trust document
   * @return the status
   */
  public static IdentityStatus of(boolean insiRetrieved, boolean documentChecked) {
    if (insiRetrieved) {
      return documentChecked ? QUAL : RECUP;
    }
    return documentChecked ? VALI : PROV;
  }

  /**
   * Tells whether the identity was retrieved from INSi.
   *
   * @return true for RECUP and QUAL
   */
  public boolean insiRetrieved() {
    return insiRetrieved;
  }

  /**
   * Tells whether the identity was checked against a high-trust document.
   *
   * @return true for VALI and QUAL
   */
  public boolean documentChecked() {
    return documentChecked;
  }

  /**
   * Parses the code ({@code PROV}, {@code RECUP}, {@code VALI}, {@code QUAL}).
   *
   * @param code the code, exactly
   * @return the status
   * @throws InsValidationException {@code UNKNOWN_CODE} otherwise
   */
  public static IdentityStatus fromCode(CharSequence code) {
    for (IdentityStatus s : values()) {
      if (code != null && s.name().contentEquals(code)) {
        return s;
      }
    }
    throw InsValidationException.of("status", code == null ? ViolationCode.REQUIRED : ViolationCode.UNKNOWN_CODE, -1,
        "status must be PROV, RECUP, VALI or QUAL");
  }
}
