package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.SyntheticIdentities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × event pair, with and without each attribute, against an explicit table of the RNIV
 * rules. A result starting with '!' names the rule the refusal must report.
 */
class IdentityTransitionsTest {

  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final SyntheticIdentities IDS = new SyntheticIdentities(11);
  private static final InsIdentifier INS = IDS.ins();
  private static final Traits LOCAL = IDS.traitsFor(INS.matricule());
  /** What INSi returns in the table: the same traits, so that the strict verdict is COHERENT. */
  private static final Traits INSI = LOCAL;
  private static final Traits EDITED = LOCAL.withBirthName(BirthName.of("AUTRE"));

  static final String[] TABLE = {
    "PROV, NONE, INSI_RETRIEVED, RECUP",
    "PROV, NONE, INSI_NO_MATCH, PROV",
    "PROV, NONE, INSI_VERIFICATION_FAILED, !NOT_INSI_RETRIEVED",
    "PROV, NONE, DOCUMENT_CHECKED, VALI",
    "PROV, NONE, STRICT_TRAITS_EDITED, PROV",
    "PROV, NONE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "PROV, NONE, SET_HOMONYME, PROV",
    "PROV, NONE, SET_DOUTEUSE, PROV",
    "PROV, NONE, SET_FICTIVE, PROV",
    "PROV, NONE, CLEAR_HOMONYME, PROV",
    "PROV, NONE, CLEAR_DOUTEUSE, PROV",
    "PROV, NONE, CLEAR_FICTIVE, PROV",
    "RECUP, NONE, INSI_RETRIEVED, RECUP",
    "RECUP, NONE, INSI_NO_MATCH, RECUP",
    "RECUP, NONE, INSI_VERIFICATION_FAILED, PROV",
    "RECUP, NONE, DOCUMENT_CHECKED, QUAL",
    "RECUP, NONE, STRICT_TRAITS_EDITED, PROV",
    "RECUP, NONE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "RECUP, NONE, SET_HOMONYME, RECUP",
    "RECUP, NONE, SET_DOUTEUSE, PROV",
    "RECUP, NONE, SET_FICTIVE, PROV",
    "RECUP, NONE, CLEAR_HOMONYME, RECUP",
    "RECUP, NONE, CLEAR_DOUTEUSE, RECUP",
    "RECUP, NONE, CLEAR_FICTIVE, RECUP",
    "VALI, NONE, INSI_RETRIEVED, QUAL",
    "VALI, NONE, INSI_NO_MATCH, VALI",
    "VALI, NONE, INSI_VERIFICATION_FAILED, !NOT_INSI_RETRIEVED",
    "VALI, NONE, DOCUMENT_CHECKED, VALI",
    "VALI, NONE, STRICT_TRAITS_EDITED, PROV",
    "VALI, NONE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, VALI",
    "VALI, NONE, SET_HOMONYME, VALI",
    "VALI, NONE, SET_DOUTEUSE, PROV",
    "VALI, NONE, SET_FICTIVE, PROV",
    "VALI, NONE, CLEAR_HOMONYME, VALI",
    "VALI, NONE, CLEAR_DOUTEUSE, VALI",
    "VALI, NONE, CLEAR_FICTIVE, VALI",
    "QUAL, NONE, INSI_RETRIEVED, QUAL",
    "QUAL, NONE, INSI_NO_MATCH, QUAL",
    "QUAL, NONE, INSI_VERIFICATION_FAILED, VALI",
    "QUAL, NONE, DOCUMENT_CHECKED, QUAL",
    "QUAL, NONE, STRICT_TRAITS_EDITED, PROV",
    "QUAL, NONE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, VALI",
    "QUAL, NONE, SET_HOMONYME, QUAL",
    "QUAL, NONE, SET_DOUTEUSE, PROV",
    "QUAL, NONE, SET_FICTIVE, PROV",
    "QUAL, NONE, CLEAR_HOMONYME, QUAL",
    "QUAL, NONE, CLEAR_DOUTEUSE, QUAL",
    "QUAL, NONE, CLEAR_FICTIVE, QUAL",
    "PROV, HOMONYME, INSI_RETRIEVED, RECUP",
    "PROV, HOMONYME, INSI_NO_MATCH, PROV",
    "PROV, HOMONYME, INSI_VERIFICATION_FAILED, !NOT_INSI_RETRIEVED",
    "PROV, HOMONYME, DOCUMENT_CHECKED, VALI",
    "PROV, HOMONYME, STRICT_TRAITS_EDITED, PROV",
    "PROV, HOMONYME, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "PROV, HOMONYME, SET_HOMONYME, PROV",
    "PROV, HOMONYME, SET_DOUTEUSE, PROV",
    "PROV, HOMONYME, SET_FICTIVE, PROV",
    "PROV, HOMONYME, CLEAR_HOMONYME, PROV",
    "PROV, HOMONYME, CLEAR_DOUTEUSE, PROV",
    "PROV, HOMONYME, CLEAR_FICTIVE, PROV",
    "RECUP, HOMONYME, INSI_RETRIEVED, RECUP",
    "RECUP, HOMONYME, INSI_NO_MATCH, RECUP",
    "RECUP, HOMONYME, INSI_VERIFICATION_FAILED, PROV",
    "RECUP, HOMONYME, DOCUMENT_CHECKED, QUAL",
    "RECUP, HOMONYME, STRICT_TRAITS_EDITED, PROV",
    "RECUP, HOMONYME, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "RECUP, HOMONYME, SET_HOMONYME, RECUP",
    "RECUP, HOMONYME, SET_DOUTEUSE, PROV",
    "RECUP, HOMONYME, SET_FICTIVE, PROV",
    "RECUP, HOMONYME, CLEAR_HOMONYME, RECUP",
    "RECUP, HOMONYME, CLEAR_DOUTEUSE, RECUP",
    "RECUP, HOMONYME, CLEAR_FICTIVE, RECUP",
    "VALI, HOMONYME, INSI_RETRIEVED, QUAL",
    "VALI, HOMONYME, INSI_NO_MATCH, VALI",
    "VALI, HOMONYME, INSI_VERIFICATION_FAILED, !NOT_INSI_RETRIEVED",
    "VALI, HOMONYME, DOCUMENT_CHECKED, VALI",
    "VALI, HOMONYME, STRICT_TRAITS_EDITED, PROV",
    "VALI, HOMONYME, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, VALI",
    "VALI, HOMONYME, SET_HOMONYME, VALI",
    "VALI, HOMONYME, SET_DOUTEUSE, PROV",
    "VALI, HOMONYME, SET_FICTIVE, PROV",
    "VALI, HOMONYME, CLEAR_HOMONYME, VALI",
    "VALI, HOMONYME, CLEAR_DOUTEUSE, VALI",
    "VALI, HOMONYME, CLEAR_FICTIVE, VALI",
    "QUAL, HOMONYME, INSI_RETRIEVED, QUAL",
    "QUAL, HOMONYME, INSI_NO_MATCH, QUAL",
    "QUAL, HOMONYME, INSI_VERIFICATION_FAILED, VALI",
    "QUAL, HOMONYME, DOCUMENT_CHECKED, QUAL",
    "QUAL, HOMONYME, STRICT_TRAITS_EDITED, PROV",
    "QUAL, HOMONYME, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, VALI",
    "QUAL, HOMONYME, SET_HOMONYME, QUAL",
    "QUAL, HOMONYME, SET_DOUTEUSE, PROV",
    "QUAL, HOMONYME, SET_FICTIVE, PROV",
    "QUAL, HOMONYME, CLEAR_HOMONYME, QUAL",
    "QUAL, HOMONYME, CLEAR_DOUTEUSE, QUAL",
    "QUAL, HOMONYME, CLEAR_FICTIVE, QUAL",
    "PROV, DOUTEUSE, INSI_RETRIEVED, !INSI_CALL_FORBIDDEN",
    "PROV, DOUTEUSE, INSI_NO_MATCH, !INSI_CALL_FORBIDDEN",
    "PROV, DOUTEUSE, INSI_VERIFICATION_FAILED, !INSI_CALL_FORBIDDEN",
    "PROV, DOUTEUSE, DOCUMENT_CHECKED, !MUST_STAY_PROVISIONAL",
    "PROV, DOUTEUSE, STRICT_TRAITS_EDITED, PROV",
    "PROV, DOUTEUSE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "PROV, DOUTEUSE, SET_HOMONYME, PROV",
    "PROV, DOUTEUSE, SET_DOUTEUSE, PROV",
    "PROV, DOUTEUSE, SET_FICTIVE, !EXCLUSIVE_ATTRIBUTES",
    "PROV, DOUTEUSE, CLEAR_HOMONYME, PROV",
    "PROV, DOUTEUSE, CLEAR_DOUTEUSE, PROV",
    "PROV, DOUTEUSE, CLEAR_FICTIVE, PROV",
    "PROV, FICTIVE, INSI_RETRIEVED, !INSI_CALL_FORBIDDEN",
    "PROV, FICTIVE, INSI_NO_MATCH, !INSI_CALL_FORBIDDEN",
    "PROV, FICTIVE, INSI_VERIFICATION_FAILED, !INSI_CALL_FORBIDDEN",
    "PROV, FICTIVE, DOCUMENT_CHECKED, !MUST_STAY_PROVISIONAL",
    "PROV, FICTIVE, STRICT_TRAITS_EDITED, PROV",
    "PROV, FICTIVE, STRICT_TRAITS_EDITED_AGAINST_DOCUMENT, PROV",
    "PROV, FICTIVE, SET_HOMONYME, PROV",
    "PROV, FICTIVE, SET_DOUTEUSE, !EXCLUSIVE_ATTRIBUTES",
    "PROV, FICTIVE, SET_FICTIVE, PROV",
    "PROV, FICTIVE, CLEAR_HOMONYME, PROV",
    "PROV, FICTIVE, CLEAR_DOUTEUSE, PROV",
    "PROV, FICTIVE, CLEAR_FICTIVE, PROV"
  };

