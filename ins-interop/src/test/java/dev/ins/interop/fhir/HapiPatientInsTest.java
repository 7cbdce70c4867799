package dev.ins.interop.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.Identity;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsValidationException;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.fhir.FrCorePatientIns;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import java.util.List;
import java.util.stream.LongStream;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HapiPatientInsTest {

  static Identity patTrois() {
    return dev.ins.interop.TestIdentities.patTrois();
  }

  static LongStream seeds() {
    return Seeds.stream(24);
  }

  private static String json(Identity identity) {
    return FrCorePatientIns.toJson(identity);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void toPatientThenRead_givesTheIdentityBack_forQualifiedAndProvisionalIdentities(long seed) {
    SyntheticIdentities ids = new SyntheticIdentities(seed);
    for (Identity identity : List.of(ids.qualified(), ids.provisional())) {
      Patient patient = HapiPatientIns.toPatient(identity);
      Identity back = HapiPatientIns.read(patient).identity();
      Identity expected = identity.toBuilder()
          .lastInsiCall(identity.lastInsiCall().map(FrCorePatientIns::insiCallPrecision).orElse(null)).build();
      assertEquals(expected.traits(), back.traits(), Seeds.describe(seed));
      assertEquals(expected.status(), back.status(), Seeds.describe(seed));
      assertEquals(expected.insForExchange(), back.insForExchange(), Seeds.describe(seed));
      assertEquals(expected.lastInsiCall(), back.lastInsiCall(), Seeds.describe(seed));
      assertEquals(expected.validationMode(), back.validationMode(), Seeds.describe(seed));
      assertEquals(expected.validationDate(), back.validationDate(), Seeds.describe(seed));
      assertEquals(expected.collectionMethod(), back.collectionMethod(), Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hapiSurface_agreesWithTheCoreReader_onTheSameResource(long seed) {
    Identity identity = new SyntheticIdentities(seed).qualified();
    FrCorePatientIns viaCore = FrCorePatientIns.fromJson(json(identity));
    FrCorePatientIns viaHapi = HapiPatientIns.read(HapiPatientIns.toPatient(identity));
    assertEquals(viaCore.identity().traits(), viaHapi.identity().traits(), Seeds.describe(seed));
    assertEquals(viaCore.identity().status(), viaHapi.identity().status(), Seeds.describe(seed));
    assertEquals(viaCore.declaredStatus(), viaHapi.declaredStatus(), Seeds.describe(seed));
    assertEquals(viaCore.identity().insForExchange(), viaHapi.identity().insForExchange(), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void validate_acceptsWhatIsWritten_forAQualifiedIdentityWithABirthplace(long seed) {
    Identity identity = new SyntheticIdentities(seed).qualified();
    PatientValidation v = HapiPatientIns.validate(json(identity));
    assertTrue(v.valid(), v.violations() + " " + Seeds.describe(seed));
    assertEquals(identity.traits(), v.orThrow().identity().traits());
    assertTrue(v.patient().isPresent());
  }

  @Test
  void validatePatient_withTheFormItWasAcceptedIn_acceptsItAgain_namesNotInInsFormNeedNormalize() {
    String json = json(patTrois()).replace("\"DOMINIQUE\"", "\"Dominique\"");
    PatientValidation first = HapiPatientIns.validate(json, dev.ins.core.fhir.NameForm.NORMALIZE);
    assertTrue(first.valid(), first.violations().toString());
    Patient patient = first.patient().orElseThrow();
    assertTrue(HapiPatientIns.validate(patient, dev.ins.core.fhir.NameForm.NORMALIZE).valid());
    assertFalse(HapiPatientIns.validate(patient).valid(), "a lower-case given name is not in INS form");
  }

  @Test
  void toPatient_writesTheFrCoreSlicesAsHapiObjects() {
    Patient p = HapiPatientIns.toPatient(patTrois());
    Identifier ins = p.getIdentifierFirstRep();
    assertEquals("urn:oid:1.2.250.1.213.1.4.10", ins.getSystem());
    assertEquals("279035121518989", ins.getValue());
    assertEquals("INS-NIR-TEST", ins.getType().getCodingFirstRep().getCode());
    assertEquals("PAT-TROIS", p.getNameFirstRep().getFamily());
    assertEquals(List.of("DOMINIQUE"), p.getNameFirstRep().getGiven().stream().map(StringType::getValue).toList());
    assertEquals(AdministrativeGender.FEMALE, p.getGender());
    assertEquals("1979-03-28", p.getBirthDateElement().getValueAsString());
    assertTrue(p.getMeta().hasProfile(FrCorePatientIns.PROFILE));
  }

  @Test
  void toPatient_doesNotWriteTheInsOfANonQualifiedIdentity() {
    Identity recup = dev.ins.interop.TestIdentities.patTroisRecup();
    assertEquals(IdentityStatus.RECUP, recup.status());
    assertTrue(HapiPatientIns.toPatient(recup).getIdentifier().isEmpty());
  }

  @Test
  void read_acceptsLegacyValiOtherIdentifiersAndUnknownExtensions() {
    Patient p = HapiPatientIns.toPatient(patTrois());
    p.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.7").setValue("IPP-0042").setUse(Identifier.IdentifierUse.USUAL);
    p.addExtension().setUrl("https://example.org/fhir/StructureDefinition/vendor-flag").setValue(new StringType("x"));
    var status = p.getExtensionByUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability")
        .getExtensionByUrl("identityStatus");
    ((org.hl7.fhir.r4.model.Coding) status.getValue())
        .setSystem("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-v2-0445").setCode("VALI");
    FrCorePatientIns read = HapiPatientIns.read(p);
    assertEquals(IdentityStatus.QUAL, read.identity().status());
    assertEquals("VALI", read.declaredStatus().orElseThrow());
  }

  @Test
  void read_refusesWhatTheCoreReaderRefuses_withTheSameViolations() {
    Patient p = HapiPatientIns.toPatient(patTrois());
    p.getNameFirstRep().setFamily("Pat-Trois");
    InsValidationException hapi = assertThrows(InsValidationException.class, () -> HapiPatientIns.read(p));
    String encoded = HapiPatientIns.context().newJsonParser().encodeResourceToString(p);
    InsValidationException core = assertThrows(InsValidationException.class, () -> FrCorePatientIns.fromJson(encoded));
    assertEquals(core.violations(), hapi.violations());
    assertTrue(hapi.field().startsWith("Patient.name[0].family"), hapi.field());
    assertEquals(ViolationCode.LOWERCASE, hapi.code());
  }

  /** The violation ins-core reports for a VALI or QUAL Patient without its document check. */
  static final Violation DOCUMENT_CHECK_REQUIRED = new Violation("Patient.extension:identityReliability",
      ViolationCode.DOCUMENT_CHECK_REQUIRED, -1,
      "status, attributes and evidence break an RNIV rule: DOCUMENT_CHECK_REQUIRED");

  /** PAT-TROIS as a Patient whose identityReliability lacks one sub-extension, with status code {@code code}. */
  private static Patient withoutSubExtension(String url, String code) {
    Patient p = HapiPatientIns.toPatient(patTrois());
    var reliability = p.getExtensionByUrl(
        "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability");
    assertTrue(reliability.getExtension().removeIf(x -> x.getUrl().equals(url)), url);
    ((org.hl7.fhir.r4.model.Coding) reliability.getExtensionByUrl("identityStatus").getValue()).setCode(code);
    return p;
  }

  @Test
  void read_qualWithoutValidationModeOrDate_isRefusedWithDocumentCheckRequired_asTheCoreReaderRefusesIt() {
    for (String missing : List.of("validationMode", "validationDate")) {
      for (String code : List.of("QUAL", "VALI")) {
        Patient p = withoutSubExtension(missing, code);
        String why = code + " without " + missing;
        InsValidationException hapi = assertThrows(InsValidationException.class, () -> HapiPatientIns.read(p), why);
        assertEquals(List.of(DOCUMENT_CHECK_REQUIRED), hapi.violations(), why);
        assertEquals("Patient.extension:identityReliability", hapi.field(), why);
        assertEquals(ViolationCode.DOCUMENT_CHECK_REQUIRED, hapi.code(), why);
        String json = HapiPatientIns.context().newJsonParser().encodeResourceToString(p);
        InsValidationException core = assertThrows(InsValidationException.class, () -> FrCorePatientIns.fromJson(json));
        assertEquals(core.violations(), hapi.violations(), why);
        PiiGuard.assertNoPii(hapi.getMessage(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979-03-28"));
      }
    }
  }

  @Test
  void validate_qualWithoutValidationMode_reportsDocumentCheckRequired_andGivesNoReading() {
    PatientValidation v = HapiPatientIns.validate(withoutSubExtension("validationMode", "QUAL"));
    assertFalse(v.valid());
    assertTrue(v.violations().contains(DOCUMENT_CHECK_REQUIRED), v.violations().toString());
    assertTrue(v.patient().isPresent(), "the structure is valid: HAPI's Patient is given");
    assertTrue(v.read().isEmpty(), "the RNIV rules fail: no reading");
    assertEquals(ViolationCode.DOCUMENT_CHECK_REQUIRED,
        assertThrows(InsValidationException.class, v::orThrow).violations().stream()
            .filter(x -> x.field().equals("Patient.extension:identityReliability")).findFirst().orElseThrow().code());
  }

  @Test
  void read_qualifiedPatient_carriesTheJustificationTheCoreReaderDeclaresForFrCore() {
    Identity read = HapiPatientIns.read(HapiPatientIns.toPatient(patTrois())).identity();
    Identity viaCore = FrCorePatientIns.fromJson(json(patTrois())).identity();
    assertEquals(dev.ins.core.InsiJustification.Kind.DECLARED, read.insiJustification().orElseThrow().kind());
    assertEquals(viaCore.insiJustification(), read.insiJustification());
    assertEquals(patTrois().validationMode(), read.validationMode());
    assertEquals(patTrois().validationDate(), read.validationDate());
  }

  @Test
  void validate_namesTheFhirPathOfStructuralProblems() {
    String json = json(patTrois())
        .replace("\"family\"", "\"famly\"")
        .replace("\"birthDate\": \"1979-03-28\"", "\"birthDate\": \"1979-02-30\"")
        .replace("\"gender\": \"female\"", "\"gender\": [\"female\"]");
    PatientValidation v = HapiPatientIns.validate(json);
    assertFalse(v.valid());
    List<String> fields = v.violations().stream().map(Violation::field).toList();
    assertTrue(fields.contains("Patient.name[0].famly"), fields.toString());
    assertTrue(fields.contains("Patient.gender"), fields.toString());
    assertTrue(fields.contains("Patient.birthDate"), fields.toString());
    assertTrue(v.patient().isEmpty());
    assertThrows(InsValidationException.class, v::orThrow);
  }

  @Test
  void validate_reportsInvalidPrimitiveFormatsAndMisusedArrays() {
    String json = json(patTrois()).replace("\"birthDate\": \"1979-03-28\"", "\"birthDate\": \"28/03/1979\"")
        .replace("\"use\": \"official\",\n      \"family\"", "\"use\": [\"official\"],\n      \"family\"");
    PatientValidation v = HapiPatientIns.validate(json);
    Violation date = v.violations().stream().filter(x -> x.field().equals("Patient.birthDate")).findFirst().orElseThrow();
    assertEquals(ViolationCode.INVALID_DATE, date.code());
  }

  @Test
  void validate_extensionsOrIdentifiersSentAsAnObject_areReportedAsMisusedArrays_neverThrown() {
    for (String field : List.of("extension", "identifier")) {
      com.fasterxml.jackson.databind.node.ObjectNode root;
      try {
        root = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(json(patTrois()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
      root.set(field, root.path(field).path(0));
      PatientValidation v = HapiPatientIns.validate(root.toString());
      assertFalse(v.valid(), field);
      assertTrue(v.violations().stream().anyMatch(x -> x.field().equals("Patient." + field)
          && x.code() == ViolationCode.INVALID_FORMAT), field + ": " + v.violations());
    }
  }

  @Test
  void validate_appliesTheProfileRules_insOnlyForQualAndRequiredSlices() {
    Identity qual = patTrois();
    String prov = json(qual).replace("\"code\": \"QUAL\"", "\"code\": \"PROV\"");
    PatientValidation v = HapiPatientIns.validate(prov);
    assertTrue(v.violations().stream().anyMatch(x -> x.field().equals("Patient.identifier[0]")
        && x.code() == ViolationCode.INCONSISTENT), v.violations().toString());

    Identity noPlace = dev.ins.interop.TestIdentities.qualified(Traits.of(qual.traits().birthName(),
        qual.traits().firstNames(), qual.traits().birthDate(), qual.traits().sex(), null), qual.ins().orElseThrow());
    PatientValidation w = HapiPatientIns.validate(json(noPlace));
    assertEquals(List.of("Patient.extension:birthPlace"), w.violations().stream().map(Violation::field).toList());

    String untyped = json(qual).replaceAll("(?s)\"type\": \\{.*?\\]\\s*\\},\\s*\"system\"", "\"system\"");
    PatientValidation u = HapiPatientIns.validate(untyped);
    assertTrue(u.violations().stream().anyMatch(x -> x.field().equals("Patient.identifier[0].type")),
        u.violations().toString());
  }

  @Test
  void validate_declaredQualWithoutTheIns_isAProducerError() {
    Patient p = HapiPatientIns.toPatient(patTrois());
    p.getIdentifier().clear();
    PatientValidation v = HapiPatientIns.validate(p);
    assertTrue(v.violations().stream().anyMatch(x -> x.code() == ViolationCode.INCONSISTENT
        && x.detail().contains("INS identifier is missing")), v.violations().toString());
  }

  @Test
  void validate_refusesMalformedJsonDuplicateKeysAndDeepNesting_withoutEchoingIt() {
    assertEquals("json", HapiPatientIns.validate("{\"resourceType\":\"Patient\",").violations().get(0).field());
    assertEquals("json", HapiPatientIns.validate("{\"resourceType\":\"Patient\",\"gender\":\"male\",\"gender\":\"female\"}")
        .violations().get(0).field());
    String deep = "{\"resourceType\":\"Patient\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
    assertEquals("json", HapiPatientIns.validate(deep).violations().get(0).field());
    assertEquals(ViolationCode.TOO_LONG, HapiPatientIns.validate(" ".repeat(HapiPatientIns.MAX_JSON + 1))
        .violations().get(0).code());
    assertEquals("Patient.resourceType", HapiPatientIns.validate("{\"resourceType\":\"Practitioner\"}")
        .violations().get(0).field());
  }

  @Test
  void violationsAndToString_holdNoPatientData() {
    Identity qual = patTrois();
    String json = json(qual).replace("\"family\"", "\"famly\"").replace("\"QUAL\"", "\"PROV\"");
    PatientValidation v = HapiPatientIns.validate(json);
    List<String> secrets = List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979-03-28", "51215");
    PiiGuard.assertNoPii(v.toString(), secrets);
    PiiGuard.assertNoPii(v.violations().toString(), secrets);
  }

  @Test
  void validate_refusesANarrativeWithADtd_andNeverResolvesItsEntities(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "SECRET-CONTENT-42");
    String div = "<!DOCTYPE div [<!ENTITY x SYSTEM \\\"" + secret.toUri() + "\\\">]>"
        + "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">&x;</div>";
    String json = json(patTrois()).replaceFirst("\\{", "{\"text\": {\"status\": \"generated\", \"div\": \"" 
        + java.util.regex.Matcher.quoteReplacement(div) + "\"},");
    PatientValidation v = HapiPatientIns.validate(json);
    assertTrue(v.violations().stream().noneMatch(x -> x.field().equals("json")), "the resource is well-formed JSON");
    assertTrue(v.patient().isEmpty(), "a narrative with a DTD is refused by HAPI's strict parser");
    String narrative = v.patient().map(x -> x.getText().getDivAsString()).orElse("");
    assertFalse(narrative.contains("SECRET-CONTENT-42"), narrative);
    assertFalse(v.toString().contains("SECRET-CONTENT-42"));
  }
}
