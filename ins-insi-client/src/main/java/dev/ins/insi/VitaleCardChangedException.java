package dev.ins.insi;

import dev.ins.core.vitale.CardPresence;
import java.util.Objects;

/**
 * A Carte Vitale search was refused before any INSi call: the card in the reader is no longer the
 * one the beneficiary was chosen on, or there is none (CNDA 1.02/1.03). Read the card again and let
 * the operator choose the beneficiary again.
 *
 * <pre>{@code
 * try {
 *   insi.searchWithVitale(selection);
 * } catch (VitaleCardChangedException e) {
 *   e.presence(); // OTHER_CARD or NO_CARD
 * }
 * }</pre>
 */
public final class VitaleCardChangedException extends InsiException {
  private static final long serialVersionUID = 1L;

  /** What the check found. */
  private final CardPresence presence;

  /**
   * Creates the error.
   *
   * @param presence what the check found: {@link CardPresence#OTHER_CARD} or {@link CardPresence#NO_CARD}
   */
  public VitaleCardChangedException(CardPresence presence) {
    super("Carte Vitale search refused before any INSi call: " + Objects.requireNonNull(presence, "presence")
        + " in the reader, not the card the beneficiary was chosen on; read the card again", null, null);
    if (presence == CardPresence.SAME_CARD) {
      throw new IllegalArgumentException("the same card is no reason to refuse");
    }
    this.presence = presence;
  }

  /**
   * Returns what the check found in the reader.
   *
   * @return {@link CardPresence#OTHER_CARD} or {@link CardPresence#NO_CARD}
   */
  public CardPresence presence() {
    return presence;
  }
}
