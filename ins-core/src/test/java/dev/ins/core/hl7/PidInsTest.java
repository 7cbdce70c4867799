package dev.ins.core.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityEvent;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsiJustification;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ValidationMode;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.datamatrix.DataMatrixInsTestSupport;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ANS PAM France examples of ins-domain.md §7.2, escaping inside PID, round trips. */
class PidInsTest {

  /** ansforge/hl7V2-exemples SGL-Referentiel-Minimal/admission.er7 (PAM France 2.11), first three segments. */
  static final String ANS_ADMISSION_2_11 = "MSH|^~\\&|GAM|CHU-X|DPI|CHU-X|20240306111154||ADT^A01^ADT_A01|3975|D"
      + "|2.5^FRA^2.11|||||FRA|UNICODE UTF-8|FR||2.11^IHE_FRANCE-2.11-PAM\n"
      + "EVN||20240306111154||||20240306111154\n"
      + "PID|1||000003^^^CHU-X&000897406&N^PI~279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS"
      + "^^20101207||PAT-TROIS^DOMINIQUE^DOMINIQUE^^^^L||19790328|F|||28 Av de Breteuil^^PARIS^^75007^FRA^H^^^^^^^"
      + "~^^^^^^BDL^^63220|||||S||24000006^^^CHU-X&000897406&M^AN|||||||1|||||N||VALI|20240306111153||||||\n";

  /** ansforge/hl7V2-exemples Vague 2/Consentement_DMP_PAMFR/Consentement_Positif_DMP.er7 (PAM France 2.10). */
  static final String ANS_CONSENT_2_10 = "MSH|^~\\&|GAM|CHU-X|DPI|CHU-X|20230928124553||ADT^A01^ADT_A01|8291025166|P"
      + "|2.5^FRA^2.10||||AL|FRA|8859/15|FR||\r"
      + "EVN||20230928124551||||20230928124551\r"
      + "PID|||277076322082910^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS^^20101207||PAT-TROIS^DOMINIQUE"
      + "^DOMINIQUE^^^^L||19770714|F|||Av de Breteuil^^PARIS^^75007^FRA^H^^^^^^^|||||||405660^^^CHU-X&120456789&M"
      + "^AN^^20101205|||||||||||||N|VALI\r";

