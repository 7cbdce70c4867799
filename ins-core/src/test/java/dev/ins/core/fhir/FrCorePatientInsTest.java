package dev.ins.core.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.CollectionMethod;
import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.ViolationCode;
import dev.ins.core.datamatrix.DataMatrixInsTestSupport;
import dev.ins.core.internal.interop.JsonText;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FR Core 2.2.0 Patient INS: a test identity both ways, the FR Core examples, legacy status, round trips. */
class FrCorePatientInsTest {

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  static String resource(String name) {
    try (InputStream in = FrCorePatientInsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void toJson_patTroisQualified_isTheFrCorePatientInsResource() {
    Identity q = DataMatrixInsTestSupport.patTroisQualified();
    String json = FrCorePatientIns.toJson(q);
    assertEquals(JsonText.parse(resource("pat-trois-qualified.json")), JsonText.parse(json));
  }

  @Test
  void fromJson_patTroisResource_givesTheQualifiedIdentity() {
    FrCorePatientIns read = FrCorePatientIns.fromJson(resource("pat-trois-qualified.json"));
    Identity i = read.identity();
    Identity q = DataMatrixInsTestSupport.patTroisQualified();
    assertEquals(q.traits(), i.traits());
    assertEquals(q.insForExchange(), i.insForExchange());
    assertEquals(IdentityStatus.QUAL, i.status());
    assertEquals(Optional.of(CollectionMethod.INSI), i.collectionMethod());
    assertEquals(Optional.of(ValidationMode.PASSPORT), i.validationMode());
    assertEquals(Optional.of(LocalDate.of(2026, 1, 15)), i.validationDate());
    assertEquals(Optional.of(Instant.parse("2026-01-14T23:00:00Z")), i.lastInsiCall(), "start of the day, Paris");
    assertEquals(Optional.of("QUAL"), read.declaredStatus());
  }

  @Test
  void fromJson_frCorePublishedInsExample_isRejectedForItsBadKeyOnly() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> FrCorePatientIns.fromJson(resource("fr-core-ins-example.json"), NameForm.NORMALIZE));
    assertEquals(1, e.violations().size(), e.getMessage());
    assertEquals("Patient.identifier[0].value.matricule", e.field());
    assertEquals(ViolationCode.INVALID_KEY, e.code());
    assertTrue(e.getMessage().contains("expected 12"), e.getMessage());
  }

