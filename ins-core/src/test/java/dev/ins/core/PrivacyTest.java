package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.SyntheticIdentities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing that holds a matricule or a trait shows it in toString() or in an error message. */
class PrivacyTest {

  @Test
  void toString_ofEveryValueHoldingPatientData_isMasked() {
    SyntheticIdentities ids = new SyntheticIdentities(3);
    for (int i = 0; i < 50; i++) {
      Identity q = ids.qualified();
      Traits t = q.traits();
      InsIdentifier ins = q.ins().orElseThrow();
      List<String> secrets = new ArrayList<>(List.of(t.birthName().value(), t.firstNames().value(),
          t.birthDate().format(), t.birthplace().orElseThrow().value(), ins.matricule().value(),
          ins.matricule().format(), ins.matricule().nir()));
      String all = q + " " + t + " " + ins + " " + ins.matricule() + " " + t.birthName() + " " + t.firstNames()
          + " " + t.birthDate() + " " + t.birthplace().orElseThrow();
      PiiGuard.assertNoPii(all, secrets);
    }
  }

  @Test
  void errorMessages_neverRepeatTheOffendingValue() {
    List<Runnable> failing = List.of(
        () -> Matricule.parse("295109912611199"),
        () -> Matricule.parse("2951099126111"),
        () -> BirthName.of("dupont"),
        () -> FirstNames.of("JEAN  PIERRE"),
        () -> BirthDate.parse("1979-02-30"),
        () -> BirthplaceCode.of("6322X"),
        () -> Traits.fromInsi("martin", "zoé", "X", "1979-02-30", "0000"));
    for (Runnable r : failing) {
      InsValidationException e = assertThrows(InsValidationException.class, r::run);
      PiiGuard.assertNoPii(e.getMessage(), List.of("2951099126111", "dupont", "JEAN  PIERRE", "1979-02-30",
          "6322X", "martin", "zoé"));
    }
  }

  @Test
  void piiGuard_catchesALeak() {
    assertThrows(AssertionError.class, () -> PiiGuard.assertNoPii("patient 279035121518989 seen", List.of()));
    assertThrows(AssertionError.class, () -> PiiGuard.assertNoPii("name=Pat-Trois", List.of("PAT-TROIS")));
    assertThrows(AssertionError.class,
        () -> PiiGuard.assertNoPii(PiiGuard.captureStderr(() -> System.err.println("nir 297022A020778")), List.of()));
  }
}