  /** The document check a receiving system holds: the PID does not carry it. */
  static final IdentityEvent.DocumentChecked CHECK = new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD,
      LocalDate.of(2024, 3, 6));

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  @Test
  void parseMessage_valiOrQualWithoutADocumentCheck_isRefusedWithDocumentCheckRequired() {
    for (String message : List.of(ANS_ADMISSION_2_11, ANS_CONSENT_2_10, "MSH|^~\\&|A|B\rPID|1||||SECLET^MARYSE"
        + "^MARYSE BERTHE ALICE^^^^L||19620412|F|||^^^^^^BDL^^63220|||||||||||||||||||||VALI")) {
      InsValidationException e = assertThrows(InsValidationException.class, () -> PidIns.parseMessage(message));
      assertEquals(List.of(new Violation("PID-32", ViolationCode.DOCUMENT_CHECK_REQUIRED, -1,
          "status, attributes and evidence break an RNIV rule: DOCUMENT_CHECK_REQUIRED")), e.violations());
    }
  }

  @Test
  void parse_compoundFirstFirstName_followsTheRnivFirstNameRule() {
    PidIns p = PidIns.parse("PID|1||||ECETINSI^PIERRE-ALAIN^PIERRE ALAIN MURIEL^^^^L||20090714|M");
    assertEquals("PIERRE ALAIN MURIEL", p.identity().traits().firstNames().value());
    assertTrue(dev.ins.core.matching.StrictMatcher.firstNameCoherent("PIERRE-ALAIN", "PIERRE ALAIN MURIEL"),
        "the matcher applies the same rule");
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> PidIns.parse("PID|1||||ECETINSI^ALAIN^PIERRE ALAIN MURIEL^^^^L||20090714|M"));
    assertEquals("PID-5.2", e.field());
    assertEquals(ViolationCode.INCONSISTENT, e.code());
  }

  @Test
  void parseMessage_ansAdmission211_readsTheTestInsAsLegacyQualified() {
    PidIns p = PidIns.parseMessage(ANS_ADMISSION_2_11, CHECK);
    Identity i = p.identity();
    assertEquals(InsIdentifier.of("279035121518989", InsOid.INS_NIR_TEST.oid()),
        i.ins().orElseThrow());
    assertEquals(Optional.of("VALI"), p.declaredStatus());
    assertEquals(IdentityStatus.QUAL, i.status(), "VALI sent with the INS is the legacy qualified status");
    assertEquals(Traits.fromInsi("PAT-TROIS", "DOMINIQUE", "F", "1979-03-28", "63220"), i.traits());
    assertEquals(Optional.of(CHECK.mode()), i.validationMode());
    assertEquals(Optional.of(new InsiJustification.Declared(PidIns.DECLARED_BY)), i.insiJustification());
  }

  @Test
  void parseMessage_ansConsent210_readsProductionInsWithoutBirthplace() {
    PidIns p = PidIns.parseMessage(ANS_CONSENT_2_10, CHECK);
    Identity i = p.identity();
    assertEquals(InsOid.INS_NIR, i.ins().orElseThrow().oid());
    assertEquals("277076322082910", i.ins().orElseThrow().matricule().value());
    assertEquals("1977-07-14", i.traits().birthDate().format());
    assertTrue(i.traits().birthplace().isEmpty(), "no BDL repetition in PID-11");
    assertEquals(IdentityStatus.QUAL, i.status());
  }

  @Test
  void parse_notesExampleWithFirstNameList_readsTheWholeList() {
    PidIns p = PidIns.parse("PID|1||||SECLET^MARYSE^MARYSE BERTHE ALICE^^^^L||19620412|F|||^^^^^^BDL^^63220"
        + "|||||||||||||||||||||VALI", Hl7Encoding.DEFAULT, CHECK);
    assertEquals(List.of("MARYSE", "BERTHE", "ALICE"), p.identity().traits().firstNames().names());
    assertEquals(IdentityStatus.VALI, p.identity().status(), "VALI without an INS is the RNIV status");
    assertTrue(p.identity().ins().isEmpty());
    assertEquals("63220", p.identity().traits().birthplace().orElseThrow().value());
  }

  @Test
  void format_qualifiedPatTrois_writesThePamFranceFields() {
    Identity q = DataMatrixInsTestSupport.patTroisQualified();
    String pid = PidIns.format(q);
    assertEquals("PID|1||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||PAT-TROIS^DOMINIQUE"
        + "^DOMINIQUE MARIE-LOUISE^^^^L||19790328|F|||^^^^^^BDL^^51215|||||||||||||||||||||QUAL", pid);
  }

  @Test
  void format_notQualified_leavesPid3Empty() {
    Identity prov = new SyntheticIdentities(3).provisional();
    String pid = PidIns.format(prov);
    assertTrue(pid.startsWith("PID|1|||"), pid);
    assertTrue(pid.endsWith("|PROV"), pid);
  }

  @Test
  void format_customDelimiters_escapesAndReadsBack() {
    Hl7Encoding enc = new Hl7Encoding('#', '$', '*', '!', '%');
    Identity q = DataMatrixInsTestSupport.patTroisQualified();
    String pid = PidIns.format(q, enc);
    assertTrue(pid.startsWith("PID#1##279035121518989$$$ASIP-SANTE-INS-NIR%1.2.250.1.213.1.4.10%ISO$INS"), pid);
    assertEquals(q.traits(), PidIns.parse(pid, enc, CHECK).identity().traits());
  }

  @Test
  void parse_escapedDelimiterInName_isUnescapedThenRejectedByTheInsAlphabet() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> PidIns.parse("PID|1||||DU\\T\\PONT^JEAN^JEAN^^^^L||19790328|F"));
    Violation v = e.violations().get(0);
    assertEquals("PID-5.birthName", v.field());
    assertEquals(ViolationCode.INVALID_CHARACTER, v.code());
    assertEquals(2, v.index(), "index in the unescaped value: the '&' at position 2");
  }

  @Test
  void parse_escapedSeparatorsDoNotSplitFields() {
    // "\F\" inside PID-5 must not shift PID-7: the birth date stays in place and the name is rejected alone.
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> PidIns.parse("PID|1||||DU\\F\\PONT^JEAN^JEAN^^^^L||19790328|F"));
    assertTrue(e.violations().stream().allMatch(v -> v.field().startsWith("PID-5")), e.getMessage());
  }

  static List<Object[]> malformed() {
    String ok = "PID|1||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||PAT-TROIS^DOMINIQUE"
        + "^DOMINIQUE MARIE-LOUISE^^^^L||19790328|F|||^^^^^^BDL^^51215|||||||||||||||||||||QUAL";
    return List.of(
        new Object[] {"PID", "PID", ViolationCode.INVALID_FORMAT},
        new Object[] {"EVN|1", "PID", ViolationCode.INVALID_FORMAT},
        new Object[] {ok + "\rPV1|1", "PID", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("518989^", "518988^"), "PID-3.matricule", ViolationCode.INVALID_KEY},
        new Object[] {ok.replace("518989^", "51898^"), "PID-3.matricule", ViolationCode.INVALID_LENGTH},
        new Object[] {ok.replace("1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.2"), "PID-3.oid", ViolationCode.UNKNOWN_OID},
        new Object[] {ok.replace("^INS||", "^INS~279035121518989^^^X&1.2.250.1.213.1.4.10&ISO^INS||"), "PID-3",
            ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("^^^^L", "^^^^D"), "PID-5", ViolationCode.REQUIRED},
        new Object[] {ok.replace("PAT-TROIS^DOMINIQUE^", "PAT-TROIS^MARIE-LOUISE^"), "PID-5.2",
            ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("^DOMINIQUE MARIE-LOUISE^", "^^"), "PID-5.3", ViolationCode.REQUIRED},
        new Object[] {ok.replace("PAT-TROIS", "Pat-Trois"), "PID-5.birthName", ViolationCode.LOWERCASE},
        new Object[] {ok.replace("19790328", "1979032"), "PID-7", ViolationCode.INVALID_FORMAT},
        new Object[] {ok.replace("19790328", "19790231"), "PID-7.birthDate", ViolationCode.INVALID_DATE},
        new Object[] {ok.replace("19790328", "197903281200"), "PID-7", ViolationCode.INVALID_FORMAT},
        // a day with month 00 cannot be written back (format() refuses it): refused on reading too
        new Object[] {ok.replace("19790328", "19790028"), "PID-7", ViolationCode.INVALID_DATE},
        new Object[] {ok.replace("|F|", "|X|"), "PID-8", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("|F|", "||"), "PID-8", ViolationCode.REQUIRED},
        new Object[] {ok.replace("BDL^^51215", "BDL^^5121"), "PID-11.9.birthplace", ViolationCode.INVALID_LENGTH},
        new Object[] {ok.replace("|QUAL", "|QUAL~PROV"), "PID-32", ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("|QUAL", "|QUAL~BOGUS"), "PID-32", ViolationCode.UNKNOWN_CODE},
        new Object[] {ok.replace("|QUAL", "|QUAL~DOUT"), "PID-32", ViolationCode.INCONSISTENT},
        new Object[] {ok.replace("|QUAL", "|QU\\X41\\L"), "PID-32", ViolationCode.INVALID_FORMAT});
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void parse_malformedPid_failsNamingFieldAndRule(String pid, String field, ViolationCode code) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> PidIns.parse(pid));
    assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field) && v.code() == code),
        "expected " + field + " " + code + " in " + e.getMessage());
    PiiGuard.assertNoPii(e.getMessage(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "19790328"));
  }

  @Test
  void toString_ofReadResult_holdsNoPatientData() {
    PidIns p = PidIns.parseMessage(ANS_ADMISSION_2_11, CHECK);
    PiiGuard.assertNoPii(p.toString(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "19790328", "63220"));
  }

  @Test
  void parse_otherReliabilityCodes_areReturnedNotDropped() {
    PidIns p = PidIns.parse("PID|1||||A^B^B^^^^L||2000|M||||||||||||||||||||||||PROV~HOMA~DOUB~DESA");
    assertEquals(List.of("DOUB", "DESA"), p.otherReliabilityCodes());
    assertEquals(Set.of(IdentityAttribute.HOMONYME), p.identity().attributes());
    assertTrue(p.identity().traits().birthDate().month().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundTrip_identityToPidToIdentity_keepsWhatThePidCarries(long seed) {
    Identity original = variant(seed);
    IdentityEvent.DocumentChecked check = original.validationMode().isEmpty() ? null
        : new IdentityEvent.DocumentChecked(original.validationMode().get(), original.validationDate().orElseThrow());
    PidIns back = PidIns.parse(PidIns.format(original), Hl7Encoding.DEFAULT, check);
    Identity read = back.identity();
    String why = Seeds.describe(seed) + " status " + original.status();
    assertEquals(original.traits(), read.traits(), why);
    assertEquals(original.insForExchange(), read.insForExchange(), why);
    assertEquals(original.attributes(), read.attributes(), why);
    assertEquals(original.usedName(), read.usedName(), why);
    assertEquals(original.usedFirstName(), read.usedFirstName(), why);
    assertEquals(Optional.of(original.status().name()), back.declaredStatus(), why);
    IdentityStatus expected = original.status() == IdentityStatus.RECUP ? IdentityStatus.PROV : original.status();
    assertEquals(expected, read.status(), why);
    assertEquals(original.validationMode(), read.validationMode(), why);
    assertEquals(expected.insiRetrieved(), read.insiJustification().isPresent(), why);
    assertEquals(List.of(), back.otherReliabilityCodes(), why);
  }

  /** A synthetic identity with any status, any INS OID, sometimes used names, attributes or sex I. */
  static Identity variant(long seed) {
    InsGenerators g = new InsGenerators(seed ^ 0x5EED);
    Identity q = new SyntheticIdentities(seed).qualified();
    InsOid oid = InsOid.values()[g.nextInt(InsOid.values().length)];
    IdentityStatus status = IdentityStatus.values()[g.nextInt(4)];
    Identity.Builder b = q.toBuilder().ins(new InsIdentifier(q.ins().orElseThrow().matricule(), oid)).status(status)
        .insiJustification(status.insiRetrieved() ? q.insiJustification().orElseThrow() : null);
    if (!status.documentChecked()) {
      b.validation(null, null);
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
      b.attributes(Set.of(g.nextInt(2) == 0 ? IdentityAttribute.DOUTEUSE : IdentityAttribute.FICTIVE));
    }
    if (status == IdentityStatus.PROV && g.nextInt(4) == 0) {
      Traits t = q.traits();
      b.traits(Traits.of(t.birthName(), t.firstNames(), t.birthDate(), Sex.UNKNOWN, t.birthplace().orElse(null)));
    }
    return b.build();
  }
}
