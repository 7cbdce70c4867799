package dev.ins.cardreader;

import static dev.ins.cardreader.PcscTestSupport.READER_0;
import static dev.ins.cardreader.PcscTestSupport.READER_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.virtual.ApduHandler;
import dev.ins.cardreader.virtual.DemoCard;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.cardreader.virtual.VpcdCard;
import dev.ins.cardreader.vitale.CardCheck;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.cardreader.vitale.VitaleCard;
import dev.ins.cardreader.vitale.VitaleReader;
import dev.ins.core.testing.PiiGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real stack: pcscd + vsmartcard vpcd, the module's Java virtual cards connected to vpcd, and
 * each PC/SC adapter. Runs (never skips) with CI=true.
 */
class PcscEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final VitaleReader VITALE = new VitaleReader();

  @BeforeEach
  void pcscd() {
    PcscTestSupport.requirePcscd();
  }

  private static VpcdCard insert(ApduHandler card, CardReaders readers) {
    VpcdCard c = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, card);
    assertTrue(readers.waitForCard(READER_0, WAIT), "card not seen by pcscd in " + WAIT);
    return c;
  }

  private static void removed(VpcdCard card, CardReaders readers) {
    card.close();
    assertTrue(readers.waitForRemoval(READER_0, WAIT), "removal not seen by pcscd in " + WAIT);
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void readers_listsBothVpcdReaders_withoutCard(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      List<ReaderInfo> list = readers.readers();
      assertTrue(list.contains(new ReaderInfo(READER_0, false)), list.toString());
      assertTrue(list.contains(new ReaderInfo(READER_1, false)), list.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void readerWithoutCard_givesNoCardAndWaitTimesOut(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      CardReaderException e = assertThrows(CardReaderException.class, () -> readers.open(READER_1));
      assertEquals(CardReaderException.Code.NO_CARD, e.code(), e.getMessage());
      assertEquals(READER_1, e.reader().orElseThrow());
      assertTrue(e.getMessage().contains("SCARD_E_NO_SMARTCARD 0x8010000C") || e.scardError().isEmpty(), e.getMessage());
      assertFalse(readers.waitForCard(READER_1, Duration.ofMillis(300)));
      CardReaderException unknown = assertThrows(CardReaderException.class, () -> readers.open("No Such Reader"));
      assertEquals(CardReaderException.Code.READER_UNAVAILABLE, unknown.code());
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void insertionAndRemoval_areSeen_andDemoCardAnswers(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      for (int round = 0; round < 2; round++) {
        VpcdCard card = insert(new DemoCard(), readers);
        assertEquals(READER_0, readers.waitForCard(Duration.ofSeconds(1)).orElseThrow());
        try (CardSession s = readers.open(READER_0)) {
          assertArrayEquals(DemoCard.ATR, s.atr());
          assertEquals(0x9000, s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID)).getSW());
          ResponseAPDU r = s.transmit(new CommandAPDU(0x00, 0xB0, 0x81, 0x00, 256));
          assertEquals(0x9000, r.getSW());
          assertArrayEquals(DemoCard.CONTENT, r.getData());
          assertEquals(0x6A82, s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, new byte[] {1, 2, 3, 4, 5})).getSW());
        }
        removed(card, readers);
        assertTrue(readers.readers().contains(new ReaderInfo(READER_0, false)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void readVitale_withOneAndThreeBeneficiaries(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      for (int n : new int[] {1, 3}) {
        List<VitaleBeneficiary> expected = TestBeneficiaries.of(100 + n, n);
        VpcdCard card = insert(VitaleCardSimulator.of(expected), readers);
        try {
          String logs = PiiGuard.captureStderr(() -> {
            VitaleCard read = VITALE.read(readers, READER_0);
            assertEquals(expected, read.beneficiaries());
            assertEquals(CardType.VITALE_2, read.type());
            assertEquals("3B751300004709EA9000", read.atr());
          });
          PiiGuard.assertNoPii(logs, TestBeneficiaries.secrets(expected));
        } finally {
          removed(card, readers);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void cardRemovedMidRead_givesCardRemoved(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      VitaleCardSimulator sim = VitaleCardSimulator.of(TestBeneficiaries.of(7, 2));
      AtomicReference<VpcdCard> self = new AtomicReference<>();
      AtomicInteger apdus = new AtomicInteger();
      ApduHandler pulledOut = new ApduHandler() {
        @Override
        public byte[] atr() {
          return sim.atr();
        }

        @Override
        public byte[] process(byte[] command) {
          if (apdus.incrementAndGet() == 3) {
            self.get().close(); // pulled out while answering the third command
          }
          return sim.process(command);
        }

        @Override
        public void reset() {
          sim.reset();
        }
      };
      self.set(insert(pulledOut, readers));
      CardReaderException e = assertThrows(CardReaderException.class, () -> VITALE.read(readers, READER_0));
      assertTrue(Set.of(CardReaderException.Code.CARD_REMOVED, CardReaderException.Code.CARD_UNRESPONSIVE)
          .contains(e.code()), e.getMessage());
      assertTrue(e.getMessage().contains("ATR=3B751300004709EA9000"), e.getMessage());
      assertTrue(readers.waitForRemoval(READER_0, WAIT));
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void cardSwappedBetweenReadAndCheck_isDetected(PcscAdapter adapter) {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      VitaleCardSimulator a = VitaleCardSimulator.of(TestBeneficiaries.of(21, 1));
      VitaleCardSimulator b = VitaleCardSimulator.of(TestBeneficiaries.of(22, 1));
      VpcdCard card = insert(a, readers);
      VitaleCard read = VITALE.read(readers, READER_0);
      assertEquals(CardCheck.SAME_CARD, VITALE.check(readers, READER_0, read.fingerprint()));
      removed(card, readers);
      assertEquals(CardCheck.NO_CARD, VITALE.check(readers, READER_0, read.fingerprint()));
      card = insert(b, readers);
      assertEquals(CardCheck.DIFFERENT_CARD, VITALE.check(readers, READER_0, read.fingerprint()));
      removed(card, readers);
      card = insert(a, readers);
      assertEquals(CardCheck.SAME_CARD, VITALE.check(readers, READER_0, read.fingerprint()));
      removed(card, readers);
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void manyPortsAndSessions_leakNoPcscConnection(PcscAdapter adapter) throws IOException {
    VpcdCard card;
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      card = insert(new DemoCard(), readers);
      readers.open(READER_0).close(); // warm-up: libraries loaded, contexts created once
    }
    long before = sockets();
    for (int i = 0; i < 15; i++) {
      try (CardReaders readers = CardReaders.pcsc(adapter)) {
        readers.readers();
        try (CardSession s = readers.open(READER_0)) {
          assertEquals(0x9000, s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID)).getSW());
        }
        readers.open(READER_0); // left open on purpose: closing the port must release it
      }
    }
    long after = sockets();
    assertTrue(after - before <= 2, "sockets before " + before + ", after " + after);
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      removed(card, readers);
    }
  }

  private static long sockets() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(p -> {
        try {
          return Files.readSymbolicLink(p).toString().startsWith("socket:");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }

  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void twoAdapters_giveTheSameVitaleData(PcscAdapter adapter) {
    List<VitaleBeneficiary> expected = TestBeneficiaries.of(55, 2);
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      VpcdCard card = insert(VitaleCardSimulator.of(expected), readers);
      try {
        VitaleCard read = VITALE.read(readers, READER_0);
        assertNotEquals(null, read.fingerprint());
        assertEquals(expected.get(0), read.holder());
      } finally {
        removed(card, readers);
      }
    }
  }

  /**
   * The case: a card that answers the ATR and a first command, then stays silent. The read
   * fails with CARD_UNRESPONSIVE within its deadline plus a small margin (it used to block for
   * 20-45 s and more), no thread stays blocked once the card is pulled out, and the next read on
   * the same port works.
   */
  @ParameterizedTest
  @EnumSource(PcscAdapter.class)
  void cardThatStopsAnswering_failsWithinTheDeadline_leavesNoThread_andTheNextReadWorks(PcscAdapter adapter)
      throws Exception {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(91, 2);
    MuteCard mute = new MuteCard(VitaleCardSimulator.of(list), 1);
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      VpcdCard card = insert(mute, readers);
      mute.onPulledOut(card::close); // pulling it out closes its vpcd connection: pcscd sees it go
      long t0 = System.nanoTime();
      CardReaderException e = assertThrows(CardReaderException.class,
          () -> VITALE.read(readers, READER_0, Duration.ofMillis(3000)));
      long took = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(CardReaderException.Code.CARD_UNRESPONSIVE, e.code(), e.getMessage());
      assertTrue(took < 3000 + 1500, "the caller got the error after " + took + " ms");
      assertTrue(mute.isSilent());
      assertFalse(e.getMessage().contains("newPosition"), e.getMessage());

      mute.pullOut();
      CardThreads.assertNoneLeftBlocked(readers, Duration.ofSeconds(30));
      assertTrue(readers.waitForRemoval(READER_0, WAIT), "removal not seen by pcscd in " + WAIT);
      VpcdCard good = insert(VitaleCardSimulator.of(list), readers);
      try {
        assertEquals(list, VITALE.read(readers, READER_0, Duration.ofSeconds(10)).beneficiaries());
      } finally {
        removed(good, readers);
      }
    }
  }
}
