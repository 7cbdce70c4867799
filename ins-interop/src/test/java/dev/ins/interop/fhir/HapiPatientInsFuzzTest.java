package dev.ins.interop.fhir;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.fhir.NameForm;

/**
 * Any text given to the FR Core Patient INS validator (Jackson tree, structural walk over HAPI's R4
 * model, HAPI's strict parser, ins-core's reader, profile rules) gives a result and never throws;
 * a valid result has its Patient and reading, and the Patient validates again with the same name form
 * (a Patient accepted by normalising its names keeps them as sent). Seeded with valid
 * resources under {@code HapiPatientInsFuzzTestInputs/validate_neverThrows/}.
 */
class HapiPatientInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void validate_neverThrows(FuzzedDataProvider data) {
    NameForm form = data.consumeBoolean() ? NameForm.NORMALIZE : NameForm.INS_FORM;
    PatientValidation v = HapiPatientIns.validate(data.consumeRemainingAsString(), form);
    if (v.valid()) {
      PatientValidation again = HapiPatientIns.validate(v.patient().orElseThrow(), form);
      if (!again.valid()) {
        throw new AssertionError("a valid resource re-encoded by HAPI is no longer valid: " + again.violations());
      }
    } else if (v.violations().stream().anyMatch(x -> x.field().isEmpty())) {
      throw new AssertionError("a violation without a path");
    }
  }
}
