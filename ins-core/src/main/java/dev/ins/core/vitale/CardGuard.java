package dev.ins.core.vitale;

/**
 * The port that checks, now, that the card a {@link VitaleSelection} was made on is still the one in
 * the reader. ins-cardreader implements it by reading the card again and comparing fingerprints; a
 * vendor using other card middleware implements it with that middleware. The INSi client calls it
 * right before a Carte Vitale search and refuses to search on anything but
 * {@link CardPresence#SAME_CARD}.
 *
 * <pre>{@code
 * CardGuard guard = () -> myMiddleware.sameCardAs(cardId) ? CardPresence.SAME_CARD : CardPresence.OTHER_CARD;
 * }</pre>
 */
@FunctionalInterface
public interface CardGuard {

  /**
   * Looks at the reader now.
   *
   * @return what is in the reader, compared with the card read earlier
   * @throws dev.ins.core.InsException when the reader cannot be asked (the implementation's typed
   *     error, e.g. a card-reader failure)
   */
  CardPresence check();
}
