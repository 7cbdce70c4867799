package dev.ins.cardreader.virtual;

/**
 * A card's behaviour: its ATR and its answer to each command APDU. Plug one into
 * {@link InMemoryCardReaders} for unit tests or into {@link VpcdCard} to have a real pcscd see it.
 *
 * <pre>{@code
 * ApduHandler echo = new ApduHandler() {
 *   public byte[] atr() { return new byte[] {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01}; }
 *   public byte[] process(byte[] apdu) { return new byte[] {(byte) 0x90, 0x00}; }
 * };
 * }</pre>
 */
public interface ApduHandler {

  /**
   * Returns the answer to reset.
   *
   * @return the ATR bytes
   */
  byte[] atr();

  /**
   * Answers one command.
   *
   * @param command the C-APDU bytes
   * @return the R-APDU: data followed by SW1 SW2 (at least 2 bytes)
   */
  byte[] process(byte[] command);

  /** Called on power-on and reset: forget the selected file and any session state. */
  default void reset() {}
}
