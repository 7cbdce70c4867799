package dev.ins.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.fhir.FrCorePatientIns;
import dev.ins.core.fhir.NameForm;
import dev.ins.interop.internal.fhir.StructureWalk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;

/**
 * An identity as a HAPI FHIR R4 {@link Patient} following FR Core's {@code fr-core-patient-ins}
 * profile, both ways, on ins-core's mapping ({@link FrCorePatientIns}): one mapping, two surfaces.
 *
 * <p>Writing goes identity → ins-core's FR Core JSON → HAPI's strict parser → Patient, so the
 * Patient holds exactly what ins-core writes (the INS only for a QUAL identity). Reading goes
 * Patient → HAPI's JSON encoder → ins-core's reader, with its RNIV checks: legacy VALI encodings,
 * extra extensions and the patient's other identifiers are accepted and left alone. The identity's
 * invariants are ins-core's, not re-implemented here: a Patient declaring VALI or QUAL (legacy VALI
 * with an INS included) without both {@code validationMode} and {@code validationDate} is refused
 * with {@link ViolationCode#DOCUMENT_CHECK_REQUIRED} under
 * {@code Patient.extension:identityReliability}; a RECUP or QUAL identity read carries the
 * justification ins-core declares for FR Core ({@link dev.ins.core.InsiJustification.Declared}).
 *
 * <p>{@link #validate(String)} checks a resource as it arrives, in three layers, and reports every
 * problem under its FHIRPath: structure against HAPI's R4 model (unknown elements, JSON types,
 * cardinality, primitive formats, required elements) and HAPI's parser in strict mode; the RNIV
 * rules of ins-core's reader; the FR Core Patient INS profile rules that a reader may tolerate but
 * a producer must follow (identityReliability and birthPlace present, at least one identifier, INS
 * identifiers typed, the matricule only with a QUAL status, a QUAL or RECUP status only with the INS).
 *
 * <pre>{@code
 * Patient patient = HapiPatientIns.toPatient(identity);
 * FrCorePatientIns back = HapiPatientIns.read(patient);
 * PatientValidation v = HapiPatientIns.validate(jsonFromPartner);
 * }</pre>
 */
public final class HapiPatientIns {

  /** The largest resource {@link #validate(String)} reads, in characters. */
  public static final int MAX_JSON = 1 << 20;

