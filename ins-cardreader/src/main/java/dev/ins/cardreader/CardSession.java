package dev.ins.cardreader;

import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * An open connection to the card in one reader; close it to release the PC/SC card handle.
 *
 * <p>{@link #transmit(CommandAPDU)} completes T=0 exchanges itself: a {@code 61xx} answer is
 * followed by GET RESPONSE and a {@code 6Cxx} answer by the same command with the right Le, so the
 * caller always gets the data and the final status word. A status word is data: only transport
 * failures throw.
 *
 * <pre>{@code
 * try (CardSession s = readers.open(reader)) {
 *   ResponseAPDU r = s.transmit(new CommandAPDU(0x00, 0xA4, 0x00, 0x00, new byte[] {0x3F, 0x00}));
 *   if (r.getSW() != 0x9000) { ... }
 * }
 * }</pre>
 */
public interface CardSession extends AutoCloseable {

  /**
   * Returns the reader this session is connected through.
   *
   * @return the reader name
   */
  String reader();

  /**
   * Returns the card's answer to reset.
   *
   * @return a copy of the ATR bytes
   */
  byte[] atr();

  /**
   * Returns the protocol negotiated with the card.
   *
   * @return {@code "T=0"} or {@code "T=1"} (or what the provider reports)
   */
  String protocol();

  /**
   * Sends a command to the card.
   *
   * @param command the command APDU, not null
   * @return the final response, status word included
   * @throws CardReaderException {@code CARD_REMOVED}, {@code NO_SERVICE}, {@code CLOSED}, ...
   */
  ResponseAPDU transmit(CommandAPDU command);

  /** Releases the card handle; idempotent, never throws. */
  @Override
  void close();
}
