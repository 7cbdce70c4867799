package dev.ins.cardreader.internal;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardSession;
import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.time.Duration;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session over a {@code javax.smartcardio.Card}, completing T=0 61xx/6Cxx exchanges. */
final class PcscSession implements CardSession {

  private static final Logger LOG = LoggerFactory.getLogger(PcscSession.class);
  private static final int MAX_CHAINED = 64;
  private static final long REMOVAL_GRACE_MS = 1500;

  private final String reader;
  private final Card card;
  private final CardChannel channel;
  private final byte[] atr;
  private final Consumer<PcscSession> onClose;
  private final Predicate<Duration> removedWithin;
  private final AtomicBoolean closed = new AtomicBoolean();

  PcscSession(String reader, Card card, Predicate<Duration> removedWithin, Consumer<PcscSession> onClose) {
    this.reader = reader;
    this.removedWithin = removedWithin;
    this.card = card;
    this.atr = card.getATR().getBytes();
    this.channel = card.getBasicChannel();
    this.onClose = onClose;
  }

  @Override
  public String reader() {
    return reader;
  }

  @Override
  public byte[] atr() {
    return atr.clone();
  }

  @Override
  public String protocol() {
    return card.getProtocol();
  }

  @Override
  public synchronized ResponseAPDU transmit(CommandAPDU command) {
    Objects.requireNonNull(command, "command == null");
    if (closed.get()) {
      throw CardReaderException.of(Code.CLOSED, "transmit on a closed session", reader, atr, -1, null);
    }
    try {
      ResponseAPDU r = channel.transmit(command);
      if (r.getSW1() == 0x6C) {
        r = channel.transmit(withNe(command, r.getSW2() == 0 ? 256 : r.getSW2()));
      }
      if (r.getSW1() != 0x61) {
        return r;
      }
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      for (int i = 0; r.getSW1() == 0x61; i++) {
        if (i == MAX_CHAINED) {
          throw CardReaderException.of(Code.UNEXPECTED_STATUS, "GET RESPONSE chain longer than "
              + MAX_CHAINED, reader, atr, r.getSW(), null);
        }
        data.writeBytes(r.getData());
        r = channel.transmit(new CommandAPDU(command.getCLA() & 0x03, 0xC0, 0, 0,
            r.getSW2() == 0 ? 256 : r.getSW2()));
      }
      data.writeBytes(r.getData());
      data.write(r.getSW1());
      data.write(r.getSW2());
      return new ResponseAPDU(data.toByteArray());
    } catch (CardException | RuntimeException e) {
      if (e instanceof CardReaderException) {
        throw (CardReaderException) e;
      }
      String what = "transmit INS " + String.format("%02X", command.getINS());
      CardReaderException m = PcscErrors.map(e, what, reader, atr, true);
      if (m.code() == Code.PCSC_ERROR || m.code() == Code.CARD_UNRESPONSIVE) {
        // A card pulled out mid-exchange shows up as an empty answer (both providers then fail on
        // it) or as a transaction error; pcscd notices the removal some 100 ms later, so wait for
        // that event, briefly, to tell "removed" from "mute".
        boolean gone = removedWithin.test(Duration.ofMillis(REMOVAL_GRACE_MS));
        throw CardReaderException.pcsc(gone ? Code.CARD_REMOVED : Code.CARD_UNRESPONSIVE,
            what + " failed: " + (gone ? "card removed" : "no valid answer from the card")
            + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
            reader, atr, m.scardError().orElse(null), null, e);
      }
      throw m;
    }
  }

  private static CommandAPDU withNe(CommandAPDU c, int ne) {
    return c.getNc() == 0 ? new CommandAPDU(c.getCLA(), c.getINS(), c.getP1(), c.getP2(), ne)
        : new CommandAPDU(c.getCLA(), c.getINS(), c.getP1(), c.getP2(), c.getData(), ne);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      card.disconnect(false);
    } catch (CardException | RuntimeException e) {
      // The card may be gone already; the handle is released by PC/SC either way.
      LOG.debug("disconnect from {} failed: {}", reader, e.toString());
    } finally {
      onClose.accept(this);
    }
  }
}