  static Stream<Arguments> rows() {
    return Arrays.stream(TABLE).map(r -> r.split(", "))
        .map(p -> Arguments.of(IdentityStatus.valueOf(p[0]), p[1], p[2], p[3]));
  }

  private static Identity identity(IdentityStatus status, String attribute) {
    Set<IdentityAttribute> attrs = attribute.equals("NONE") ? Set.of() : Set.of(IdentityAttribute.valueOf(attribute));
    Identity.Builder b = Identity.builder().traits(LOCAL).status(status).attributes(attrs);
    if (status.insiRetrieved()) {
      b.ins(INS).lastInsiCall(AT.minusSeconds(3600)).insiJustification(InsiJustification.coherent(LOCAL, LOCAL));
    }
    if (status.documentChecked()) {
      b.validation(ValidationMode.PASSPORT, LocalDate.of(2026, 1, 2));
    }
    return b.build();
  }

  private static IdentityEvent event(String name) {
    if (name.startsWith("SET_")) {
      return new IdentityEvent.AttributeSet(IdentityAttribute.valueOf(name.substring(4)));
    }
    if (name.startsWith("CLEAR_")) {
      return new IdentityEvent.AttributeCleared(IdentityAttribute.valueOf(name.substring(6)));
    }
    switch (name) {
      case "INSI_RETRIEVED": return new IdentityEvent.InsiRetrieved(INS, INSI, List.of(), AT,
          InsiJustification.coherent(LOCAL, INSI));
      case "INSI_NO_MATCH": return new IdentityEvent.InsiNoMatch(AT);
      case "INSI_VERIFICATION_FAILED": return new IdentityEvent.InsiVerificationFailed(AT);
      case "DOCUMENT_CHECKED": return new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD, LocalDate.of(2026, 11, 28));
      case "STRICT_TRAITS_EDITED": return new IdentityEvent.StrictTraitsEdited(EDITED, false);
      case "STRICT_TRAITS_EDITED_AGAINST_DOCUMENT": return new IdentityEvent.StrictTraitsEdited(EDITED, true);
      default: throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{0} + {1} --{2}--> {3}")
  @MethodSource("rows")
  void apply_followsTheRnivTable(IdentityStatus from, String attribute, String eventName, String expected) {
    Identity before = identity(from, attribute);
    IdentityEvent event = event(eventName);
    if (expected.startsWith("!")) {
      IdentityStateException e = assertThrows(IdentityStateException.class, () -> before.apply(event));
      assertEquals(IdentityStateException.Rule.valueOf(expected.substring(1)), e.rule());
      assertEquals(from, e.status());
      assertEquals(event.kind(), e.event());
      return;
    }
    Identity after = before.apply(event);
    assertEquals(IdentityStatus.valueOf(expected), after.status());
    assertEquals(after.status() == IdentityStatus.QUAL, after.insForExchange().isPresent());
    if (event instanceof IdentityEvent.InsiRetrieved r) {
      assertEquals(r.traits(), after.traits());
      assertEquals(r.ins(), after.ins().orElseThrow());
      assertEquals(r.justification(), after.insiJustification().orElseThrow());
    }
    assertEquals(after.status().insiRetrieved(), after.insiJustification().isPresent());
    if (event.kind().name().startsWith("INSI")) {
      assertEquals(AT, after.lastInsiCall().orElseThrow());
    }
    if (!after.status().documentChecked()) {
      assertFalse(after.validationMode().isPresent());
    }
    if (event instanceof IdentityEvent.AttributeSet s) {
      assertTrue(after.attributes().contains(s.attribute()));
    }
    if (event instanceof IdentityEvent.AttributeCleared c) {
      assertFalse(after.attributes().contains(c.attribute()));
    }
  }

  @Test
  void table_coversEveryStatusEventAndAttributePair() {
    Set<String> seen = new HashSet<>();
    Set<IdentityEvent.Kind> kinds = EnumSet.noneOf(IdentityEvent.Kind.class);
    for (String row : TABLE) {
      String[] p = row.split(", ");
      seen.add(p[0] + "/" + p[1] + "/" + p[2]);
      kinds.add(event(p[2]).kind());
    }
    int events = 12;
    // 4 statuses x 12 events without attribute and with HOMONYME; DOUTEUSE/FICTIVE only exist in PROV.
    assertEquals(4 * events * 2 + events * 2, seen.size());
    assertEquals(EnumSet.allOf(IdentityEvent.Kind.class), kinds);
  }

  @Test
  void builder_refusesStatesTheRulesForbid() {
    for (IdentityStatus s : EnumSet.complementOf(EnumSet.of(IdentityStatus.PROV))) {
      for (IdentityAttribute a : List.of(IdentityAttribute.DOUTEUSE, IdentityAttribute.FICTIVE)) {
        Identity.Builder b = Identity.builder().traits(LOCAL).status(s).ins(INS).attributes(Set.of(a));
        assertEquals(IdentityStateException.Rule.MUST_STAY_PROVISIONAL,
            assertThrows(IdentityStateException.class, b::build).rule());
      }
    }
    assertEquals(IdentityStateException.Rule.EXCLUSIVE_ATTRIBUTES, assertThrows(IdentityStateException.class,
        () -> Identity.builder().traits(LOCAL).attributes(Set.of(IdentityAttribute.DOUTEUSE, IdentityAttribute.FICTIVE)).build()).rule());
    assertEquals(IdentityStateException.Rule.INS_REQUIRED, assertThrows(IdentityStateException.class,
        () -> Identity.builder().traits(LOCAL).status(IdentityStatus.RECUP).build()).rule());
  }

  @Test
  void builder_refusesValiOrQualWithoutTheDocumentCheck() {
    for (IdentityStatus s : List.of(IdentityStatus.VALI, IdentityStatus.QUAL)) {
      Identity.Builder complete = identity(s, "NONE").toBuilder();
      for (Identity.Builder b : List.of(complete.validation(null, null),
          identity(s, "NONE").toBuilder().validation(ValidationMode.PASSPORT, null),
          identity(s, "NONE").toBuilder().validation(null, LocalDate.of(2026, 1, 2)))) {
        IdentityStateException e = assertThrows(IdentityStateException.class, b::build);
        assertEquals(IdentityStateException.Rule.DOCUMENT_CHECK_REQUIRED, e.rule());
        assertEquals(s, e.status());
      }
    }
  }

  @Test
  void builder_refusesRecupOrQualWithoutTheJustificationOfTheRetrieval() {
    for (IdentityStatus s : List.of(IdentityStatus.RECUP, IdentityStatus.QUAL)) {
      Identity.Builder b = identity(s, "NONE").toBuilder().insiJustification(null);
      assertEquals(IdentityStateException.Rule.INSI_JUSTIFICATION_REQUIRED,
          assertThrows(IdentityStateException.class, b::build).rule());
    }
  }

  @Test
  void builder_refusesAJustificationWithoutRetrievalOrForOtherTraits() {
    for (IdentityStatus s : List.of(IdentityStatus.PROV, IdentityStatus.VALI)) {
      Identity.Builder b = identity(s, "NONE").toBuilder().insiJustification(InsiJustification.coherent(LOCAL, LOCAL));
      assertEquals(IdentityStateException.Rule.JUSTIFICATION_WITHOUT_RETRIEVAL,
          assertThrows(IdentityStateException.class, b::build).rule());
    }
    Identity.Builder other = identity(IdentityStatus.RECUP, "NONE").toBuilder()
        .insiJustification(InsiJustification.coherent(EDITED, EDITED));
    assertEquals(IdentityStateException.Rule.JUSTIFICATION_MISMATCH,
        assertThrows(IdentityStateException.class, other::build).rule());
    // A declared justification (an identity read from elsewhere) names its source and is accepted.
    Identity declared = identity(IdentityStatus.QUAL, "NONE").toBuilder()
        .insiJustification(new InsiJustification.Declared("legacy store")).build();
    assertEquals(InsiJustification.Kind.DECLARED, declared.insiJustification().orElseThrow().kind());
  }

  @Test
  void editingToTheSameTraits_changesNothing() {
    Identity q = identity(IdentityStatus.QUAL, "NONE");
    assertEquals(q, q.apply(new IdentityEvent.StrictTraitsEdited(LOCAL, false)));
  }
}
