package dev.ins.cardreader.vitale;

import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;

/**
 * The result of checking the NIR read from a card: the 13 characters and their mod-97 key.
 *
 * <pre>{@code
 * NirCheck.of("284058832102532"); // VALID
 * NirCheck.of("284058832102533"); // INVALID_KEY
 * }</pre>
 */
public enum NirCheck {
  /** Well formed and the key matches. */
  VALID,
  /** Well formed but the key does not match the 13 characters. */
  INVALID_KEY,
  /** Not a well-formed 15-character NIR. */
  MALFORMED,
  /** The card holds no NIR for this beneficiary. */
  ABSENT;

  /**
   * Checks a NIR as read from a card.
   *
   * @param nir15 the 15 characters, or {@code null} when absent
   * @return the result
   */
  public static NirCheck of(String nir15) {
    if (nir15 == null) {
      return ABSENT;
    }
    try {
      Matricule.parse(nir15);
      return VALID;
    } catch (InsValidationException e) {
      boolean onlyKey = e.violations().stream().allMatch(v -> v.code() == ViolationCode.INVALID_KEY);
      return onlyKey && nir15.length() == 15 ? INVALID_KEY : MALFORMED;
    }
  }
}