  private static final String P = "Patient";
  private static final String CORE = "https://hl7.fr/ig/fhir/core/";
  private static final String RELIABILITY = CORE + "StructureDefinition/fr-core-identity-reliability";
  private static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
  private static final String INSEE_CODE = CORE + "StructureDefinition/fr-core-address-insee-code";
  private static final String CS_STATUS = CORE + "CodeSystem/fr-core-cs-identity-status";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxStringLength(MAX_JSON).maxNumberLength(100).build());
  }

  private HapiPatientIns() {}

  /**
   * Returns the shared FHIR R4 context (expensive to create, thread-safe once built).
   *
   * @return HAPI's cached R4 context
   */
  public static FhirContext context() {
    return FhirContext.forR4Cached();
  }

  /**
   * Writes an identity as an FR Core Patient INS.
   *
   * @param identity the identity
   * @return a new Patient (the INS present only for a QUAL identity)
   * @throws InsValidationException when ins-core cannot write the identity (e.g. a birth date with
   *     a day but no month)
   */
  public static Patient toPatient(Identity identity) {
    String json = FrCorePatientIns.toJson(Objects.requireNonNull(identity, "identity"));
    return strictParser().parseResource(Patient.class, json);
  }

  /**
   * Reads a Patient whose names are in INS form, with ins-core's reader and its RNIV checks.
   *
   * @param patient the Patient
   * @return the identity and what the resource declared
   * @throws InsValidationException listing every broken rule under FHIRPath-like paths
   */
  public static FrCorePatientIns read(Patient patient) {
    return read(patient, NameForm.INS_FORM);
  }

  /**
   * Reads a Patient with ins-core's reader and its RNIV checks.
   *
   * @param patient the Patient
   * @param names whether names must be in INS form or are normalised first
   * @return the identity and what the resource declared
   * @throws InsValidationException listing every broken rule under FHIRPath-like paths
   */
  public static FrCorePatientIns read(Patient patient, NameForm names) {
    Objects.requireNonNull(patient, "patient");
    return FrCorePatientIns.fromJson(context().newJsonParser().encodeResourceToString(patient), names);
  }

  /**
   * Validates a Patient object (encoded by HAPI, then validated as {@link #validate(String)} does).
   *
   * @param patient the Patient
   * @return every problem found, and the reading when there is none
   */
  public static PatientValidation validate(Patient patient) {
    return validate(patient, NameForm.INS_FORM);
  }

  /**
   * Validates a Patient object whose names are in the given form (encoded by HAPI, then validated
   * as {@link #validate(String, NameForm)} does). A Patient accepted with {@link NameForm#NORMALIZE}
   * keeps its names as sent, so it validates again with that form, not necessarily in INS form.
   *
   * @param patient the Patient
   * @param names whether names must be in INS form or are normalised first
   * @return every problem found, and the reading when there is none
   */
  public static PatientValidation validate(Patient patient, NameForm names) {
    Objects.requireNonNull(patient, "patient");
    return validate(context().newJsonParser().encodeResourceToString(patient), names);
  }

  /**
   * Validates a Patient resource in JSON whose names are in INS form.
   *
   * @param json the resource
   * @return every problem found, and the Patient and reading when there is none
   */
  public static PatientValidation validate(String json) {
    return validate(json, NameForm.INS_FORM);
  }

  /**
   * Validates a Patient resource in JSON: structure (HAPI's R4 model and strict parser), RNIV rules
   * (ins-core's reader) and FR Core Patient INS profile rules. Never throws for bad input.
   *
   * @param json the resource, at most {@link #MAX_JSON} characters
   * @param names whether names must be in INS form or are normalised first
   * @return every problem found, and the Patient and reading when the layers that produce them pass
   */
  public static PatientValidation validate(String json, NameForm names) {
    Objects.requireNonNull(names, "names");
    List<Violation> v = new ArrayList<>();
    if (json == null) {
      v.add(new Violation("json", ViolationCode.REQUIRED, -1, "a resource is required"));
      return new PatientValidation(v, Optional.empty(), Optional.empty());
    }
    if (json.length() > MAX_JSON) {
      v.add(new Violation("json", ViolationCode.TOO_LONG, MAX_JSON, "at most " + MAX_JSON + " characters"));
      return new PatientValidation(v, Optional.empty(), Optional.empty());
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      v.add(new Violation("json", ViolationCode.INVALID_FORMAT, at < 0 || at > Integer.MAX_VALUE ? -1 : (int) at,
          "not well-formed JSON (syntax, duplicate key, or nesting deeper than 64)"));
      return new PatientValidation(v, Optional.empty(), Optional.empty());
    }
    if (root == null || !root.isObject()) {
      v.add(new Violation(P, ViolationCode.INVALID_FORMAT, -1, "a Patient resource is a JSON object"));
      return new PatientValidation(v, Optional.empty(), Optional.empty());
    }
    if (!P.equals(root.path("resourceType").asText(null))) {
      v.add(new Violation(P + ".resourceType", ViolationCode.INVALID_FORMAT, -1, "resourceType must be Patient"));
      return new PatientValidation(v, Optional.empty(), Optional.empty());
    }
    StructureWalk.resource(context(), root, P, v);
    Patient patient = null;
    if (v.isEmpty()) {
      try {
        patient = strictParser().parseResource(Patient.class, json);
      } catch (DataFormatException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
        // HAPI's message may quote values: it is not repeated.
        v.add(new Violation(P, ViolationCode.INVALID_FORMAT, -1, "HAPI's strict R4 parser refused the resource"));
      }
    }
    FrCorePatientIns read = null;
    try {
      read = FrCorePatientIns.fromJson(json, names);
    } catch (InsValidationException e) {
      for (Violation x : e.violations()) {
        if (!v.contains(x)) {
          v.add(x);
        }
      }
    }
    profile(root, read, v);
    return new PatientValidation(v, Optional.ofNullable(patient), Optional.ofNullable(read));
  }

  private static IParser strictParser() {
    return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  /** FR Core Patient INS profile rules a reader tolerates but a producer must follow. */
  private static void profile(JsonNode p, FrCorePatientIns read, List<Violation> v) {
    JsonNode ext = p.path("extension");
    int reliability = -1;
    int birthPlace = -1;
    for (int i = 0; i < ext.size(); i++) {
      String url = ext.path(i).path("url").asText("");
      if (url.equals(RELIABILITY) && reliability < 0) {
        reliability = i;
      } else if (url.equals(BIRTH_PLACE) && birthPlace < 0) {
        birthPlace = i;
      }
    }
    if (reliability < 0) {
      v.add(new Violation(P + ".extension:identityReliability", ViolationCode.REQUIRED, -1,
          "fr-core-patient-ins requires the identityReliability extension (1..*)"));
    }
    if (birthPlace < 0) {
      v.add(new Violation(P + ".extension:birthPlace", ViolationCode.REQUIRED, -1,
          "fr-core-patient-ins requires the birthPlace extension (1..1)"));
    } else if (!hasInseeCode(ext.path(birthPlace))) {
      v.add(new Violation(P + ".extension[" + birthPlace + "].valueAddress.extension:inseeCode", ViolationCode.REQUIRED,
          -1, "fr-core-patient-ins requires the birthplace INSEE code (1..1)"));
    }
    JsonNode ids = p.path("identifier");
    if (ids.size() == 0) {
      v.add(new Violation(P + ".identifier", ViolationCode.REQUIRED, -1,
          "fr-core-patient-ins requires at least one identifier"));
    }
    int activeIns = -1;
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.path(i);
      InsOid oid = insOid(id.path("system").asText(""));
      if (oid == null || isBillingNumber(id)) {
        continue;
      }
      if (!id.has("type")) {
        v.add(new Violation(P + ".identifier[" + i + "].type", ViolationCode.REQUIRED, -1,
            "an INS identifier slice requires its type (fr-core-cs-v2-0203)"));
      }
      if (!"old".equals(id.path("use").asText("")) && activeIns < 0) {
        activeIns = i;
      }
    }
    if (read == null) {
      return;
    }
    IdentityStatus status = read.identity().status();
    if (activeIns >= 0 && status != IdentityStatus.QUAL) {
      v.add(new Violation(P + ".identifier[" + activeIns + "]", ViolationCode.INCONSISTENT, -1,
          "the matricule INS is exchanged only for a qualified identity (QUAL); the status read is " + status));
    }
    String declared = read.declaredStatus().orElse("");
    if (activeIns < 0 && reliability >= 0 && Set.of("QUAL", "RECUP").contains(declared)
        && CS_STATUS.equals(statusSystem(ext.path(reliability)))) {
      v.add(new Violation(P + ".extension[" + reliability + "]", ViolationCode.INCONSISTENT, -1,
          "a " + declared + " status means the INS was retrieved from INSi: the INS identifier is missing"));
    }
  }

  private static boolean hasInseeCode(JsonNode birthPlace) {
    JsonNode inner = birthPlace.path("valueAddress").path("extension");
    for (int i = 0; i < inner.size(); i++) {
      if (INSEE_CODE.equals(inner.path(i).path("url").asText(""))) {
        return true;
      }
    }
    return false;
  }

  private static String statusSystem(JsonNode reliability) {
    JsonNode sub = reliability.path("extension");
    for (int i = 0; i < sub.size(); i++) {
      if ("identityStatus".equals(sub.path(i).path("url").asText(""))) {
        return sub.path(i).path("valueCoding").path("system").asText("");
      }
    }
    return "";
  }

  private static InsOid insOid(String system) {
    for (InsOid o : InsOid.values()) {
      if (o.urn().equals(system)) {
        return o;
      }
    }
    return null;
  }

  private static boolean isBillingNumber(JsonNode id) {
    JsonNode codings = id.path("type").path("coding");
    for (int i = 0; i < codings.size(); i++) {
      if ("NH".equals(codings.path(i).path("code").asText(""))) {
        return true;
      }
    }
    return false;
  }
}
