package dev.ins.cardreader.internal;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardSession;
import dev.ins.cardreader.PcscAdapter;
import dev.ins.cardreader.ReaderInfo;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jnasmartcardio.Smartcardio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port over any {@code javax.smartcardio} provider. Re-establishes the provider's context once
 * when PC/SC reports the service gone (pcscd restarted), loops over spurious wake-ups of
 * {@code waitForChange}, and closes sessions and context on {@link #close()}.
 *
 * <p>Every provider call runs on a {@link BlockingCall} with a deadline, so that a card or a driver
 * that stops answering never holds the caller: past the deadline the caller gets
 * {@code CARD_UNRESPONSIVE} (a card) or {@code TIMEOUT} (the service), the context the stuck call
 * holds is set aside and released when the call returns, and the next call uses a fresh one.
 * Sessions get a context of their own (unless the provider has one for the whole JVM), so a mute
 * card blocks nothing but its own session.
 */
public final class TerminalsCardReaders implements CardReaders {

  private static final Logger LOG = LoggerFactory.getLogger(TerminalsCardReaders.class);
  /** Longest single native wait, so that interruption and close are noticed. */
  private static final long SLICE_MS = 1000;
  /** Time a provider gets beyond its own timed wait before it is taken as hung. */
  private static final long WAIT_GRACE_MS = 2000;

  private final String name;
  private final Supplier<CardTerminals> source;
  private final Consumer<CardTerminals> releaser;
  private final String noServiceHint;
  private final boolean sharedContext;
  private final StuckCalls stuck;
  private final Set<PcscSession> sessions = ConcurrentHashMap.newKeySet();
  private CardTerminals terminals;
  private volatile boolean closed;

  /**
   * Creates the port.
   *
   * @param name the adapter name
   * @param source opens a provider context (called again after a service restart)
   * @param releaser releases a context
   */
  public TerminalsCardReaders(String name, Supplier<CardTerminals> source,
      Consumer<CardTerminals> releaser) {
    this(name, source, releaser, null, false, new StuckCalls());
  }

  private TerminalsCardReaders(String name, Supplier<CardTerminals> source,
      Consumer<CardTerminals> releaser, String noServiceHint, boolean sharedContext, StuckCalls stuck) {
    this.noServiceHint = noServiceHint;
    this.sharedContext = sharedContext;
    this.stuck = stuck;
    this.name = Objects.requireNonNull(name, "name == null");
    this.source = Objects.requireNonNull(source, "source == null");
    this.releaser = Objects.requireNonNull(releaser, "releaser == null");
  }

  /**
   * The one place where the PC/SC vendor is chosen.
   *
   * @param adapter the adapter
   * @return the port
   */
  public static TerminalsCardReaders pcsc(PcscAdapter adapter) {
    switch (adapter) {
      case JNASMARTCARDIO:
        return new TerminalsCardReaders(adapter.cliName(),
            () -> factory(adapter).terminals(), TerminalsCardReaders::releaseJna, null, false,
            StuckCalls.JNASMARTCARDIO);
      case JDK:
        // SunPCSC keeps one process-wide context of its own (a static field, established when
        // TerminalFactory loads): nothing to release here, and nothing to re-establish either.
        return new TerminalsCardReaders(adapter.cliName(), () -> factory(adapter).terminals(), t -> { },
            "the JDK provider keeps one PC/SC context per JVM and cannot re-establish it after a"
            + " pcscd restart: restart the application or use the jnasmartcardio adapter", true,
            StuckCalls.JDK);
      default:
        throw new IllegalArgumentException("adapter: " + adapter);
    }
  }

  private static TerminalFactory factory(PcscAdapter adapter) {
    try {
      return adapter == PcscAdapter.JNASMARTCARDIO
          ? TerminalFactory.getInstance("PC/SC", null, new Smartcardio())
          : TerminalFactory.getInstance("PC/SC", null);
    } catch (NoSuchAlgorithmException e) {
      CardReaderException m = PcscErrors.map(e, "PC/SC context (" + adapter.cliName() + ")", null, null, false);
      if (m.code() == Code.PCSC_ERROR) {
        throw CardReaderException.pcsc(Code.NO_SERVICE, "PC/SC provider " + adapter.cliName()
            + " unavailable (is libpcsclite.so.1 installed and pcscd running?)",
            null, null, null, null, e);
      }
      throw m;
    }
  }

  private static void releaseJna(CardTerminals t) {
    if (t instanceof Smartcardio.JnaCardTerminals) {
      try {
        ((Smartcardio.JnaCardTerminals) t).close();
      } catch (CardException | RuntimeException e) {
        LOG.debug("releasing the PC/SC context failed: {}", e.toString());
      }
    }
  }

  @Override
  public String adapterName() {
    return name;
  }

  private synchronized CardTerminals terminals() {
    if (closed) {
      throw CardReaderException.of(Code.CLOSED, "the card reader port is closed");
    }
    if (terminals == null) {
      terminals = establish(System.nanoTime() + CardReaders.DEFAULT_TIMEOUT.toNanos());
    }
    return terminals;
  }

  /** Opens a provider context, waiting at most until the deadline. */
  private CardTerminals establish(long deadlineNanos) {
    BlockingCall<CardTerminals> c = BlockingCall.start(name + " establish context", source::get);
    try {
      return c.await(deadlineNanos);
    } catch (TimeoutException e) {
      stuck.add(c, "", () -> {
        try {
          releaser.accept(c.await(System.nanoTime()));
        } catch (TimeoutException | InterruptedException | CardException | RuntimeException failed) {
          LOG.debug("a late PC/SC context could not be released: {}", failed.getClass().getSimpleName());
        }
      });
      throw CardReaderException.of(Code.TIMEOUT, "establish PC/SC context: no answer from the PC/SC service"
          + " within " + c.elapsedMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CardReaderException.of(Code.INTERRUPTED, "establish PC/SC context interrupted");
    } catch (CardReaderException e) {
      throw e;
    } catch (CardException | RuntimeException e) {
      throw PcscErrors.map(e, "establish PC/SC context", null, null, false);
    }
  }


  private synchronized void drop(CardTerminals stale) {
    if (terminals == stale && stale != null) {
      terminals = null;
      releaser.accept(stale);
    }
  }

  /** A call on the provider's terminals. */
  private interface Op<T> {
    T apply(CardTerminals t) throws CardException;
  }

  private <T> T call(String operation, String reader, Op<T> op) {
    return call(operation, reader, CardReaders.DEFAULT_TIMEOUT.toMillis(), Code.TIMEOUT, op);
  }

  /**
   * Runs a call on the port's context, at most {@code timeoutMs}; past it, the context is set
   * aside and the caller gets {@code onTimeout}.
   */
  private <T> T call(String operation, String reader, long timeoutMs, Code onTimeout, Op<T> op) {
    refuseWhileStuck(operation, reader, true);
    CardTerminals t = terminals();
    try {
      return bounded(operation, reader, t, op, System.nanoTime() + timeoutMs * 1_000_000, onTimeout,
          c -> abandon(t, c, reader));
    } catch (CardException | RuntimeException e) {
      CardReaderException m = e instanceof CardReaderException ? (CardReaderException) e
          : PcscErrors.map(e, operation, reader, null, false);
      if (m.code() != Code.NO_SERVICE && !m.scardError().filter("SCARD_E_INVALID_HANDLE"::equals).isPresent()) {
        throw m;
      }
      // The service went away (pcscd restarted): a fresh context, one more try.
      LOG.debug("{}: {}; re-establishing the PC/SC context", name, m.getMessage());
      drop(t);
      CardTerminals fresh = terminals();
      try {
        return bounded(operation, reader, fresh, op, System.nanoTime() + timeoutMs * 1_000_000, onTimeout,
            c -> abandon(fresh, c, reader));
      } catch (CardException | RuntimeException again) {
        CardReaderException m2 = again instanceof CardReaderException ? (CardReaderException) again
            : PcscErrors.map(again, operation, reader, null, false);
        if (m2.code() == Code.NO_SERVICE) {
          drop(fresh);
          if (noServiceHint != null) {
            throw CardReaderException.pcsc(Code.NO_SERVICE, operation + " failed; " + noServiceHint,
                reader, null, m2.scardError().orElse(null), m2.scardError().orElse(null), again);
          }
        }
        throw m2;
      }
    }
  }

  /**
   * Runs {@code op} on {@code t} in a {@link BlockingCall}; past the deadline, hands the stuck call
   * to {@code onStuck} and throws {@code onTimeout}.
   */
  private <T> T bounded(String operation, String reader, CardTerminals t, Op<T> op, long deadlineNanos,
      Code onTimeout, Consumer<BlockingCall<T>> onStuck) throws CardException {
    BlockingCall<T> c = BlockingCall.start(name + " " + operation, () -> op.apply(t));
    try {
      return c.await(deadlineNanos);
    } catch (TimeoutException e) {
      onStuck.accept(c);
      throw CardReaderException.pcsc(onTimeout, operation + ": no answer within " + c.elapsedMillis()
          + " ms" + (onTimeout == Code.CARD_UNRESPONSIVE ? " from the card" : " from the PC/SC service"),
          reader, null, null, null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.interrupt();
      if (!c.isDone()) {
        onStuck.accept(c);
      }
      throw CardReaderException.of(Code.INTERRUPTED, operation + " interrupted");
    }
  }

  /** A call on {@code t} missed its deadline: new calls get a fresh context, {@code t} goes later. */
  private void abandon(CardTerminals t, BlockingCall<?> c, String reader) {
    synchronized (this) {
      if (terminals == t) {
        terminals = null;
      }
    }
    stuck.add(c, reader, () -> releaser.accept(t));
  }

  private void refuseWhileStuck(String operation, String reader, boolean portCall) {
    if (portCall && !sharedContext) {
      return; // the port's own calls use a fresh context and do not wait on a stuck reader
    }
    stuck.blocking(reader, sharedContext).ifPresent(why -> {
      throw CardReaderException.pcsc(Code.CARD_UNRESPONSIVE, operation + " refused: " + why, reader, null,
          null, null, null);
    });
  }

  @Override
  public List<ReaderInfo> readers() {
    return call("list readers", null, t -> {
      List<ReaderInfo> out = new ArrayList<>();
      for (CardTerminal ct : listAll(t)) {
        out.add(new ReaderInfo(ct.getName(), ct.isCardPresent()));
      }
      return out;
    });
  }

  private static List<CardTerminal> listAll(CardTerminals t) throws CardException {
    try {
      return t.list();
    } catch (CardException e) {
      PcscErrors.Scard s = PcscErrors.find(e);
      if (s != null && s.code() == Code.NO_READERS) {
        return List.of();
      }
      throw e;
    }
  }

  private static CardTerminal find(CardTerminals t, String reader) throws CardException {
    for (CardTerminal ct : listAll(t)) {
      if (ct.getName().equals(reader)) {
        return ct;
      }
    }
    return null;
  }

  @Override
  public Optional<String> waitForCard(Duration timeout) {
    return waitFor(null, true, timeout);
  }

  @Override
  public boolean waitForCard(String reader, Duration timeout) {
    Objects.requireNonNull(reader, "reader == null");
    return waitFor(reader, true, timeout).isPresent();
  }

  @Override
  public boolean waitForRemoval(String reader, Duration timeout) {
    Objects.requireNonNull(reader, "reader == null");
    return waitFor(reader, false, timeout).isPresent();
  }

  private Optional<String> waitFor(String reader, boolean present, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw CardReaderException.of(Code.INTERRUPTED, "wait for card " + (present ? "insertion" : "removal")
            + " interrupted");
      }
      Optional<String> hit = call(present ? "wait for card" : "wait for removal", reader, t -> {
        if (reader == null) {
          for (CardTerminal ct : listAll(t)) {
            if (ct.isCardPresent()) {
              return Optional.of(ct.getName());
            }
          }
          return Optional.<String>empty();
        }
        CardTerminal ct = find(t, reader);
        if (ct == null) {
          if (present) {
            throw CardReaderException.pcsc(Code.READER_UNAVAILABLE, "wait for card: no such reader",
                reader, null, null, null, null);
          }
          return Optional.of(reader);
        }
        return ct.isCardPresent() == present ? Optional.of(reader) : Optional.<String>empty();
      });
      if (hit.isPresent()) {
        return hit;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Optional.empty();
      }
      // A wake-up (spurious or not) only leads to re-checking the state above.
      long slice = Math.max(1, Math.min(left, SLICE_MS));
      call("wait for change", reader, slice + WAIT_GRACE_MS, Code.TIMEOUT, t -> t.waitForChange(slice));
    }
  }

  @Override
  public CardSession open(String reader) {
    return open(reader, System.nanoTime(), Long.MAX_VALUE);
  }

  @Override
  public CardSession open(String reader, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
    }
    long now = System.nanoTime();
    return open(reader, now, now + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4));
  }

  private CardSession open(String reader, long now, long deadline) {
    Objects.requireNonNull(reader, "reader == null");
    refuseWhileStuck("connect", reader, false);
    long connectBy = Math.min(deadline, now + CardReaders.DEFAULT_TIMEOUT.toNanos());
    Card card;
    CardTerminals own = null;
    if (sharedContext) {
      card = call("connect", reader, Math.max(1, (connectBy - now) / 1_000_000), Code.CARD_UNRESPONSIVE,
          t -> connect(t, reader));
    } else {
      // A context of the session's own: a card that stops answering holds it, and nothing else.
      CardTerminals mine = establish(connectBy);
      own = mine;
      boolean[] handedOver = {false};
      try {
        card = bounded("connect", reader, mine, t -> connect(t, reader), connectBy, Code.CARD_UNRESPONSIVE,
            c -> {
              handedOver[0] = true; // released when the stuck connect returns
              stuck.add(c, reader, () -> releaser.accept(mine));
            });
      } catch (CardException | RuntimeException e) {
        if (!handedOver[0]) {
          releaser.accept(mine);
        }
        throw e instanceof CardReaderException ce2 ? ce2 : PcscErrors.map(e, "connect", reader, null, false);
      }
    }
    CardTerminals release = own;
    PcscSession s = new PcscSession(reader, card, deadline, grace -> {
      try {
        return waitForRemoval(reader, grace);
      } catch (CardReaderException e) {
        return e.code() != Code.INTERRUPTED;
      }
    }, sessions::remove, () -> {
      if (release != null) {
        releaser.accept(release);
      }
    }, c -> stuck.add(c, reader, () -> { }));
    sessions.add(s);
    if (closed) {
      s.close();
      throw CardReaderException.of(Code.CLOSED, "the card reader port is closed");
    }
    return s;
  }

  private static Card connect(CardTerminals t, String reader) throws CardException {
    CardTerminal ct = find(t, reader);
    if (ct == null) {
      throw CardReaderException.pcsc(Code.READER_UNAVAILABLE, "connect failed: no such reader",
          reader, null, null, null, null);
    }
    return ct.connect("*");
  }

  @Override
  public void close() {
    CardTerminals t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = terminals;
      terminals = null;
    }
    for (PcscSession s : List.copyOf(sessions)) {
      s.close();
    }
    if (t != null) {
      releaser.accept(t);
    }
  }

  /**
   * Returns the number of sessions still open (for leak tests).
   *
   * @return the count
   */
  public int openSessions() {
    return sessions.size();
  }

  /**
   * Returns the number of provider calls that missed their deadline and have not returned yet.
   *
   * @return the count
   */
  public int stuckCalls() {
    return stuck.size();
  }

  /**
   * Waits until every provider call that missed its deadline has returned (the card answered or
   * was removed), e.g. in a test that pulls a mute card out.
   *
   * @param timeout the longest wait
   * @return true when none is left
   * @throws InterruptedException when interrupted
   */
  public boolean awaitNoStuckCall(Duration timeout) throws InterruptedException {
    return stuck.awaitNone(timeout);
  }
}
