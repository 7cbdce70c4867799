package dev.ins.cardreader.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardSession;
import dev.ins.cardreader.ReaderInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

class InMemoryCardReadersTest {

  private static final Duration SHORT = Duration.ofMillis(50);
  private static final Duration LONG = Duration.ofSeconds(10);

  @Test
  void readers_listsReadersAndCardPresence() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A", "B")) {
      r.insert("B", new DemoCard());
      assertEquals(List.of(new ReaderInfo("A", false), new ReaderInfo("B", true)), r.readers());
      r.removeReader("B");
      assertEquals(List.of(new ReaderInfo("A", false)), r.readers());
    }
  }

  @Test
  void waitForCard_withNoCard_timesOutWithEmptyResult() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      assertEquals(Optional.empty(), r.waitForCard(SHORT));
      assertFalse(r.waitForCard("A", SHORT));
    }
  }

  @Test
  void waitForCard_returnsWhenAnotherThreadInsertsTheCard() throws Exception {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A", "B")) {
      CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(() -> r.waitForCard(LONG));
      r.insert("B", new DemoCard());
      assertEquals(Optional.of("B"), waiting.get(10, TimeUnit.SECONDS));
      CompletableFuture<Boolean> removal = CompletableFuture.supplyAsync(() -> r.waitForRemoval("B", LONG));
      r.remove("B");
      assertTrue(removal.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void waitForRemoval_ofUnknownReader_isImmediate_andWaitForCardOnIt_fails() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      assertTrue(r.waitForRemoval("gone", SHORT));
      CardReaderException e = assertThrows(CardReaderException.class, () -> r.waitForCard("gone", SHORT));
      assertEquals(Code.READER_UNAVAILABLE, e.code());
    }
  }

  @Test
  void waitForCard_withNonPositiveTimeout_isRejected() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      assertThrows(IllegalArgumentException.class, () -> r.waitForCard(Duration.ZERO));
    }
  }

  @Test
  void waitForCard_whenInterrupted_throwsInterruptedAndKeepsTheFlag() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      Thread.currentThread().interrupt();
      try {
        CardReaderException e = assertThrows(CardReaderException.class, () -> r.waitForCard(LONG));
        assertEquals(Code.INTERRUPTED, e.code());
        assertTrue(Thread.currentThread().isInterrupted());
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void open_withoutCard_givesNoCard_andUnknownReader_givesReaderUnavailable() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      CardReaderException e = assertThrows(CardReaderException.class, () -> r.open("A"));
      assertEquals(Code.NO_CARD, e.code());
      assertTrue(e.getMessage().contains("SCARD_E_NO_SMARTCARD 0x8010000C (no card in the reader)"), e.getMessage());
      assertEquals(Code.READER_UNAVAILABLE, assertThrows(CardReaderException.class, () -> r.open("Z")).code());
    }
  }

  @Test
  void session_transmitsToTheCard() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      r.insert("A", new DemoCard());
      try (CardSession s = r.open("A")) {
        assertArrayEquals(DemoCard.ATR, s.atr());
        assertEquals("A", s.reader());
        assertEquals(0x9000, s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID)).getSW());
        ResponseAPDU rd = s.transmit(new CommandAPDU(0x00, 0xB0, 0x81, 0x00, 256));
        assertArrayEquals(DemoCard.CONTENT, rd.getData());
        assertEquals(0x6D00, s.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x00)).getSW());
      }
    }
  }

  @Test
  void session_completesT0Exchanges_6Cxx() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      r.insert("A", VitaleCardSimulator.of(dev.ins.cardreader.TestBeneficiaries.of(4, 1)));
      try (CardSession s = r.open("A")) {
        assertEquals(0x9000, s.transmit(new CommandAPDU(0x00, 0xA4, 0x00, 0x00, new byte[] {0x3F, 0x00})).getSW());
        ResponseAPDU rd = s.transmit(new CommandAPDU(0x00, 0xB0, 0x82, 0x00, 256));
        assertEquals(0x9000, rd.getSW());
        assertTrue(rd.getData().length > 10 && rd.getData()[0] == 0x65);
      }
    }
  }

  @Test
  void session_afterCardRemoval_givesCardRemoved_evenWhenReinserted() {
    try (InMemoryCardReaders r = InMemoryCardReaders.withReaders("A")) {
      r.insert("A", new DemoCard());
      try (CardSession s = r.open("A")) {
        r.remove("A");
        r.insert("A", new DemoCard());
        CardReaderException e = assertThrows(CardReaderException.class,
            () -> s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID)));
        assertEquals(Code.CARD_REMOVED, e.code());
        assertTrue(e.getMessage().contains("ATR=3B80800101"), e.getMessage());
      }
    }
  }

  @Test
  void close_releasesSessionsLeftOpen_andRefusesFurtherUse() {
    InMemoryCardReaders r = InMemoryCardReaders.withReaders("A");
    r.insert("A", new DemoCard());
    CardSession s = r.open("A");
    r.open("A");
    assertEquals(2, r.openSessions());
    r.close();
    assertEquals(0, r.openSessions());
    assertEquals(Code.CLOSED, assertThrows(CardReaderException.class,
        () -> s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID))).code());
    assertEquals(Code.CLOSED, assertThrows(CardReaderException.class, r::readers).code());
    r.close();
  }
}
