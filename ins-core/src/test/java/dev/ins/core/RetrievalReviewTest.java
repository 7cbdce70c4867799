package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.matching.MatchTrait;
import dev.ins.core.matching.TraitCheck;
import dev.ins.core.matching.TraitReason;
import dev.ins.core.matching.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strict verdict gates RECUP: only a COHERENT verdict confirms on its own, a NEEDS_REVIEW one
 * needs an operator decision that is kept with the identity, an INCOHERENT one cannot be confirmed.
 * Published CNDA test identity ECETINSI PIERRE-ALAIN.
 */
class RetrievalReviewTest {

  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final InsIdentifier INS = InsIdentifier.of("109076322083489", "1.2.250.1.213.1.4.8");
  private static final Traits INSI = Traits.fromInsi("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14",
      "63220");
  private static final Traits TYPED = Traits.fromTyped("Ecetinsi", "Pierre-Alain Muriel Floriant",
      BirthDate.parse("2009-07-14"), Sex.MALE, "63220");
  private static final Traits TYPED_NO_PLACE = Traits.fromTyped("Ecetinsi", "Pierre-Alain Muriel Floriant",
      BirthDate.parse("2009-07-14"), Sex.MALE, null);
  private static final Traits TYPED_OTHER_DATE = Traits.fromTyped("Ecetinsi", "Pierre-Alain Muriel Floriant",
      BirthDate.parse("2009-07-15"), Sex.MALE, "63220");

  private static Identity prov(Traits t) {
    return Identity.builder().traits(t).build();
  }

  @Test
  void coherentVerdict_confirmsWithoutAnOperator() {
    Identity prov = prov(TYPED);
    RetrievalReview review = RetrievalReview.of(prov, INS, INSI, List.of(), AT);
    assertEquals(Verdict.COHERENT, review.verdict().verdict());
    assertEquals(List.of(), review.differences());
    Identity recup = prov.apply(review.confirm());
    assertEquals(IdentityStatus.RECUP, recup.status());
    InsiJustification j = recup.insiJustification().orElseThrow();
    assertEquals(InsiJustification.Kind.COHERENT, j.kind());
    assertEquals(TYPED, ((InsiJustification.Coherent) j).local());
    IdentityStateException e = assertThrows(IdentityStateException.class, () -> review.acceptDifferences("op-1", AT));
    assertEquals(IdentityStateException.Rule.NO_DIFFERENCE_TO_ACCEPT, e.rule());
  }

  @Test
  void needsReview_cannotBeConfirmedWithoutAnOperator_andTheDecisionIsKept() {
    Identity prov = prov(TYPED_NO_PLACE);
    RetrievalReview review = RetrievalReview.of(prov, INS, INSI, List.of(), AT);
    assertEquals(Verdict.NEEDS_REVIEW, review.verdict().verdict());
    TraitCheck unknownPlace = new TraitCheck(MatchTrait.BIRTHPLACE, TraitReason.LOCAL_UNKNOWN);
    assertEquals(List.of(unknownPlace), review.differences());
    IdentityStateException e = assertThrows(IdentityStateException.class, review::confirm);
    assertEquals(IdentityStateException.Rule.VERDICT_NOT_COHERENT, e.rule());

    Instant decided = AT.plusSeconds(90);
    Identity recup = prov.apply(review.acceptDifferences("accueil-7", decided));
    assertEquals(IdentityStatus.RECUP, recup.status());
    assertEquals(INSI, recup.traits()); // the birthplace now comes from INSi
    InsiJustification.OperatorDecision d = (InsiJustification.OperatorDecision) recup.insiJustification().orElseThrow();
    assertEquals("accueil-7", d.operator());
    assertEquals(decided, d.decidedAt());
    assertEquals(List.of(unknownPlace), d.accepted());
    assertEquals(TYPED_NO_PLACE, d.local());
  }

  @Test
  void incoherentVerdict_cannotBeConfirmedAtAll() {
    Identity prov = prov(TYPED_OTHER_DATE);
    RetrievalReview review = RetrievalReview.of(prov, INS, INSI, List.of(), AT);
    assertEquals(Verdict.INCOHERENT, review.verdict().verdict());
    assertEquals(List.of(new TraitCheck(MatchTrait.BIRTH_DATE, TraitReason.DIFFERENT_VALUE)), review.differences());
    assertEquals(IdentityStateException.Rule.INCOHERENT_CANNOT_BE_CONFIRMED,
        assertThrows(IdentityStateException.class, review::confirm).rule());
    assertEquals(IdentityStateException.Rule.INCOHERENT_CANNOT_BE_CONFIRMED,
        assertThrows(IdentityStateException.class, () -> review.acceptDifferences("accueil-7", AT)).rule());
    // Nor by building the justification by hand.
    assertEquals(IdentityStateException.Rule.INCOHERENT_CANNOT_BE_CONFIRMED, assertThrows(IdentityStateException.class,
        () -> new InsiJustification.OperatorDecision(TYPED_OTHER_DATE, "PIERRE-ALAIN", INSI, "accueil-7", AT,
            List.of(new TraitCheck(MatchTrait.BIRTH_DATE, TraitReason.DIFFERENT_VALUE)))).rule());
  }

