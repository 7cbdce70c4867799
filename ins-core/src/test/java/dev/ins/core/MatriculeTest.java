package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors of ins-domain.md §6.1 and §6.2, and the structural accessors. */
class MatriculeTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "295109912611193", "253072B07300470", "253072A07300443", "255081416802538", "284058832102532",
    "284052A32102552", "284052B32102579", "284202B32102528", "284992B32102531", "279035121518989",
    "297022A02077878", "160012B02077713", "109076322083489", "236066322083656", "275126322074974",
    "180032B02040123", "110086322083060", "277010115400329", "277076322082910", "248098060602525",
    "160059932710027", "209076322083439", "209066322012355"
  })
  void parse_acceptsEveryPublishedValidVector(String value) {
    Matricule m = Matricule.parse(value);
    assertEquals(value, m.value());
    assertEquals(value.substring(13), Matricule.computeKey(value.substring(0, 13)));
  }

  @ParameterizedTest
  @CsvSource({
    "295109912611199, INVALID_KEY, expected 93",
    "253072C07300443, INVALID_FORMAT, department",
    "6546546546546703, INVALID_LENGTH, got 16",
    "2 84 05 88 321 30, INVALID_LENGTH, got 12",
    "8 84 05 88 321 025 23, INVALID_SEX_DIGIT, provisional number",
    "2 55 08 14 168 025 00, INVALID_KEY, expected 38",
    "297022A02077808, INVALID_KEY, expected 78",
    "297022A02077851, INVALID_KEY, expected 78",
    "123456789012244, INVALID_KEY, expected 12",
    "118058599124123, INVALID_KEY, expected 56",
    "181036322045660, INVALID_KEY, expected 76",
    "123549685274612, INVALID_KEY, expected",
    "254698753216548, INVALID_KEY, expected",
    "268057391042815, INVALID_KEY, expected",
    "201035467892345, INVALID_KEY, expected",
    "285033155504217, INVALID_KEY, expected"
  })
  void parse_rejectsEveryPublishedInvalidVectorWithItsReason(String value, ViolationCode code, String reason) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse(value));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals("matricule", e.field());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void computeKey_ofCnam13CharacterVector_is32() {
    assertEquals("32", Matricule.computeKey("2840588321025"));
  }

  @Test
  void computeKey_substitutesCorsicaInTheDepartmentPositionOnly() {
    assertEquals("78", Matricule.computeKey("297022A020778"));
    // A "2B" elsewhere cannot occur: letters outside the department position are rejected.
    assertThrows(InsValidationException.class, () -> Matricule.computeKey("2B3456789012A"));
  }

  @Test
  void parse_foldsLowercaseCorsicaAndRemovesSpaces() {
    assertEquals("253072A07300443", Matricule.parse("2 53 07 2a 073 004 43").value());
    assertEquals("253072B07300470", Matricule.parse("2\u00A053 07 2b 073\u202F004 70").value());
  }

  @Test
  void parse_doesNotFoldLettersOutsideTheDepartment() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse("2530a2A07300443"));
    assertEquals(ViolationCode.INVALID_FORMAT, e.code());
    assertEquals(4, e.violations().get(0).index());
  }

  @Test
  void parse_ofThirteenCharacters_pointsToFromNir() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse("2840588321025"));
    assertEquals(ViolationCode.INVALID_LENGTH, e.code());
    assertTrue(e.getMessage().contains("fromNir"));
  }

  @Test
  void parse_ofNullAndBlank_givesRequiredAndEmpty() {
    assertEquals(ViolationCode.REQUIRED, assertThrows(InsValidationException.class, () -> Matricule.parse(null)).code());
    assertEquals(ViolationCode.EMPTY, assertThrows(InsValidationException.class, () -> Matricule.parse("  ")).code());
  }

  @ParameterizedTest
  @CsvSource({
    "284008832102532, INVALID_MONTH",
    "284158832102532, INVALID_MONTH",
    "284050032102532, INVALID_DEPARTMENT",
    "284058832100032, INVALID_ORDER",
    "584058832102532, INVALID_SEX_DIGIT",
    "084058832102532, INVALID_SEX_DIGIT",
    "984058832102532, INVALID_SEX_DIGIT"
  })
  void parse_rejectsImpossibleStructureBeforeCheckingTheKey(String value, ViolationCode code) {
    assertEquals(code, assertThrows(InsValidationException.class, () -> Matricule.parse(value)).code());
  }

  @Test
  void parse_reportsEveryStructuralViolationAtOnce() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse("984150000000032"));
    assertEquals(4, e.violations().size(), e.getMessage());
  }

  @Test
  void accessors_readTheStructure() {
    Matricule m = Matricule.parse("284058832102532");
    assertEquals(2, m.sexDigit());
    assertEquals(84, m.yearDigits());
    assertEquals(5, m.monthCode());
    assertEquals(Matricule.MonthKind.REAL, m.monthKind());
    assertEquals(OptionalInt.of(5), m.birthMonth());
    assertEquals("88", m.department());
    assertEquals("321", m.communeOrCountry());
    assertEquals("88321", m.birthplaceCode());
    assertEquals("025", m.order());
    assertEquals("32", m.key());
    assertEquals("2840588321025", m.nir());
    assertFalse(m.isBornAbroad());
    assertEquals("2 84 05 88 321 025 32", m.format());
  }

  @Test
  void accessors_readOverseasAbroadAndFictitiousMonths() {
    Matricule overseas = Matricule.fromNir("1850597411025");
    assertEquals("974", overseas.department());
    assertEquals("11", overseas.communeOrCountry());
    Matricule abroad = Matricule.parse("295109912611193");
    assertTrue(abroad.isBornAbroad());
    assertEquals("126", abroad.communeOrCountry());
    assertEquals(Matricule.MonthKind.FICTITIOUS, Matricule.parse("284202B32102528").monthKind());
    assertEquals(OptionalInt.empty(), Matricule.parse("284992B32102531").birthMonth());
    Matricule pseudo = Matricule.fromNir("2843588321025");
    assertEquals(Matricule.MonthKind.PSEUDO_FICTITIOUS, pseudo.monthKind());
    assertEquals(OptionalInt.of(5), pseudo.birthMonth());
  }

  @Test
  void of_acceptsTheRightKeyOnly() {
    assertEquals("284058832102532", Matricule.of("2840588321025", 32).value());
    assertEquals(ViolationCode.INVALID_KEY,
        assertThrows(InsValidationException.class, () -> Matricule.of("2840588321025", 33)).code());
  }

  @Test
  void toString_masksAllButTheKey() {
    String s = Matricule.parse("279035121518989").toString();
    assertFalse(s.contains("2790351215189"), s);
    assertEquals("Matricule[*************89]", s);
  }

  @Test
  void equality_isStructuralOnTheCanonicalForm() {
    assertEquals(Matricule.parse("2 53 07 2a 073 004 43"), Matricule.parse("253072A07300443"));
    assertEquals(Matricule.parse("253072A07300443").hashCode(), Matricule.parse("2 53 07 2A 073 004 43").hashCode());
  }
}
