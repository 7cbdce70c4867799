package dev.ins.core.vitale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.testing.PiiGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selection of a beneficiary on a card: ranges checked, values masked, guard required. */
class VitaleSelectionTest {

  private static final Matricule INSURED = Matricule.parse("275126322074974");
  private static final CardGuard SAME = () -> CardPresence.SAME_CARD;

  private static VitaleSelection of(int rank, int position, int count) {
    return VitaleSelection.of(INSURED, null, BirthName.of("ADRUN"), FirstNames.of("ZOE"),
        BirthDate.parse("1975-12-31"), rank, position, count, SAME);
  }

  @Test
  void rankAndPosition_areChecked() {
    assertEquals("vitale.rank", assertThrows(InsValidationException.class, () -> of(10, 0, 1)).field());
    assertEquals("vitale.position", assertThrows(InsValidationException.class, () -> of(0, 1, 1)).field());
    assertEquals("vitale.position", assertThrows(InsValidationException.class, () -> of(0, 0, 0)).field());
    assertTrue(of(0, 0, 1).rank().isEmpty());
    assertEquals(3, of(3, 0, 1).rank().getAsInt());
  }

  @Test
  void guard_isRequired_andToStringMasks() {
    assertThrows(NullPointerException.class, () -> VitaleSelection.of(INSURED, null, BirthName.of("ADRUN"),
        FirstNames.of("ZOE"), BirthDate.parse("1975-12-31"), 0, 0, 1, null));
    PiiGuard.assertNoPii(of(2, 0, 1).toString(), List.of("ADRUN", "ZOE", "1975", "2751263220749"));
  }
}
