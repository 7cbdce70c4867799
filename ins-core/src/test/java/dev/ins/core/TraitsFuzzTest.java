package dev.ins.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Reading INSi traits (names, sex, date, birthplace) gives traits or a typed error, nothing else. */
class TraitsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void fromInsi_givesTraitsOrATypedError(FuzzedDataProvider data) {
    String name = data.consumeString(120);
    String first = data.consumeString(120);
    String sex = data.consumeString(2);
    String date = data.consumeString(12);
    String place = data.consumeRemainingAsString();
    try {
      Traits t = Traits.fromInsi(name, first, sex, date, place);
      Traits again = Traits.fromInsi(t.birthName().value(), t.firstNames().value(), t.sex().code(),
          t.birthDate().format(), t.birthplace().orElseThrow().value());
      if (!again.equals(t)) {
        throw new AssertionError("INSi traits do not round-trip");
      }
    } catch (InsValidationException expected) {
      for (Violation v : expected.violations()) {
        if (!v.field().startsWith("traits.")) {
          throw new AssertionError("violation outside traits: " + v);
        }
      }
    }
  }
}
