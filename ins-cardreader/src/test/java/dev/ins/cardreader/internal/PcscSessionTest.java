package dev.ins.cardreader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/** A session over a provider that fails the way jnasmartcardio does on a short answer. */
class PcscSessionTest {

  /** A card whose every transmit fails inside the provider with an internal message. */
  private static final class ShortAnswerCard extends Card {
    final AtomicInteger disconnects = new AtomicInteger();

    @Override
    public ATR getATR() {
      return new ATR(Hex.parse("3B751300004709EA9000"));
    }

    @Override
    public String getProtocol() {
      return "T=0";
    }

    @Override
    public CardChannel getBasicChannel() {
      Card card = this;
      return new CardChannel() {
        @Override
        public Card getCard() {
          return card;
        }

        @Override
        public int getChannelNumber() {
          return 0;
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU command) {
          // What jnasmartcardio throws when pcscd hands back fewer than 2 bytes.
          throw new IllegalArgumentException("newPosition < 0");
        }

        @Override
        public int transmit(ByteBuffer command, ByteBuffer response) {
          throw new IllegalArgumentException("newPosition < 0");
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public CardChannel openLogicalChannel() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void beginExclusive() {}

    @Override
    public void endExclusive() {}

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void disconnect(boolean reset) {
      disconnects.incrementAndGet();
    }
  }

  @Test
  void transmit_whenTheProviderFailsInternally_givesATypedErrorWithoutTheInternalText() {
    ShortAnswerCard card = new ShortAnswerCard();
    AtomicInteger released = new AtomicInteger();
    PcscSession s = new PcscSession("R", card, Long.MAX_VALUE, grace -> false, x -> { },
        released::incrementAndGet, c -> { });
    CardReaderException e = assertThrows(CardReaderException.class,
        () -> s.transmit(new CommandAPDU(0x00, 0xB0, 0x82, 0x00, 256)));
    assertEquals(Code.CARD_UNRESPONSIVE, e.code());
    assertFalse(e.getMessage().contains("newPosition"), e.getMessage());
    assertTrue(e.getMessage().startsWith("CARD_UNRESPONSIVE: transmit INS B0 failed: no valid answer from the"
        + " card (IllegalArgumentException) [reader=R, ATR=3B751300004709EA9000"), e.getMessage());
    s.close();
    s.close();
    assertEquals(1, card.disconnects.get(), "disconnected once");
    assertEquals(1, released.get(), "the session's context released once");
  }
}
