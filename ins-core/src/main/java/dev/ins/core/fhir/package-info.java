/**
 * FHIR R4: the FR Core Patient INS profile ({@code fr-core-patient-ins}, FR Core 2.2.0) as JSON.
 *
 * <p>Works without Jackson or a FHIR framework: the JSON is read and written by a small strict
 * parser inside ins-core.
 *
 * <pre>{@code
 * String json = FrCorePatientIns.toJson(identity);
 * Identity back = FrCorePatientIns.fromJson(json).identity();
 * }</pre>
 */
package dev.ins.core.fhir;
