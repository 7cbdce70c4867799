package dev.ins.core.fhir;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.InsValidationException;

/**
 * Any input to the FR Core Patient INS reader gives a value or the SDK's typed error, nothing else;
 * a value read is written and read again to the same traits and INS. Seeded with valid Patient
 * resources under {@code FrCorePatientInsFuzzTestInputs/fromJson_givesAValueOrATypedError/}.
 */
class FrCorePatientInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void fromJson_givesAValueOrATypedError(FuzzedDataProvider data) {
    NameForm form = data.consumeBoolean() ? NameForm.NORMALIZE : NameForm.INS_FORM;
    String s = data.consumeRemainingAsString();
    try {
      FrCorePatientIns p = FrCorePatientIns.fromJson(s, form);
      FrCorePatientIns again = FrCorePatientIns.fromJson(FrCorePatientIns.toJson(p.identity()));
      if (!again.identity().traits().equals(p.identity().traits())
          || !again.identity().insForExchange().equals(p.identity().insForExchange())) {
        throw new AssertionError("write then read changed the identity");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
