package dev.ins.security.breach;

/** Categories of personal data a breach may concern (GDPR art. 33(3)(a)), as the CNIL form asks. */
public enum DataCategory {
  /** The INS (matricule and OID). */
  INS_IDENTIFIER,
  /** Birth name, first names, sex, birth date, birthplace. */
  IDENTITY_TRAITS,
  /** Contact details (address, phone, e-mail). */
  CONTACT,
  /** Health data (care records, prescriptions, images). */
  HEALTH,
  /** Billing and insurance data. */
  BILLING,
  /** Credentials (passwords, keys, certificates). */
  CREDENTIALS,
  /** Access logs. */
  LOGS
}
