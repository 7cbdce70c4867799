package dev.ins.interop.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ADT_A01;
import ca.uhn.hl7v2.model.v25.message.ADT_A05;
import ca.uhn.hl7v2.util.Terser;
import dev.ins.core.Identity;
import dev.ins.core.IdentityAttribute;
import dev.ins.core.IdentityEvent;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsiJustification;
import dev.ins.core.Violation;
import dev.ins.core.ViolationCode;
import dev.ins.core.hl7.Hl7Encoding;
import dev.ins.core.hl7.PidIns;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import dev.ins.interop.TestIdentities;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HapiPidInsTest {

  static final AdtHeader HEADER = new AdtHeader("MYGAM", "CLINIQUE", "DPI", "CLINIQUE", "MSG0001",
      LocalDateTime.of(2026, 12, 3, 10, 15, 0), "T");

  static LongStream seeds() {
    return Seeds.stream(24);
  }

  private static String pidLine(String er7) {
    for (String seg : er7.split("\r")) {
      if (seg.startsWith("PID")) {
        return seg;
      }
    }
    throw new AssertionError("no PID segment");
  }

  /** The violation ins-core reports for a PID declaring VALI or QUAL read without a document check. */
  static final Violation DOCUMENT_CHECK_REQUIRED = new Violation("PID-32", ViolationCode.DOCUMENT_CHECK_REQUIRED, -1,
      "status, attributes and evidence break an RNIV rule: DOCUMENT_CHECK_REQUIRED");

  @ParameterizedTest
  @MethodSource("seeds")
  void hapiOutput_isThePidInsCoreWrites_andReadsBackToTheSameIdentity_withTheDocumentCheckTheReceiverHolds(
      long seed) {
    SyntheticIdentities ids = new SyntheticIdentities(seed);
    for (Identity identity : List.of(ids.qualified(), ids.provisional())) {
      IdentityEvent.DocumentChecked check = TestIdentities.documentCheckOf(identity);
      for (AdtEvent event : AdtEvent.values()) {
        String er7 = HapiPidIns.encode(HapiPidIns.toAdt(identity, event, HEADER));
        assertEquals(PidIns.format(identity), pidLine(er7), Seeds.describe(seed) + " " + event);
        PidIns back = HapiPidIns.read(er7, check);
        assertEquals(identity.traits(), back.identity().traits(), Seeds.describe(seed));
        assertEquals(identity.status(), back.identity().status(), Seeds.describe(seed));
        assertEquals(identity.insForExchange(), back.identity().insForExchange(), Seeds.describe(seed));
        assertEquals(identity.validationMode(), back.identity().validationMode(), Seeds.describe(seed));
        assertEquals(identity.validationDate(), back.identity().validationDate(), Seeds.describe(seed));
        assertEquals(identity.status().insiRetrieved() ? Optional.of(InsiJustification.Kind.DECLARED) : Optional.empty(),
            back.identity().insiJustification().map(InsiJustification::kind), Seeds.describe(seed));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_withoutADocumentCheck_refusesAQualPid_asTheCoreReaderDoes_andReadsAProvisionalOne(long seed) {
    SyntheticIdentities ids = new SyntheticIdentities(seed);
    Identity qual = ids.qualified();
    Message adt = HapiPidIns.toAdt(qual, AdtEvent.A28, HEADER);
    String er7 = HapiPidIns.encode(adt);
    InsValidationException fromText = assertThrows(InsValidationException.class, () -> HapiPidIns.read(er7));
    InsValidationException fromMessage = assertThrows(InsValidationException.class, () -> HapiPidIns.read(adt));
    InsValidationException core = assertThrows(InsValidationException.class, () -> PidIns.parseMessage(er7));
    assertEquals(List.of(DOCUMENT_CHECK_REQUIRED), fromText.violations(), Seeds.describe(seed));
    assertEquals(core.violations(), fromText.violations(), Seeds.describe(seed));
    assertEquals(fromText.violations(), fromMessage.violations(), Seeds.describe(seed));
    PiiGuard.assertNoPii(fromText.getMessage(), List.of(qual.traits().birthName().value(),
        qual.ins().orElseThrow().matricule().value()));
    Identity prov = ids.provisional();
    assertEquals(IdentityStatus.PROV,
        HapiPidIns.read(HapiPidIns.encode(HapiPidIns.toAdt(prov, AdtEvent.A28, HEADER))).identity().status());
  }

  @Test
  void read_withADocumentCheck_usesItOnlyForAValiOrQualPid() {
    IdentityEvent.DocumentChecked check = TestIdentities.CHECK;
    Identity recup = TestIdentities.patTroisRecup();
    PidIns read = HapiPidIns.read(HapiPidIns.encode(HapiPidIns.toAdt(recup, AdtEvent.A31, HEADER)), check);
    assertEquals(IdentityStatus.PROV, read.identity().status(), "RECUP travels without the INS: read as PROV");
    assertTrue(read.identity().validationMode().isEmpty(), "a PROV identity gets no document check");
    PidIns qual = HapiPidIns.read(HapiPidIns.toAdt(TestIdentities.patTrois(), AdtEvent.A31, HEADER), check);
    assertEquals(IdentityStatus.QUAL, qual.identity().status());
    assertEquals(Optional.of(check.mode()), qual.identity().validationMode());
    assertEquals(Optional.of(check.on()), qual.identity().validationDate());
  }

  @ParameterizedTest
  @EnumSource(AdtEvent.class)
  void toAdt_buildsTheEventsStructureAndHeader(AdtEvent event) throws Exception {
    Message m = HapiPidIns.toAdt(TestIdentities.patTrois(), event, HEADER);
    assertTrue(event.hasVisit() ? m instanceof ADT_A01 : m instanceof ADT_A05, m.getClass().getName());
    Terser t = new Terser(m);
    assertEquals("ADT", t.get("/MSH-9-1"));
    assertEquals(event.name(), t.get("/MSH-9-2"));
    assertEquals(event.structure(), t.get("/MSH-9-3"));
    assertEquals("MYGAM", t.get("/MSH-3-1"));
    assertEquals("MSG0001", t.get("/MSH-10"));
    assertEquals("20261203101500", t.get("/MSH-7-1"));
    assertEquals("2.5", t.get("/MSH-12-1"));
    assertEquals("279035121518989", t.get("/.PID-3-1"));
    assertEquals("1.2.250.1.213.1.4.10", t.get("/.PID-3-4-2"));
    assertEquals("PAT-TROIS", t.get("/.PID-5-1"));
    assertEquals("DOMINIQUE MARIE-LOUISE", t.get("/.PID-5-3"));
    assertEquals("QUAL", t.get("/.PID-32"));
    assertEquals(event.hasVisit() ? "N" : null, event.hasVisit() ? t.get("/.PV1-2") : null);
  }

  /** PAM France shape with delimiters #$*!% (component $, repetition *, escape !, subcomponent %). */
  private static String partner(String usedName) {
    return "MSH#$*!%#GAM#HOP#DPI#HOP#20260101120000##ADT$A28$ADT_A05#42#P#2.5\r"
        + "EVN##20260101120000\r"
        + "PID#1##IPP123$$$HOP%1.2.3%ISO$PI*279035121518989$$$ASIP-SANTE-INS-NIR%1.2.250.1.213.1.4.10%ISO$INS"
        + "##PAT-TROIS$DOMINIQUE$DOMINIQUE MARIE-LOUISE$$$$L*" + usedName + "$$$$$$D##19790328#F###$$$$$$BDL$$51215"
        + "#####################QUAL*HOMA";
  }

  @Test
  void read_findsThePidOfAPartnerMessage_withItsOwnDelimiters() {
    PidIns read = HapiPidIns.read(partner("MARTIN"), TestIdentities.CHECK);
    assertEquals(IdentityStatus.QUAL, read.identity().status());
    assertEquals("279035121518989", read.identity().insForExchange().orElseThrow().matricule().value());
    assertEquals("MARTIN", read.identity().usedName().orElseThrow());
    assertTrue(read.identity().attributes().contains(IdentityAttribute.HOMONYME));
    PidIns core = PidIns.parse(pidLine(partner("MARTIN")), new Hl7Encoding('#', '$', '*', '!', '%'),
        TestIdentities.CHECK);
    assertEquals(core.identity().traits(), read.identity().traits());
    assertEquals(core.declaredStatus(), read.declaredStatus());
  }

  @Test
  void read_unescapesWithHapi_soAnEscapedDelimiterIsAValueNotAFieldShift() {
    // MARTIN!S!DUPUIS is "MARTIN$DUPUIS": one value, which the INS alphabet then refuses at index 6.
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> HapiPidIns.read(partner("MARTIN!S!DUPUIS"), TestIdentities.CHECK));
    assertEquals(1, e.violations().size(), e.violations().toString());
    assertEquals("PID-5.usedName", e.field());
    assertEquals(ViolationCode.INVALID_CHARACTER, e.code());
    assertEquals(6, e.violations().get(0).index());
  }

  @Test
  void read_acceptsLfSeparatedMessagesAndLegacyVali_withTheDocumentCheck() {
    String er7 = HapiPidIns.encode(HapiPidIns.toAdt(TestIdentities.patTrois(), AdtEvent.A31, HEADER))
        .replace("|QUAL", "|VALI").replace('\r', '\n');
    PidIns read = HapiPidIns.read(er7, TestIdentities.CHECK);
    assertEquals(IdentityStatus.QUAL, read.identity().status());
    assertEquals("VALI", read.declaredStatus().orElseThrow());
    assertEquals(List.of(DOCUMENT_CHECK_REQUIRED),
        assertThrows(InsValidationException.class, () -> HapiPidIns.read(er7)).violations(),
        "legacy VALI with the INS is QUAL: refused without the document check");
  }

  @Test
  void read_reportsTheCoreReadersViolations_underPidPaths() {
    String er7 = HapiPidIns.encode(HapiPidIns.toAdt(TestIdentities.patTrois(), AdtEvent.A28, HEADER))
        .replace("279035121518989", "279035121518988").replace("|F|", "|X|");
    InsValidationException e = assertThrows(InsValidationException.class, () -> HapiPidIns.read(er7));
    List<String> fields = e.violations().stream().map(v -> v.field()).toList();
    assertTrue(fields.stream().anyMatch(f -> f.startsWith("PID-3")), fields.toString());
    assertTrue(fields.contains("PID-8"), fields.toString());
    PiiGuard.assertNoPii(e.getMessage(), List.of("PAT-TROIS", "DOMINIQUE", "279035121518988", "19790328"));
  }

  @Test
  void parse_refusesWhatHapiCannotParse_andAMessageWithoutPid() {
    InsValidationException bad = assertThrows(InsValidationException.class, () -> HapiPidIns.read("PID|1||X"));
    assertEquals("message", bad.field());
    assertEquals(ViolationCode.INVALID_FORMAT, bad.code());
    String noPid = "MSH|^~\\&|A|B|C|D|20260101120000||ADT^A28^ADT_A05|1|P|2.5\rEVN||20260101120000";
    assertEquals("PID", assertThrows(InsValidationException.class, () -> HapiPidIns.read(noPid)).field());
    assertEquals(ViolationCode.TOO_LONG, assertThrows(InsValidationException.class,
        () -> HapiPidIns.parse("M".repeat(HapiPidIns.MAX_LENGTH + 1))).code());
  }

  @Test
  void adtHeader_failsFast() {
    assertThrows(IllegalArgumentException.class, () -> new AdtHeader("A", "B", "C", "D", "", LocalDateTime.now(), "P"));
    assertThrows(IllegalArgumentException.class, () -> new AdtHeader("A", "B", "C", "D", "1", LocalDateTime.now(), "X"));
  }
}
