package dev.ins.core.vitale;

/**
 * What a fresh look at the reader found, compared with the card a beneficiary was chosen on (CNDA
 * cases 1.02/1.03: a card swapped between the read and the INSi call must be caught).
 *
 * <pre>{@code
 * if (selection.guard().check() != CardPresence.SAME_CARD) { readTheCardAgain(); }
 * }</pre>
 */
public enum CardPresence {
  /** The same card is still in the reader. */
  SAME_CARD,
  /** Another card, or one that can no longer be read as the same Carte Vitale, is in the reader. */
  OTHER_CARD,
  /** No card is in the reader. */
  NO_CARD
}
