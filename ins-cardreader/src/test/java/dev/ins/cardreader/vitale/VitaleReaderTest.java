package dev.ins.cardreader.vitale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardType;
import dev.ins.cardreader.TestBeneficiaries;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.virtual.ApduHandler;
import dev.ins.cardreader.virtual.DemoCard;
import dev.ins.cardreader.virtual.InMemoryCardReaders;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VitaleReaderTest {

  private static final String R = "Reader";
  private final VitaleReader vitale = new VitaleReader();

  static LongStream seeds() {
    return Seeds.stream(40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_givesTheSimulatedBeneficiariesAsInsCoreValues(long seed) {
    List<VitaleBeneficiary> expected = TestBeneficiaries.of(seed, 1 + (int) Math.floorMod(seed, 6L));
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, VitaleCardSimulator.of(expected));
      VitaleCard card = vitale.read(readers, R);
      assertEquals(expected, card.beneficiaries(), Seeds.describe(seed));
      assertEquals(expected.get(0), card.holder(), Seeds.describe(seed));
      assertEquals(CardType.VITALE_2, card.type());
      for (VitaleBeneficiary b : card.beneficiaries()) {
        assertEquals(NirCheck.VALID, b.nirCheck(), Seeds.describe(seed));
        assertEquals(b.nir(), b.matricule().orElseThrow().value(), Seeds.describe(seed));
        assertEquals(EnumSet.allOf(UnavailableData.class), b.unavailable());
      }
      assertEquals(0, readers.openSessions());
      PiiGuard.assertNoPii(card.toString(), TestBeneficiaries.secrets(expected));
    }
  }

  @Test
  void read_ofAFileLongerThanOneResponse_readsOnAtIncreasingOffsets() {
    List<VitaleBeneficiary> many = TestBeneficiaries.of(77, 12);
    AtomicInteger reads = new AtomicInteger();
    VitaleCardSimulator sim = VitaleCardSimulator.of(many);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, counting(sim, reads));
      assertEquals(many, vitale.read(readers, R).beneficiaries());
      assertTrue(reads.get() > 4, "expected chained READ BINARY, got " + reads.get() + " reads");
    }
  }

  private static ApduHandler counting(ApduHandler card, AtomicInteger reads) {
    return new ApduHandler() {
      @Override
      public byte[] atr() {
        return card.atr();
      }

      @Override
      public byte[] process(byte[] command) {
        if ((command[1] & 0xFF) == 0xB0) {
          reads.incrementAndGet();
        }
        return card.process(command);
      }

      @Override
      public void reset() {
        card.reset();
      }
    };
  }

  @Test
  void read_ofANonVitaleCard_failsWithTheStatusWordAndAtr() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, new DemoCard());
      CardReaderException e = assertThrows(CardReaderException.class, () -> vitale.read(readers, R));
      assertEquals(Code.UNEXPECTED_STATUS, e.code());
      assertEquals(0x6A82, e.statusWord().orElseThrow());
      assertTrue(e.getMessage().contains("SW=6A82 (file or application not found)"), e.getMessage());
      assertTrue(e.getMessage().contains("ATR=3B80800101"), e.getMessage());
      assertEquals(0, readers.openSessions());
    }
  }

  @Test
  void read_ofACardWithNoReadableBeneficiary_failsNamingEachProblemOnceWithTheAtr() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      dev.ins.cardreader.internal.IsoFileCard files = new dev.ins.cardreader.internal.IsoFileCard(false);
      files.addFile(null, 0x2002, 2, Hex.parse("6505800341424381"));
      files.addFile(dev.ins.cardreader.internal.vitale.VitaleLayout.AID_VITALE, 0x2002, 2, new byte[0]);
      readers.insert(R, new ApduHandler() {
        @Override
        public byte[] atr() {
          return dev.ins.cardreader.internal.vitale.VitaleLayout.ATR;
        }

        @Override
        public byte[] process(byte[] command) {
          return files.process(command);
        }
      });
      CardReaderException e = assertThrows(CardReaderException.class, () -> vitale.read(readers, R));
      assertEquals(Code.MALFORMED_DATA, e.code());
      assertEquals("MALFORMED_DATA: no readable beneficiary on the Vitale card: beneficiaries[0].firstName:"
          + " missing (tag 81); beneficiaries[1]: MF identity file: BER-TLV at offset 7: length missing after"
          + " tag; nothing after it can be read [reader=Reader, ATR=3B751300004709EA9000]", e.getMessage());
    }
  }

  @Test
  void read_ofACpsCard_isUnsupported() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, new DemoCard(Hex.parse("3BAC00402A001225006480000000")));
      CardReaderException e = assertThrows(CardReaderException.class, () -> vitale.read(readers, R));
      assertEquals(Code.UNSUPPORTED_CARD, e.code());
      assertTrue(e.getMessage().contains("CPS"), e.getMessage());
    }
  }

  @Test
  void read_whenCardPulledOutMidRead_givesCardRemoved() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(5, 3);
    VitaleCardSimulator sim = VitaleCardSimulator.of(list);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      AtomicInteger n = new AtomicInteger();
      readers.insert(R, new ApduHandler() {
        @Override
        public byte[] atr() {
          return sim.atr();
        }

        @Override
        public byte[] process(byte[] command) {
          if (n.incrementAndGet() == 4) {
            readers.remove(R);
          }
          return sim.process(command);
        }
      });
      String logs = PiiGuard.captureStderr(() -> {
        CardReaderException e = assertThrows(CardReaderException.class, () -> vitale.read(readers, R));
        assertEquals(Code.CARD_REMOVED, e.code(), e.getMessage());
      });
      PiiGuard.assertNoPii(logs, TestBeneficiaries.secrets(list));
      assertEquals(0, readers.openSessions());
    }
  }

  @Test
  void check_detectsSameCardSwappedCardAndNoCard() {
    VitaleCardSimulator a = VitaleCardSimulator.of(TestBeneficiaries.of(1, 2));
    VitaleCardSimulator b = VitaleCardSimulator.of(TestBeneficiaries.of(2, 2));
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, a);
      CardFingerprint f = vitale.read(readers, R).fingerprint();
      assertEquals(CardCheck.SAME_CARD, vitale.check(readers, R, f));
      readers.remove(R);
      assertEquals(CardCheck.NO_CARD, vitale.check(readers, R, f));
      readers.insert(R, b);
      assertEquals(CardCheck.DIFFERENT_CARD, vitale.check(readers, R, f));
      readers.insert(R, new DemoCard());
      assertEquals(CardCheck.DIFFERENT_CARD, vitale.check(readers, R, f));
      readers.insert(R, VitaleCardSimulator.of(a.beneficiaries()));
      assertEquals(CardCheck.SAME_CARD, vitale.check(readers, R, f), "same data, same card");
    }
  }

  @Test
  void fingerprint_showsOnlyAPrefix_andComparesExactly() {
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, VitaleCardSimulator.of(TestBeneficiaries.of(8, 1)));
      CardFingerprint f = vitale.read(readers, R).fingerprint();
      assertEquals(64, f.value().length());
      assertEquals("CardFingerprint[" + f.value().substring(0, 8) + "...]", f.toString());
      assertTrue(f.matches(new CardFingerprint(f.value())));
      assertFalse(f.matches(null));
    }
  }
}
