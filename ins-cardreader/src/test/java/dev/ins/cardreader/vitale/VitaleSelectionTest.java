package dev.ins.cardreader.vitale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.TestBeneficiaries;
import dev.ins.cardreader.virtual.InMemoryCardReaders;
import dev.ins.cardreader.virtual.VitaleCardSimulator;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;
import dev.ins.core.vitale.CardPresence;
import dev.ins.core.vitale.VitaleSelection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A beneficiary chosen on a card becomes the ins-core selection whose guard catches a swapped card. */
class VitaleSelectionTest {

  private static final String R = "Reader 0";
  private final VitaleReader vitale = new VitaleReader();

  @Test
  void select_givesTheChosenBeneficiary_withTheHolderAsInsured() {
    List<VitaleBeneficiary> list = TestBeneficiaries.of(3, 3);
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, VitaleCardSimulator.of(list));
      VitaleCard card = vitale.read(readers, R);
      VitaleSelection s = vitale.select(readers, R, card, 2);
      assertEquals(Matricule.parse(list.get(0).nir()), s.insured());
      assertEquals(Matricule.parse(list.get(2).nir()), s.beneficiary().orElseThrow());
      assertEquals(list.get(2).birthName(), s.birthName());
      assertEquals(list.get(2).firstName(), s.firstName());
      assertEquals(list.get(2).birthDate(), s.birthDate());
      assertTrue(s.rank().isEmpty(), "the rank is unavailable on the card, never guessed");
      assertEquals(2, s.position());
      assertEquals(3, s.beneficiaries());
      for (String secret : TestBeneficiaries.secrets(list)) {
        assertFalse(s.toString().contains(secret), s.toString());
      }
    }
  }

  @Test
  void guard_readsTheCardAgain_andCatchesASwapOrARemoval() {
    VitaleCardSimulator a = VitaleCardSimulator.of(TestBeneficiaries.of(1, 2));
    VitaleCardSimulator b = VitaleCardSimulator.of(TestBeneficiaries.of(2, 2));
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, a);
      VitaleSelection s = vitale.select(readers, R, vitale.read(readers, R), 1);
      assertEquals(CardPresence.SAME_CARD, s.guard().check());
      readers.insert(R, b);
      assertEquals(CardPresence.OTHER_CARD, s.guard().check());
      readers.remove(R);
      assertEquals(CardPresence.NO_CARD, s.guard().check());
      readers.insert(R, a);
      assertEquals(CardPresence.SAME_CARD, s.guard().check());
      assertEquals(0, readers.openSessions());
    }
  }

  @Test
  void select_refusesAnIndexOutOfRangeOrANirThatCannotBeSearched() {
    List<VitaleBeneficiary> list = new ArrayList<>(TestBeneficiaries.of(5, 2));
    VitaleBeneficiary holder = list.get(0);
    String badKey = holder.nir().substring(0, 13) + (holder.nir().endsWith("01") ? "02" : "01");
    list.set(0, new VitaleBeneficiary(holder.birthName(), holder.firstName(), holder.birthDate(), badKey));
    try (InMemoryCardReaders readers = InMemoryCardReaders.withReaders(R)) {
      readers.insert(R, VitaleCardSimulator.of(list));
      VitaleCard card = vitale.read(readers, R);
      InsValidationException range = assertThrows(InsValidationException.class, () -> vitale.select(readers, R, card, 2));
      assertEquals("vitale.position", range.field());
      InsValidationException key = assertThrows(InsValidationException.class, () -> vitale.select(readers, R, card, 1));
      assertEquals("vitale.insured", key.field());
      assertEquals(ViolationCode.INVALID_KEY, key.code());
    }
  }
}
