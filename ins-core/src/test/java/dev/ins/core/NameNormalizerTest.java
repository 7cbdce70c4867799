package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "Élodie|ELODIE",
    "d'Arc-Dupont|D'ARC-DUPONT",
    "d’Arc–Dupont|D'ARC-DUPONT",
    "  jean   pierre  |JEAN PIERRE",
    "Œdipe|OEDIPE",
    "Lætitia|LAETITIA",
    "Strauß|STRAUSS",
    "François-Xavier|FRANCOIS-XAVIER",
    "Noël Çağlar|NOEL CAGLAR",
    "D' Arc|D'ARC",
    "L ’ Hôpital|L'HOPITAL",
    "Ève\u00A0Marie|EVE MARIE",
    "de--la-tour|DE--LA-TOUR",
    "Zoé—Lou|ZOE-LOU",
    "'Ahmad|'AHMAD"
  })
  void normalize_bringsTypedTextToInsForm(String typed, String expected) {
    assertEquals(expected, NameNormalizer.normalize(typed));
  }

  @Test
  void normalize_stripsCombiningDiacriticsOnLatinLetters() {
    assertEquals("ELODIE", NameNormalizer.normalize("E\u0301lodie"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "R2D2|2",
    "Jean_Pierre|2",
    "Jean/Pierre|2",
    "Émile!|2",
    "Øystein|1",
    "Ivan Иванов|2",
    "\u0301abc|1"
  })
  void normalize_rejectsCharactersWithNoEquivalentInsteadOfDroppingThem(String typed, int ignored) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> NameNormalizer.normalize(typed));
    assertEquals(ViolationCode.UNMAPPABLE_CHARACTER, e.code());
    assertEquals("name", e.field());
  }

  @Test
  void normalize_reportsEveryUnmappableCharacterWithItsIndex() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("A1B2"));
    assertEquals(2, e.violations().size());
    assertEquals(1, e.violations().get(0).index());
    assertEquals(3, e.violations().get(1).index());
  }

  @Test
  void normalize_messagesNeverRepeatTheTypedValue() {
    InsValidationException e = assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("Dupont1"));
    assertFalse(e.getMessage().toUpperCase(java.util.Locale.ROOT).contains("DUPONT"), e.getMessage());
  }

  @Test
  void normalize_rejectsWhatStrictRulesForbidAfterMapping() {
    assertEquals(ViolationCode.LEADING_HYPHEN,
        assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("-Jean")).code());
    assertEquals(ViolationCode.DOUBLED_APOSTROPHE,
        assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("D''Arc")).code());
    assertEquals(ViolationCode.EMPTY,
        assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("   ")).code());
    assertEquals(ViolationCode.TOO_LONG,
        assertThrows(InsValidationException.class, () -> NameNormalizer.normalize("a".repeat(101))).code());
    assertEquals(ViolationCode.REQUIRED,
        assertThrows(InsValidationException.class, () -> NameNormalizer.normalize(null)).code());
  }

  @Test
  void normalize_forFirstNames_appliesFirstNameRules() {
    assertEquals("JEAN-PIERRE", NameNormalizer.normalize(TraitField.FIRST_NAME, "jean-pierre"));
    InsValidationException trailing = assertThrows(InsValidationException.class,
        () -> NameNormalizer.normalize(TraitField.FIRST_NAME, "Jean-"));
    assertEquals(ViolationCode.TRAILING_SEPARATOR, trailing.code());
    assertEquals("firstName", trailing.field());
    assertEquals(ViolationCode.INVALID_HYPHEN_RUN, assertThrows(InsValidationException.class,
        () -> NameNormalizer.normalize(TraitField.BIRTH_FIRST_NAMES, "Jean--Pierre")).code());
    assertTrue(NameNormalizer.normalize(TraitField.BIRTH_NAME, "Jean--Pierre").contains("--"));
  }
}
