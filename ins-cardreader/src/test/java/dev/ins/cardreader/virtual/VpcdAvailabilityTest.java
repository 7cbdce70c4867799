package dev.ins.cardreader.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.internal.TerminalsCardReaders;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;

/**
 * A workstation's pcscd without vsmartcard-vpcd (a real reader only) is told apart from a pcscd
 * ready for virtual cards and from no pcscd at all, so that virtual-card tests skip there.
 */
class VpcdAvailabilityTest {

  @Test
  void pcscdWithARealReaderOnly_isNoVpcd_withAMessageSayingWhatToInstall() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders("Gemalto PC Twin Reader 00 00")) {
      VpcdAvailability a = VpcdAvailability.check(readers);
      assertEquals(VpcdAvailability.Status.NO_VPCD, a.status());
      assertFalse(a.ready());
      assertTrue(a.message().contains("Gemalto PC Twin Reader 00 00") && a.message().contains("vsmartcard-vpcd"),
          a.message());
    }
  }

  @Test
  void pcscdWithoutAnyReader_isNoVpcd() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders()) {
      assertEquals(VpcdAvailability.Status.NO_VPCD, VpcdAvailability.check(readers).status());
    }
  }

  @Test
  void pcscdListingVpcdsReaders_isReady() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(VpcdCard.DEFAULT_READER, "Virtual PCD 00 01")) {
      assertTrue(VpcdAvailability.check(readers).ready());
    }
  }

  @Test
  void pcscdNotAnswering_isNoPcscd() {
    CardTerminals down = new CardTerminals() {
      @Override
      public List<CardTerminal> list(State state) throws CardException {
        throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
      }

      @Override
      public boolean waitForChange(long timeout) {
        return false;
      }
    };
    try (TerminalsCardReaders readers = new TerminalsCardReaders("test", () -> down, t -> { })) {
      VpcdAvailability a = VpcdAvailability.check(readers);
      assertEquals(VpcdAvailability.Status.NO_PCSCD, a.status());
      assertTrue(a.message().contains("NO_SERVICE"), a.message());
    }
  }
}
