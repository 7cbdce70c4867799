package dev.ins.cardreader.vitale;

/**
 * The outcome of checking that the card in the reader is still the one read earlier.
 *
 * <pre>{@code
 * switch (reader.check(readers, name, fingerprint)) {
 *   case SAME_CARD: proceed(); break;
 *   default: restartTheRead();
 * }
 * }</pre>
 */
public enum CardCheck {
  /** The same card is in the reader. */
  SAME_CARD,
  /** Another card is in the reader (swapped). */
  DIFFERENT_CARD,
  /** No card is in the reader. */
  NO_CARD
}
