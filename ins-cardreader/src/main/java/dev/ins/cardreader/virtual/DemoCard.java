package dev.ins.cardreader.virtual;

import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.internal.IsoFileCard;
import java.nio.charset.StandardCharsets;

/**
 * A demo ISO 7816-4 card: application {@link #AID} holding EF {@code 0101} (short id 1) with a
 * fixed text. Useful to check a reader stack end to end without any health card.
 *
 * <pre>{@code
 * DemoCard card = new DemoCard();
 * // SELECT 00 A4 04 00 08 F0494E5354455354 → 9000; READ BINARY 00 B0 81 00 00 → CONTENT + 9000
 * }</pre>
 */
public final class DemoCard implements ApduHandler {

  /** The application identifier. */
  public static final byte[] AID = Hex.parse("F0494E5354455354");
  /** The content of EF 0101. */
  public static final byte[] CONTENT = "INS SDK DEMO CARD".getBytes(StandardCharsets.US_ASCII);
  /** A T=1 ATR with no historical bytes. */
  public static final byte[] ATR = Hex.parse("3B80800101");

  private final IsoFileCard card = new IsoFileCard(false);
  private final byte[] atr;

  /** Creates the card with {@link #ATR}. */
  public DemoCard() {
    this(ATR);
  }

  /**
   * Creates the card with another ATR.
   *
   * @param atr the ATR
   */
  public DemoCard(byte[] atr) {
    this.atr = atr.clone();
    card.addFile(AID, 0x0101, 1, CONTENT);
  }

  @Override
  public byte[] atr() {
    return atr.clone();
  }

  @Override
  public byte[] process(byte[] command) {
    return card.process(command);
  }

  @Override
  public void reset() {
    card.reset();
  }
}
