package dev.ins.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/** Strict validation never throws; what it accepts builds values, what it rejects has codes. */
class TraitValidatorFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void validate_neverThrowsAndAgreesWithTheValueTypes(FuzzedDataProvider data) {
    TraitField field = data.pickValue(TraitField.values());
    String s = data.consumeRemainingAsString();
    List<Violation> v = TraitValidator.validate(field, s);
    if (v.isEmpty()) {
      if (field == TraitField.BIRTH_NAME && !BirthName.of(s).value().equals(s)) {
        throw new AssertionError("accepted birth name was rewritten");
      }
      if (field == TraitField.BIRTH_FIRST_NAMES && !FirstNames.of(s).value().equals(s)) {
        throw new AssertionError("accepted first names were rewritten");
      }
    } else {
      try {
        TraitValidator.requireValid(field, s);
        throw new AssertionError("requireValid accepted what validate rejected");
      } catch (InsValidationException expected) {
        if (!expected.violations().equals(v)) {
          throw new AssertionError("requireValid and validate disagree", expected);
        }
      }
    }
  }
}