  @Test
  void justificationsCannotBeForged() {
    assertEquals(IdentityStateException.Rule.VERDICT_NOT_COHERENT, assertThrows(IdentityStateException.class,
        () -> InsiJustification.coherent(TYPED_NO_PLACE, INSI)).rule());
    assertEquals(IdentityStateException.Rule.ACCEPTED_DIFFERENCES_MISMATCH, assertThrows(IdentityStateException.class,
        () -> new InsiJustification.OperatorDecision(TYPED_NO_PLACE, "PIERRE-ALAIN", INSI, "accueil-7", AT,
            List.of())).rule());
    assertEquals(ViolationCode.EMPTY, assertThrows(InsValidationException.class,
        () -> new InsiJustification.OperatorDecision(TYPED_NO_PLACE, "PIERRE-ALAIN", INSI, " ", AT,
            List.of(new TraitCheck(MatchTrait.BIRTHPLACE, TraitReason.LOCAL_UNKNOWN)))).code());
    assertEquals(ViolationCode.INVALID_CHARACTER, assertThrows(InsValidationException.class,
        () -> new InsiJustification.Declared("fhir\nQUAL")).code());
  }

  @Test
  void retrievalEvent_refusesADeclaredJustificationOrOneForOtherTraits() {
    assertEquals(IdentityStateException.Rule.DECLARED_JUSTIFICATION_IN_EVENT, assertThrows(IdentityStateException.class,
        () -> new IdentityEvent.InsiRetrieved(INS, INSI, List.of(), AT, new InsiJustification.Declared("me"))).rule());
    Traits otherInsi = Traits.fromInsi("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63221");
    assertEquals(IdentityStateException.Rule.JUSTIFICATION_MISMATCH, assertThrows(IdentityStateException.class,
        () -> new IdentityEvent.InsiRetrieved(INS, otherInsi, List.of(), AT, InsiJustification.coherent(TYPED, INSI)))
        .rule());
  }

  @Test
  void reviewMadeForAnotherIdentity_isRefusedByTheIdentity() {
    IdentityEvent.InsiRetrieved forTyped = RetrievalReview.of(prov(TYPED), INS, INSI, List.of(), AT).confirm();
    Identity other = prov(TYPED_NO_PLACE);
    IdentityStateException e = assertThrows(IdentityStateException.class, () -> other.apply(forTyped));
    assertEquals(IdentityStateException.Rule.JUSTIFICATION_MISMATCH, e.rule());
    assertEquals(IdentityStatus.PROV, e.status());
    assertEquals(IdentityEvent.Kind.INSI_RETRIEVED, e.event());
  }

  @Test
  void justification_followsTheInsiCriterion() {
    Identity recup = prov(TYPED).apply(RetrievalReview.of(prov(TYPED), INS, INSI, List.of(), AT).confirm());
    Identity qual = recup.apply(new IdentityEvent.DocumentChecked(ValidationMode.PASSPORT, LocalDate.of(2026, 11, 28)));
    assertEquals(recup.insiJustification(), qual.insiJustification());
    Identity vali = qual.apply(new IdentityEvent.InsiVerificationFailed(AT.plusSeconds(60)));
    assertEquals(IdentityStatus.VALI, vali.status());
    assertFalse(vali.insiJustification().isPresent());
  }

  @Test
  void toString_showsNoTrait() {
    Identity prov = prov(TYPED_NO_PLACE);
    RetrievalReview review = RetrievalReview.of(prov, INS, INSI, List.of(), AT);
    Identity recup = prov.apply(review.acceptDifferences("accueil-7", AT));
    for (String s : List.of(review.toString(), recup.toString(), recup.insiJustification().orElseThrow().toString())) {
      assertFalse(s.contains("ECETINSI"), s);
      assertFalse(s.contains("PIERRE"), s);
      assertFalse(s.contains("2009"), s);
      assertFalse(s.contains("63220"), s);
    }
    assertTrue(recup.toString().contains("justification=OPERATOR_DECISION"), recup.toString());
  }
}
