package dev.ins.cardreader.internal;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardSession;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session over a {@code javax.smartcardio.Card}, completing T=0 61xx/6Cxx exchanges.
 *
 * <p>Each command runs on a {@link BlockingCall} and waits at most until the session's deadline
 * (and never more than {@link CardReaders#DEFAULT_TIMEOUT} for one command). A command the card
 * does not answer in time gives {@code CARD_UNRESPONSIVE}; the session then refuses further
 * commands at once, and its card handle and context are released when the stuck call returns.
 */
final class PcscSession implements CardSession {

  private static final Logger LOG = LoggerFactory.getLogger(PcscSession.class);
  private static final int MAX_CHAINED = 64;
  private static final long REMOVAL_GRACE_MS = 1500;
  private static final long DISCONNECT_MS = 2000;

  private final String reader;
  private final Card card;
  private final CardChannel channel;
  private final byte[] atr;
  private final long deadlineNanos;
  private final Consumer<PcscSession> onClose;
  private final Runnable release;
  private final Consumer<BlockingCall<?>> onStuck;
  private final Predicate<Duration> removedWithin;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile BlockingCall<?> stuck;

  /**
   * Creates a session.
   *
   * @param reader the reader
   * @param card the connected card
   * @param deadlineNanos every command must be answered by this {@link System#nanoTime()} value
   * @param removedWithin tells whether the card leaves the reader within a grace time
   * @param onClose called once when the session is closed
   * @param release releases what the session holds besides the card handle (its context)
   * @param onStuck told about a command that missed its deadline
   */
  PcscSession(String reader, Card card, long deadlineNanos, Predicate<Duration> removedWithin,
      Consumer<PcscSession> onClose, Runnable release, Consumer<BlockingCall<?>> onStuck) {
    this.reader = reader;
    this.removedWithin = removedWithin;
    this.card = card;
    this.atr = card.getATR().getBytes();
    this.channel = card.getBasicChannel();
    this.deadlineNanos = deadlineNanos;
    this.onClose = onClose;
    this.release = release;
    this.onStuck = onStuck;
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
    String what = "transmit INS " + String.format(Locale.ROOT, "%02X", command.getINS());
    if (closed.get()) {
      throw CardReaderException.of(Code.CLOSED, "transmit on a closed session", reader, atr, -1, null);
    }
    BlockingCall<?> previous = stuck;
    if (previous != null && !previous.isDone()) {
      throw CardReaderException.of(Code.CARD_UNRESPONSIVE, what + " refused: the card has not answered"
          + " the command sent " + previous.elapsedMillis() + " ms ago", reader, atr, -1, null);
    }
    long now = System.nanoTime();
    if (now - deadlineNanos >= 0) {
      throw CardReaderException.of(Code.TIMEOUT, what + " refused: the session's deadline has passed",
          reader, atr, -1, null);
    }
    long limit = Math.min(deadlineNanos - now, CardReaders.DEFAULT_TIMEOUT.toNanos());
    BlockingCall<ResponseAPDU> call = BlockingCall.start("transmit", () -> exchange(command));
    try {
      return call.await(now + limit);
    } catch (TimeoutException e) {
      stuck = call;
      onStuck.accept(call);
      throw CardReaderException.of(Code.CARD_UNRESPONSIVE, what + ": no answer from the card within "
          + call.elapsedMillis() + " ms", reader, atr, -1, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.interrupt();
      if (!call.isDone()) {
        stuck = call;
        onStuck.accept(call);
      }
      throw CardReaderException.of(Code.INTERRUPTED, what + " interrupted", reader, atr, -1, null);
    } catch (CardException | RuntimeException e) {
      if (e instanceof CardReaderException) {
        throw (CardReaderException) e;
      }
      CardReaderException m = PcscErrors.map(e, what, reader, atr, true);
      if (m.code() == Code.PCSC_ERROR || m.code() == Code.CARD_UNRESPONSIVE) {
        // A card pulled out mid-exchange shows up as an empty answer (both providers then fail on
        // it) or as a transaction error; pcscd notices the removal some 100 ms later, so wait for
        // that event, briefly and within the deadline, to tell "removed" from "mute".
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        long grace = Math.min(REMOVAL_GRACE_MS, left);
        boolean gone = grace > 0 && removedWithin.test(Duration.ofMillis(grace));
        // The provider's own message is not shown (it can be an internal detail such as
        // "newPosition < 0"); its class is, and the exception stays the cause.
        throw CardReaderException.pcsc(gone ? Code.CARD_REMOVED : Code.CARD_UNRESPONSIVE,
            what + " failed: " + (gone ? "card removed" : "no valid answer from the card")
            + " (" + e.getClass().getSimpleName() + ")",
            reader, atr, m.scardError().orElse(null), null, e);
      }
      throw m;
    }
  }

  /** One command with the T=0 completions: 6Cxx retried with the right Le, 61xx chained. */
  private ResponseAPDU exchange(CommandAPDU command) throws CardException {
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
  }

  private static CommandAPDU withNe(CommandAPDU c, int ne) {
    return c.getNc() == 0 ? new CommandAPDU(c.getCLA(), c.getINS(), c.getP1(), c.getP2(), ne)
        : new CommandAPDU(c.getCLA(), c.getINS(), c.getP1(), c.getP2(), c.getData(), ne);
  }

  /**
   * Closes at once: the card handle is released now, or when a stuck command returns (never on
   * the caller's time).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    onClose.accept(this);
    BlockingCall<?> s = stuck;
    if (s != null && !s.isDone()) {
      s.whenDone(this::disconnectAndRelease);
      return;
    }
    BlockingCall<Void> d = BlockingCall.start("disconnect", () -> {
      disconnectAndRelease();
      return null;
    });
    try {
      d.await(System.nanoTime() + DISCONNECT_MS * 1_000_000);
    } catch (TimeoutException e) {
      LOG.debug("disconnect from {} still running after {} ms; it finishes in the background", reader, DISCONNECT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CardException | RuntimeException e) {
      LOG.debug("disconnect from {} failed: {}", reader, e.getClass().getSimpleName());
    }
  }

  private void disconnectAndRelease() {
    try {
      card.disconnect(false);
    } catch (CardException | RuntimeException e) {
      // The card may be gone already; the handle is released by PC/SC either way.
      LOG.debug("disconnect from {} failed: {}", reader, e.getClass().getSimpleName());
    } finally {
      try {
        release.run();
      } catch (RuntimeException e) {
        LOG.debug("releasing the session's PC/SC context failed: {}", e.getClass().getSimpleName());
      }
    }
  }
}
