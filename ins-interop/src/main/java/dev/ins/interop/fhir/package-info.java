/**
 * FR Core Patient INS as HAPI FHIR R4 objects, on ins-core's mapping: {@link
 * dev.ins.interop.fhir.HapiPatientIns} writes and reads {@code org.hl7.fhir.r4.model.Patient} and
 * validates resources (structure, RNIV, FR Core profile) with FHIRPath-named violations.
 *
 * <pre>{@code
 * Patient patient = HapiPatientIns.toPatient(identity);
 * Identity back = HapiPatientIns.read(patient).identity();
 * }</pre>
 */
package dev.ins.interop.fhir;
