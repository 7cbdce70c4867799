package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraitsTest {

  @Test
  void fromInsi_readsThePublishedTestIdentityUnchanged() {
    Traits t = Traits.fromInsi("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220");
    assertEquals("PIERRE-ALAIN", t.firstFirstName());
    assertEquals(List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), t.firstNames().names());
    assertEquals(Sex.MALE, t.sex());
    assertEquals(Optional.of(BirthplaceCode.of("63220")), t.birthplace());
    assertEquals(Optional.of("2009-07-14"), t.birthDate().raw());
  }

  @Test
  void fromInsi_neverRewritesAndReportsEveryTraitAtOnce() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> Traits.fromInsi("Ecetinsi", "PIERRE-ALAIN ", "I", "2009-13-14", "6322"));
    List<String> fields = e.violations().stream().map(Violation::field).distinct().toList();
    assertEquals(List.of("traits.birthName", "traits.firstNames", "traits.sex", "traits.birthDate", "traits.birthplace"), fields);
  }

  @Test
  void fromTyped_normalisesNamesAndEqualsTheInsiForm() {
    Traits typed = Traits.fromTyped("Pat-Trois", "Dominique  Marie–Louise", BirthDate.parse("1979-03-28"), Sex.FEMALE, "51215");
    Traits insi = Traits.fromInsi("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "F", "1979-03-28", "51215");
    assertEquals(insi, typed);
  }

  @Test
  void fromTyped_refusesLigaturesByDefault_namingEachOne() {
    // CNDA 2.03 cas 3 (D'ÆION CŒUR): refused before anything else is done with the input.
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> Traits.fromTyped("D'Æion", "Cœur Ægidius", BirthDate.parse("1987-01-01"), Sex.MALE, null));
    assertEquals(List.of("traits.birthName@2", "traits.firstNames@1", "traits.firstNames@5"), e.violations().stream()
        .map(v -> v.field() + "@" + v.index()).toList());
    assertTrue(e.violations().stream().allMatch(v -> v.code() == ViolationCode.LIGATURE), e.getMessage());
    InsValidationException lower = assertThrows(InsValidationException.class,
        () -> Traits.fromTyped("d'æion", "cœur", BirthDate.parse("1987-01-01"), Sex.MALE, null));
    assertEquals(List.of(ViolationCode.LIGATURE, ViolationCode.LIGATURE),
        lower.violations().stream().map(Violation::code).toList(), "lower-case ligatures are ligatures too");
    PiiGuard.assertNoPii(e.getMessage(), List.of("ION", "CUR", "GIDIUS"));
  }

  @Test
  void fromTyped_transliteratesLigaturesOnlyWhenTheOperatorConfirmed() {
    Traits t = Traits.fromTyped("D'Æion", "Cœur", BirthDate.parse("1987-01-01"), Sex.MALE, null,
        LigaturePolicy.TRANSLITERATE_CONFIRMED_BY_OPERATOR);
    assertEquals("D'AEION", t.birthName().value());
    assertEquals("COEUR", t.firstNames().value());
    assertEquals(t, Traits.fromTyped("D'AEION", "COEUR", BirthDate.parse("1987-01-01"), Sex.MALE, null));
  }

  @Test
  void fromTyped_allowsAnUnknownBirthplaceAndSex() {
    Traits t = Traits.fromTyped("Adrun", "Zoé", BirthDate.parse("1975-12-31"), Sex.UNKNOWN, null);
    assertEquals(Optional.empty(), t.birthplace());
    assertEquals("ZOE", t.firstFirstName());
  }

  @Test
  void fromTyped_reportsMissingTraits() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> Traits.fromTyped(null, "Zoé", null, null, null));
    assertEquals(List.of("traits.birthName", "traits.birthDate", "traits.sex"),
        e.violations().stream().map(Violation::field).toList());
  }

  @Test
  void toString_andMessages_holdNoTraitInClear() {
    Traits t = Traits.fromInsi("TCHITCHI", "CATARINA BELLA", "F", "1936-06-21", "63220");
    String s = t.toString() + t.birthName() + t.firstNames() + t.birthDate() + t.birthplace();
    PiiGuard.assertNoPii(s, List.of("TCHITCHI", "CATARINA", "BELLA", "1936", "63220"));
    assertFalse(s.contains("F,"), s);
    assertTrue(s.contains("***"));
  }
}
