package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.virtual.ApduHandler;
import dev.ins.cardreader.virtual.InMemoryCardReaders;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.cardreader.vitale.VitaleReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Test;

/**
 * Every card operation has a deadline: a card that stops answering never holds the caller, leaves
 * no thread behind once it is pulled out, and the next read works (in-memory adapter; the same over
 * a real pcscd is in {@code PcscEndToEndTest}).
 */
class CardDeadlineTest {

  private static final String R = "Reader";
  /** Allowed lateness beyond a deadline on a loaded 2-core machine. */
  private static final long MARGIN_MS = 1500;
  private final VitaleReader vitale = new VitaleReader();

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void read_ofACardThatStopsAnswering_failsInTime_leavesNoThread_andTheNextReadWorks() throws Exception {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(11, 2);
    MuteCard mute = new MuteCard(VitaleCardSimulator.of(list), 2);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, mute);
      long t0 = System.nanoTime();
      CardReaderException e = assertThrows(CardReaderException.class,
          () -> vitale.read(readers, R, Duration.ofMillis(700)));
      long took = millisSince(t0);
      assertEquals(Code.CARD_UNRESPONSIVE, e.code(), e.getMessage());
      assertTrue(took < 700 + MARGIN_MS, "took " + took + " ms");
      assertTrue(mute.isSilent());
      assertTrue(e.getMessage().contains("no answer from the card within"), e.getMessage());
      assertEquals(0, readers.openSessions(), "the session is closed for the caller");
      assertEquals(1, readers.stuckCalls());

      // While the card holds its command, a new read on that reader is refused at once.
      long t1 = System.nanoTime();
      CardReaderException again = assertThrows(CardReaderException.class,
          () -> vitale.read(readers, R, Duration.ofSeconds(20)));
      assertEquals(Code.CARD_UNRESPONSIVE, again.code());
      assertTrue(again.getMessage().contains("remove the card"), again.getMessage());
      assertTrue(millisSince(t1) < MARGIN_MS, "refused at once, not after the deadline");

      // Pulled out: the stuck call returns, its thread ends, the port reads the next card.
      readers.remove(R);
      mute.pullOut();
      CardThreads.assertNoneLeftBlocked(readers, Duration.ofSeconds(10));
      assertEquals(0, readers.stuckCalls());
      readers.insert(R, VitaleCardSimulator.of(list));
      assertEquals(list, vitale.read(readers, R, Duration.ofSeconds(5)).beneficiaries());
    }
  }

  @Test
  void theDeadlineCoversTheWholeRead_notEachCommand() {
    ApduHandler slow = new ApduHandler() {
      private final VitaleCardSimulator sim = VitaleCardSimulator.of(TestBeneficiaries.of(12, 1));

      @Override
      public byte[] atr() {
        return sim.atr();
      }

      @Override
      public byte[] process(byte[] command) {
        try {
          Thread.sleep(150); // a slow chip: each command answers, but the read as a whole is too long
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return sim.process(command);
      }
    };
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, slow);
      long t0 = System.nanoTime();
      CardReaderException e = assertThrows(CardReaderException.class,
          () -> vitale.read(readers, R, Duration.ofMillis(400)));
      assertTrue(Set.of(Code.CARD_UNRESPONSIVE, Code.TIMEOUT).contains(e.code()), e.getMessage());
      assertTrue(millisSince(t0) < 400 + MARGIN_MS, "took " + millisSince(t0) + " ms");
    }
  }

  @Test
  void aSessionPastItsDeadline_refusesTheNextCommandWithTimeout() throws InterruptedException {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, VitaleCardSimulator.of(TestBeneficiaries.of(13, 1)));
      long opened = System.nanoTime();
      try (CardSession s = readers.open(R, Duration.ofMillis(500))) {
        while (System.nanoTime() - opened < 600_000_000L) {
          Thread.sleep(20); // nothing races here: only lets the session's deadline pass
        }
        CardReaderException e = assertThrows(CardReaderException.class,
            () -> s.transmit(new CommandAPDU(0x00, 0xA4, 0x00, 0x00, new byte[] {0x3F, 0x00})));
        assertEquals(Code.TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("deadline has passed"), e.getMessage());
      }
    }
  }

  @Test
  void open_withANonPositiveTimeout_isRefused() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      assertThrows(IllegalArgumentException.class, () -> readers.open(R, Duration.ZERO));
    }
  }
}
