package dev.ins.interop.fhir;

import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.fhir.FrCorePatientIns;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * The outcome of validating a Patient resource as an FR Core Patient INS: every problem found, the
 * HAPI Patient when the resource is structurally valid FHIR R4, and the identity read by ins-core
 * when the INS data follow the RNIV rules.
 *
 * <p>Invariants: {@link #valid()} is true exactly when {@link #violations()} is empty, and then
 * both {@link #patient()} and {@link #read()} are present. Violations name the FHIRPath of the
 * problem ({@code Patient.name[0].given}) and never hold patient data.
 *
 * <pre>{@code
 * PatientValidation v = HapiPatientIns.validate(json);
 * if (!v.valid()) {
 *   v.violations().forEach(x -> log.warn("{}", x));   // safe: no patient data
 * }
 * Identity identity = v.orThrow().identity();
 * }</pre>
 *
 * @param violations every problem: structure (HAPI's R4 model), RNIV (ins-core's reader), FR Core profile
 * @param patient the parsed Patient, when the resource is structurally valid
 * @param read what ins-core's reader made of the resource, when it accepted it
 */
public record PatientValidation(List<Violation> violations, Optional<Patient> patient, Optional<FrCorePatientIns> read) {

  /**
   * Copies the list and checks the invariants.
   *
   * @param violations see the record component
   * @param patient see the record component
   * @param read see the record component
   */
  public PatientValidation {
    violations = List.copyOf(violations);
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(read, "read");
    if (violations.isEmpty() && (patient.isEmpty() || read.isEmpty())) {
      throw new IllegalArgumentException("a valid resource has a Patient and a reading");
    }
  }

  /**
   * Tells whether the resource is a valid FR Core Patient INS.
   *
   * @return true when there is no violation
   */
  public boolean valid() {
    return violations.isEmpty();
  }

  /**
   * Returns the reading, or throws every violation.
   *
   * @return the identity and what the resource declared
   * @throws InsValidationException listing every violation when the resource is not valid
   */
  public FrCorePatientIns orThrow() {
    if (!violations.isEmpty()) {
      throw new InsValidationException(violations);
    }
    return read.orElseThrow();
  }

  /** Masked: counts and codes only. */
  @Override
  public String toString() {
    return "PatientValidation[valid=" + valid() + ", violations=" + violations + ", read=" + read.orElse(null) + "]";
  }
}
