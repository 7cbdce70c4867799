package dev.ins.core;

/**
 * Stable reason codes for rejected input; user-facing text is looked up from the code, never from
 * an exception message.
 *
 * <p>Codes are part of the public API: a code is never renamed or reused for another rule.
 *
 * <pre>{@code
 * if (e.code() == ViolationCode.INVALID_KEY) { ... }
 * }</pre>
 */
public enum ViolationCode {
  /** A required value is {@code null}. */
  REQUIRED,
  /** The value is empty or blank. */
  EMPTY,
  /** The value has the wrong number of characters. */
  INVALID_LENGTH,
  /** The value is longer than the maximum the INS allows (100 for names). */
  TOO_LONG,
  /** The value does not have the expected layout (e.g. a letter where a digit is expected). */
  INVALID_FORMAT,
  /** The mod-97 control key of a matricule does not match its first 13 characters. */
  INVALID_KEY,
  /** The first digit of a matricule is not a sex digit an INS matricule can have. */
  INVALID_SEX_DIGIT,
  /** The month part of a matricule is not a real, pseudo-fictitious or fictitious month. */
  INVALID_MONTH,
  /** The department part of a matricule or of a birthplace code does not exist. */
  INVALID_DEPARTMENT,
  /** The order number of a matricule is 000. */
  INVALID_ORDER,
  /** The OID is not one of the INS assigning authorities. */
  UNKNOWN_OID,
  /** A lowercase letter in a value that claims to be in INS form. */
  LOWERCASE,
  /** A letter carrying a diacritic (accent, cedilla, diaeresis) in INS form. */
  DIACRITIC,
  /** A ligature (Æ, Œ) in INS form. */
  LIGATURE,
  /** A character outside A–Z, space, hyphen and apostrophe in INS form. */
  INVALID_CHARACTER,
  /** The value starts with a space. */
  LEADING_SPACE,
  /** The value starts with a hyphen. */
  LEADING_HYPHEN,
  /** The value ends with a space. */
  TRAILING_SPACE,
  /** Two spaces in a row. */
  DOUBLED_SPACE,
  /** Two apostrophes in a row. */
  DOUBLED_APOSTROPHE,
  /** A space next to an apostrophe. */
  SPACE_NEXT_TO_APOSTROPHE,
  /** A double hyphen ({@code --}) outside a birth name, or three or more hyphens in a row. */
  INVALID_HYPHEN_RUN,
  /** A first name ends with a hyphen or an apostrophe. */
  TRAILING_SEPARATOR,
  /** Typed input holds a character that has no defined INS equivalent; it is rejected, not dropped. */
  UNMAPPABLE_CHARACTER,
  /** A date that does not exist, or is outside the accepted range. */
  INVALID_DATE,
  /** A code outside its closed list (sex, status, validation mode, collection method, ...). */
  UNKNOWN_CODE,
  /** Two values that are each valid but cannot be combined. */
  INCONSISTENT,
  /** A VALI or QUAL status without the document check that justifies it (mode and date). */
  DOCUMENT_CHECK_REQUIRED,
  /** A RECUP or QUAL status without the justification of the INSi retrieval. */
  INSI_JUSTIFICATION_REQUIRED
}
