package dev.ins.cardreader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.virtual.DemoCard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;

/** The port's own logic over a provider that misbehaves the way real ones do. */
class TerminalsCardReadersTest {

  /** Wraps a provider: every waitForChange returns true at once (jnasmartcardio's first call does). */
  private static final class Spurious extends CardTerminals {
    private final CardTerminals inner;
    final AtomicInteger wakeUps = new AtomicInteger();

    Spurious(CardTerminals inner) {
      this.inner = inner;
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
      return inner.list(state);
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
      if (wakeUps.incrementAndGet() <= 3) {
        return true; // spurious: nothing changed
      }
      return inner.waitForChange(timeout);
    }
  }

  @Test
  void waitForCard_ignoresSpuriousWakeUps() {
    MemoryReaders state = new MemoryReaders();
    state.addReader("A");
    Spurious spurious = new Spurious(state.terminals());
    try (TerminalsCardReaders port = new TerminalsCardReaders("test", () -> spurious, t -> { })) {
      assertEquals(Optional.empty(), port.waitForCard(Duration.ofMillis(100)));
      assertTrue(spurious.wakeUps.get() > 3, "the spurious wake-ups were consumed");
      state.insert("A", new DemoCard());
      assertEquals(Optional.of("A"), port.waitForCard(Duration.ofMillis(100)));
    }
  }

  @Test
  void serviceGone_reestablishesTheContextOnce_andReleasesTheOldOne() {
    MemoryReaders state = new MemoryReaders();
    state.addReader("A");
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    try (TerminalsCardReaders port = new TerminalsCardReaders("test", () -> {
      if (opened.incrementAndGet() == 1) {
        return new CardTerminals() {
          @Override
          public List<CardTerminal> list(State s) throws CardException {
            throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
          }

          @Override
          public boolean waitForChange(long timeout) {
            return false;
          }
        };
      }
      return state.terminals();
    }, t -> released.incrementAndGet())) {
      assertEquals(1, port.readers().size());
      assertEquals(2, opened.get());
      assertEquals(1, released.get());
    }
    assertEquals(2, released.get(), "close releases the live context");
  }

  @Test
  void serviceStillGone_afterRetry_givesNoService() {
    try (TerminalsCardReaders port = new TerminalsCardReaders("test", () -> new CardTerminals() {
      @Override
      public List<CardTerminal> list(State s) throws CardException {
        throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
      }

      @Override
      public boolean waitForChange(long timeout) {
        return false;
      }
    }, t -> { })) {
      CardReaderException e = assertThrows(CardReaderException.class, port::readers);
      assertEquals(Code.NO_SERVICE, e.code());
      assertTrue(e.getMessage().contains("SCARD_E_NO_SERVICE 0x8010001D (PC/SC service not running)"), e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
