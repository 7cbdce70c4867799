package dev.ins.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any input to the matricule parser gives a matricule or the SDK's typed error, nothing else. */
class MatriculeFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parse_givesAValueOrATypedError(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      Matricule m = Matricule.parse(s);
      if (!Matricule.parse(m.format()).equals(m) || !Matricule.computeKey(m.nir()).equals(m.key())) {
        throw new AssertionError("round trip broken");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