  @Test
  void fromJson_frCoreExampleWithDisplayCaseNames_failsInInsFormMode() {
    String fixed = resource("fr-core-ins-example.json").replace("123456789012244", "123456789012212");
    InsValidationException e = assertThrows(InsValidationException.class, () -> FrCorePatientIns.fromJson(fixed));
    assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("Patient.name[0].family.birthName")
        && v.code() == ViolationCode.LOWERCASE), e.getMessage());
    // The published example declares QUAL without the document check: refused as every such identity is.
    InsValidationException noCheck = assertThrows(InsValidationException.class,
        () -> FrCorePatientIns.fromJson(fixed, NameForm.NORMALIZE));
    assertEquals(List.of(new dev.ins.core.Violation("Patient.extension:identityReliability",
        ViolationCode.DOCUMENT_CHECK_REQUIRED, -1, "status, attributes and evidence break an RNIV rule: DOCUMENT_CHECK_REQUIRED")),
        noCheck.violations());
    String checked = fixed.replace("\"code\": \"QUAL\"\n          }\n        }", "\"code\": \"QUAL\"\n          }\n        },"
        + " {\"url\": \"validationDate\", \"valueDate\": \"2024-05-02\"}, {\"url\": \"validationMode\", \"valueCoding\":"
        + " {\"system\": \"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity\", \"code\": \"CN\"}}");
    Identity i = FrCorePatientIns.fromJson(checked, NameForm.NORMALIZE).identity();
    assertEquals("DURAND", i.traits().birthName().value());
    assertEquals(List.of("PIERRE", "YVES"), i.traits().firstNames().names());
    assertEquals("01006", i.traits().birthplace().orElseThrow().value());
    assertEquals(IdentityStatus.QUAL, i.status());
  }

  @Test
  void fromJson_frCoreRnivExample_keepsManagementCommentsAndIgnoresLastUpdated() {
    FrCorePatientIns read = FrCorePatientIns.fromJson(resource("fr-core-rniv-example.json"), NameForm.NORMALIZE);
    assertEquals(List.of("DOUA", "DESA"), read.otherComments());
    assertEquals(IdentityStatus.PROV, read.identity().status());
    assertTrue(read.identity().ins().isEmpty(), "the IPP is not an INS");
    assertEquals("JEANNE MARIE CECILE", read.identity().traits().firstNames().value());
    assertEquals("88154", read.identity().traits().birthplace().orElseThrow().value());
  }

  @Test
  void fromJson_legacyValiWithInsIdentifier_isQualified() {
    String legacy = resource("pat-trois-qualified.json")
        .replace("CodeSystem/fr-core-cs-identity-status\"", "CodeSystem/fr-core-v2-0445\"")
        .replace("\"QUAL\"", "\"VALI\"");
    FrCorePatientIns read = FrCorePatientIns.fromJson(legacy);
    assertEquals(IdentityStatus.QUAL, read.identity().status());
    assertEquals(Optional.of("VALI"), read.declaredStatus());
  }

  @Test
  void fromJson_qualWithoutTheDocumentCheck_isRefusedWithDocumentCheckRequired() {
    String ok = resource("pat-trois-qualified.json");
    String noDate = ok.replace("{\n          \"url\": \"validationDate\",\n          \"valueDate\": \"2026-01-15\"\n        },", "");
    String noMode = ok.replace(",\n        {\n          \"url\": \"validationMode\"", ",\n        {\n          \"url\": \"otherSubExtension\"");
    for (String json : List.of(noDate, noMode, noDate.replace("\"QUAL\"", "\"VALI\""))) {
      assertTrue(!json.equals(ok));
      InsValidationException e = assertThrows(InsValidationException.class, () -> FrCorePatientIns.fromJson(json));
      assertEquals(List.of(new dev.ins.core.Violation("Patient.extension:identityReliability",
          ViolationCode.DOCUMENT_CHECK_REQUIRED, -1,
          "status, attributes and evidence break an RNIV rule: DOCUMENT_CHECK_REQUIRED")), e.violations());
    }
  }

  @Test
  void fromJson_qualifiedIdentity_carriesADeclaredJustificationNamingTheFormat() {
    Identity i = FrCorePatientIns.fromJson(resource("pat-trois-qualified.json")).identity();
    assertEquals(Optional.of(new dev.ins.core.InsiJustification.Declared(FrCorePatientIns.DECLARED_BY)),
        i.insiJustification());
  }

  @Test
  void fromJson_compoundFirstFirstName_followsTheRnivFirstNameRule() {
    String list = resource("pat-trois-qualified.json").replace("\"DOMINIQUE MARIE-LOUISE\"", "\"PIERRE ALAIN MURIEL\"");
    Identity i = FrCorePatientIns.fromJson(list.replace("\"DOMINIQUE\"\n", "\"PIERRE-ALAIN\"\n")).identity();
    assertEquals("PIERRE ALAIN MURIEL", i.traits().firstNames().value());
    assertTrue(dev.ins.core.matching.StrictMatcher.firstNameCoherent("PIERRE-ALAIN", "PIERRE ALAIN MURIEL"),
        "the matcher applies the same rule");
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> FrCorePatientIns.fromJson(list.replace("\"DOMINIQUE\"\n", "\"ALAIN\"\n")));
    assertEquals("Patient.name[0].given", e.field());
    assertEquals(ViolationCode.INCONSISTENT, e.code());
  }

  @Test
  void fromJson_currentValiWithInsIdentifier_staysVali() {
    String vali = resource("pat-trois-qualified.json").replace("\"QUAL\"", "\"VALI\"");
    FrCorePatientIns read = FrCorePatientIns.fromJson(vali);
    assertEquals(IdentityStatus.VALI, read.identity().status());
    assertTrue(read.identity().insForExchange().isEmpty());
  }

  @Test
  void toJson_notQualified_writesNoInsIdentifier() {
    Identity recup = DataMatrixInsTestSupport.patTroisQualified().toBuilder().status(IdentityStatus.RECUP)
        .validation(null, null).build();
    String json = FrCorePatientIns.toJson(recup);
    assertTrue(!json.contains("279035121518989"), "the matricule travels only for QUAL");
    FrCorePatientIns read = FrCorePatientIns.fromJson(json);
    assertEquals(Optional.of("RECUP"), read.declaredStatus());
    assertEquals(IdentityStatus.PROV, read.identity().status(), "no INS: the INSi criterion cannot be carried");
  }

  @Test
  void fromJson_nssUnderTheNirSystem_isNotTakenForTheIns() {
    String nss = "{\"use\": \"official\", \"type\": {\"coding\": [{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/v2-0203\", \"code\": \"NH\"}]}, "
        + "\"system\": \"urn:oid:1.2.250.1.213.1.4.8\", \"value\": \"277076322082910\"},\n    {";
    String json = resource("pat-trois-qualified.json").replaceFirst("\"identifier\": \\[\n    \\{",
        "\"identifier\": [\n    " + java.util.regex.Matcher.quoteReplacement(nss));
    assertTrue(json.contains("277076322082910"), json);
    Identity i = FrCorePatientIns.fromJson(json).identity();
    assertEquals("279035121518989", i.ins().orElseThrow().matricule().value());
  }

  @Test
  void toString_ofReadResult_holdsNoPatientData() {
    FrCorePatientIns read = FrCorePatientIns.fromJson(resource("pat-trois-qualified.json"));
    PiiGuard.assertNoPii(read.toString(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979", "51215"));
  }

  static List<Object[]> malformed() {
    String ok = resource("pat-trois-qualified.json");
    return List.of(
        new Object[] {"", "json", ViolationCode.INVALID_FORMAT},
        new Object[] {"[]", "Patient", ViolationCode.INVALID_FORMAT},
        new Object[] {ok + "x", "json", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("\"female\"", "\"female\",\"gender\":\"male\""), "json", ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("\"birthDate\"", "// c\n\"birthDate\""), "json", ViolationCode.INVALID_FORMAT},
        new Object[] {"[".repeat(100) + "]".repeat(100), "json", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("\"Patient\"", "\"Person\""), "Patient.resourceType", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("\"female\"", "\"other\""), "Patient.gender", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("1979-03-28", "28/03/1979"), "Patient.birthDate", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("1979-03-28", "1979-02-30"), "Patient.birthDate", ViolationCode.INVALID_DATE},
        new Object[] {ok.replace("1979-03-28", "1979-00-00"), "Patient.birthDate", ViolationCode.INVALID_DATE},
        new Object[] {ok.replace("\"DOMINIQUE\"\n", "\"MARIE-LOUISE\"\n"), "Patient.name[0].given",
            ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("\"use\": \"official\",\n      \"family\"", "\"use\": \"usual\",\n      \"family\""),
            "Patient.name", ViolationCode.REQUIRED},
        new Object[] {ok.replace("279035121518989", "279035121518988"), "Patient.identifier[0].value.matricule",
            ViolationCode.INVALID_KEY},
        new Object[] {ok.replace("279035121518989", "2790351215189"), "Patient.identifier[0].value.matricule",
            ViolationCode.INVALID_LENGTH},
        new Object[] {ok.replace("\"use\": \"official\",\n      \"type\"", "\"use\": \"temp\",\n      \"type\""),
            "Patient.identifier[0].use", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("urn:oid:1.2.250.1.213.1.4.10", "urn:oid:1.2.250.1.213.1.4.2"),
            "Patient.identifier[0].system", ViolationCode.UNKNOWN_OID},
        new Object[] {ok.replace("\"INS-NIR-TEST\"", "\"INS-NIR\""), "Patient.identifier[0].type",
            ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("fr-core-cs-identity-status\"", "other-status\""),
            "Patient.extension[0].extension[0].valueCoding.system", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("\"code\": \"QUAL\"", "\"code\": \"GOOD\""),
            "Patient.extension[0].extension[0].valueCoding.code", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("\"code\": \"PA\"", "\"code\": \"XX\""),
            "Patient.extension[0].extension[4].valueCoding.code", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("\"valueDate\": \"2026-01-15\"", "\"valueDate\": \"2026-13-15\""),
            "Patient.extension[0].extension[2].valueDate", ViolationCode.INVALID_DATE},
        new Object[] {ok.replace("\"code\": \"51215\"", "\"code\": \"5121\""),
            "Patient.extension[1].valueAddress.extension[0].valueCoding.code.birthplace", ViolationCode.INVALID_LENGTH},
        new Object[] {ok.replace("\"PAT-TROIS\"", "\"PAT-TROIS1\""), "Patient.name[0].family.birthName",
            ViolationCode.INVALID_CHARACTER},
        new Object[] {ok.replace("\"family\": \"PAT-TROIS\"", "\"family\": 12"), "Patient.name[0].family",
            ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("\"url\": \"methodCollection\"", "\"url\": \"comment\", \"valueCodeableConcept\": "
            + "{\"coding\": [{\"code\": \"DOUT\"}]}}, {\"url\": \"methodCollection\""),
            "Patient.extension:identityReliability", ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("\"given\": [\n        \"DOMINIQUE\"\n      ]\n    }",
            "\"given\": [\"DOMINIQUE\"]}, {\"use\": \"usual\", \"family\": \"Martin\"}"),
            "Patient.name:usual.usedName", ViolationCode.LOWERCASE});
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void fromJson_malformed_failsNamingFieldAndRule(String json, String field, ViolationCode code) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> FrCorePatientIns.fromJson(json));
    assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code() == code),
        "expected " + field + " " + code + " in " + e.getMessage());
    PiiGuard.assertNoPii(e.getMessage(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979-03-28"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTrip_identityToPatientToIdentity_keepsWhatTheProfileCarries(long seed) {
    Identity original = variant(seed);
    FrCorePatientIns back = FrCorePatientIns.fromJson(FrCorePatientIns.toJson(original));
    Identity read = back.identity();
    String why = Seeds.describe(seed) + " status " + original.status();
    assertEquals(original.traits(), read.traits(), why);
    assertEquals(original.insForExchange(), read.insForExchange(), why);
    assertEquals(original.status() == IdentityStatus.QUAL ? original.history() : List.of(), read.history(), why);
    assertEquals(original.attributes(), read.attributes(), why);
    assertEquals(original.usedName(), read.usedName(), why);
    assertEquals(original.usedFirstName(), read.usedFirstName(), why);
    assertEquals(original.collectionMethod(), read.collectionMethod(), why);
    assertEquals(original.validationMode(), read.validationMode(), why);
    assertEquals(original.validationDate(), read.validationDate(), why);
    assertEquals(original.lastInsiCall().map(FrCorePatientIns::insiCallPrecision), read.lastInsiCall(), why);
    assertEquals(Optional.of(original.status().name()), back.declaredStatus(), why);
    IdentityStatus expected = original.status() == IdentityStatus.RECUP ? IdentityStatus.PROV : original.status();
    assertEquals(expected, read.status(), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTrip_normalizeMode_acceptsWhatTheWriterWrites(long seed) {
    Identity original = variant(seed);
    Identity read = FrCorePatientIns.fromJson(FrCorePatientIns.toJson(original), NameForm.NORMALIZE).identity();
    assertEquals(original.traits(), read.traits(), Seeds.describe(seed));
  }

  /** A synthetic identity with any status, OID, history, used names, attributes and reliability data. */
  static Identity variant(long seed) {
    InsGenerators g = new InsGenerators(seed ^ 0xF41E);
    SyntheticIdentities ids = new SyntheticIdentities(seed);
    Identity q = ids.qualified();
    InsOid oid = InsOid.values()[g.nextInt(InsOid.values().length)];
    IdentityStatus status = IdentityStatus.values()[g.nextInt(4)];
    Identity.Builder b = q.toBuilder().ins(new InsIdentifier(q.ins().orElseThrow().matricule(), oid)).status(status)
        .collectionMethod(g.nextInt(4) == 0 ? null : CollectionMethod.values()[g.nextInt(CollectionMethod.values().length)])
        .lastInsiCall(g.nextInt(4) == 0 ? null : Instant.ofEpochSecond(1_600_000_000L + g.nextInt(200_000_000)));
    if (status.documentChecked()) {
      b.validation(ValidationMode.values()[g.nextInt(ValidationMode.values().length)],
          LocalDate.of(2020, 1, 1).plusDays(g.nextInt(2000)));
    } else {
      b.validation(null, null);
    }
    b.insiJustification(status.insiRetrieved() ? q.insiJustification().orElseThrow() : null);
    if (g.nextInt(3) == 0) {
      b.history(List.of(ids.ins(), new InsIdentifier(g.matricule(), InsOid.INS_NIA)));
    }
    if (g.nextInt(2) == 0) {
      b.usedName(g.insBirthName());
    }
    if (g.nextInt(3) == 0) {
      b.usedFirstName(g.word());
    }
    if (g.nextInt(3) == 0) {
      b.attributes(Set.of(IdentityAttribute.HOMONYME));
    }
    if (status == IdentityStatus.PROV && g.nextInt(2) == 0) {
      b.attributes(Set.of(g.nextInt(2) == 0 ? IdentityAttribute.DOUTEUSE : IdentityAttribute.FICTIVE,
          IdentityAttribute.HOMONYME));
    }
    Traits t = q.traits();
    if (status == IdentityStatus.PROV && g.nextInt(4) == 0) {
      b.traits(Traits.of(t.birthName(), t.firstNames(), t.birthDate(), Sex.UNKNOWN, null));
    }
    return b.build();
  }
}
