package dev.ins.cardreader.internal;

import dev.ins.cardreader.virtual.ApduHandler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * In-memory readers and cards behind the {@code javax.smartcardio} API, so that the in-memory
 * adapter runs the very code the PC/SC adapters run. Every insertion gets a new generation; a card
 * handle from an older generation answers {@code SCARD_W_REMOVED_CARD}.
 */
public final class MemoryReaders {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private long version;
  private long generations;

  private static final class Slot {
    ApduHandler card;
    long generation;
  }

  /**
   * Adds a reader (no-op if present).
   *
   * @param name the reader name
   */
  public void addReader(String name) {
    lock.lock();
    try {
      slots.computeIfAbsent(name, n -> new Slot());
      bump();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes a reader and its card.
   *
   * @param name the reader name
   */
  public void removeReader(String name) {
    lock.lock();
    try {
      slots.remove(name);
      bump();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Inserts a card.
   *
   * @param reader an existing reader
   * @param card the card
   */
  public void insert(String reader, ApduHandler card) {
    lock.lock();
    try {
      Slot s = slots.get(reader);
      if (s == null) {
        throw new IllegalArgumentException("reader: no reader named " + reader);
      }
      card.reset();
      s.card = card;
      s.generation = ++generations;
      bump();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes the card from a reader (no-op if empty).
   *
   * @param reader the reader
   */
  public void remove(String reader) {
    lock.lock();
    try {
      Slot s = slots.get(reader);
      if (s != null && s.card != null) {
        s.card = null;
        s.generation = 0;
        bump();
      }
    } finally {
      lock.unlock();
    }
  }

  private void bump() {
    version++;
    changed.signalAll();
  }

  /**
   * Opens a view as a provider's {@code CardTerminals}.
   *
   * @return a new view that sees changes from its creation on
   */
  public CardTerminals terminals() {
    lock.lock();
    try {
      return new Terminals(version);
    } finally {
      lock.unlock();
    }
  }

  private boolean await(long timeoutMs, java.util.function.BooleanSupplier done) throws CardException {
    long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs == 0 ? Long.MAX_VALUE / 2_000_000 : timeoutMs);
    lock.lock();
    try {
      while (!done.getAsBoolean()) {
        if (nanos <= 0) {
          return false;
        }
        nanos = changed.awaitNanos(nanos);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CardException("SCARD_E_CANCELLED: interrupted", e);
    } finally {
      lock.unlock();
    }
  }

  private final class Terminals extends CardTerminals {
    private long seen;

    Terminals(long seen) {
      this.seen = seen;
    }

    @Override
    public List<CardTerminal> list(State state) {
      lock.lock();
      try {
        List<CardTerminal> out = new ArrayList<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
          boolean present = e.getValue().card != null;
          if (state == State.ALL || (state == State.CARD_PRESENT && present)
              || (state == State.CARD_ABSENT && !present)) {
            out.add(new Terminal(e.getKey()));
          }
        }
        return out;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
      if (timeout < 0) {
        throw new IllegalArgumentException("timeout < 0");
      }
      boolean hit = await(timeout, () -> version != seen);
      lock.lock();
      try {
        seen = version;
      } finally {
        lock.unlock();
      }
      return hit;
    }
  }

  private final class Terminal extends CardTerminal {
    private final String name;

    Terminal(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    private Slot slot() {
      return slots.get(name);
    }

    @Override
    public Card connect(String protocol) throws CardException {
      lock.lock();
      try {
        Slot s = slot();
        if (s == null) {
          throw new CardException("SCARD_E_UNKNOWN_READER: no reader " + name);
        }
        if (s.card == null) {
          throw new CardNotPresentException("SCARD_E_NO_SMARTCARD: no card in " + name);
        }
        return new MemoryCard(name, s.card, s.generation);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean isCardPresent() {
      lock.lock();
      try {
        Slot s = slot();
        return s != null && s.card != null;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
      return await(timeout, this::isCardPresent);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
      return await(timeout, () -> !isCardPresent());
    }
  }

  private final class MemoryCard extends Card {
    private final String reader;
    private final ApduHandler handler;
    private final long generation;
    private volatile boolean disconnected;

    MemoryCard(String reader, ApduHandler handler, long generation) {
      this.reader = reader;
      this.handler = handler;
      this.generation = generation;
    }

    private void checkPresent() throws CardException {
      if (disconnected) {
        throw new IllegalStateException("card handle disconnected");
      }
      lock.lock();
      try {
        Slot s = slots.get(reader);
        if (s == null || s.generation != generation) {
          throw new CardException("SCARD_W_REMOVED_CARD: card removed from " + reader);
        }
      } finally {
        lock.unlock();
      }
    }

    byte[] transmit(byte[] command) throws CardException {
      checkPresent();
      byte[] r;
      try {
        r = handler.process(command.clone());
      } catch (RuntimeException e) {
        r = new byte[] {0x6F, 0x00};
      }
      checkPresent();
      return r == null || r.length < 2 ? new byte[] {0x6F, 0x00} : r.clone();
    }

    @Override
    public ATR getATR() {
      return new ATR(handler.atr());
    }

    @Override
    public String getProtocol() {
      return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
      return new Channel(this);
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
      throw new CardException("logical channels are not supported by in-memory cards");
    }

    @Override
    public void beginExclusive() throws CardException {
      checkPresent();
    }

    @Override
    public void endExclusive() {}

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
      throw new CardException("control commands are not supported by in-memory readers");
    }

    @Override
    public void disconnect(boolean reset) {
      disconnected = true;
      if (reset) {
        handler.reset();
      }
    }
  }

  private static final class Channel extends CardChannel {
    private final MemoryCard card;

    Channel(MemoryCard card) {
      this.card = card;
    }

    @Override
    public Card getCard() {
      return card;
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      return new ResponseAPDU(card.transmit(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
      byte[] c = new byte[command.remaining()];
      command.get(c);
      byte[] r = card.transmit(c);
      response.put(r);
      return r.length;
    }

    @Override
    public void close() {
      throw new IllegalStateException("the basic channel cannot be closed");
    }
  }
}
