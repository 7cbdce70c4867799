package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TraitValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"DUPONT", "D'ARC", "'AHMAD", "DE LA TOUR", "MARTIN--DURAND", "GARCIA-HAMMADI",
      "ECETINSI", "PAT-TROIS", "L'HOPITAL DE LA MER"})
  void birthName_acceptsInsForm(String value) {
    assertEquals(List.of(), TraitValidator.validate(TraitField.BIRTH_NAME, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PIERRE-ALAIN MURIEL FLORIANT", "SARAH-LOU ANNA", "DOMINIQUE MARIE-LOUISE", "ZOE"})
  void firstNames_acceptsInsForm(String value) {
    assertEquals(List.of(), TraitValidator.validate(TraitField.BIRTH_FIRST_NAMES, value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "BIRTH_NAME|' DUPONT'|LEADING_SPACE",
    "BIRTH_NAME|-DUPONT|LEADING_HYPHEN",
    "BIRTH_NAME|'DUPONT '|TRAILING_SPACE",
    "BIRTH_NAME|DE  LA|DOUBLED_SPACE",
    "BIRTH_NAME|D''ARC|DOUBLED_APOSTROPHE",
    "BIRTH_NAME|D' ARC|SPACE_NEXT_TO_APOSTROPHE",
    "BIRTH_NAME|D 'ARC|SPACE_NEXT_TO_APOSTROPHE",
    "BIRTH_NAME|Dupont|LOWERCASE",
    "BIRTH_NAME|DUPONTÉ|DIACRITIC",
    "BIRTH_NAME|ŒDIPE|LIGATURE",
    "BIRTH_NAME|LÆTITIA|LIGATURE",
    "BIRTH_NAME|DUPONT2|INVALID_CHARACTER",
    "BIRTH_NAME|DU_PONT|INVALID_CHARACTER",
    "BIRTH_NAME|DU---PONT|INVALID_HYPHEN_RUN",
    "BIRTH_FIRST_NAMES|JEAN--PIERRE|INVALID_HYPHEN_RUN",
    "BIRTH_FIRST_NAMES|JEAN- PIERRE|TRAILING_SEPARATOR",
    "FIRST_NAME|JEAN-|TRAILING_SEPARATOR",
    "FIRST_NAME|JEAN'|TRAILING_SEPARATOR",
    "BIRTH_FIRST_NAMES|JEAN -PIERRE|LEADING_HYPHEN"
  })
  void validate_reportsTheBrokenRule(TraitField field, String value, ViolationCode code) {
    List<ViolationCode> codes = TraitValidator.validate(field, value).stream().map(Violation::code)
        .collect(Collectors.toList());
    assertTrue(codes.contains(code), codes.toString());
    assertEquals(field.path(), TraitValidator.validate(field, value).get(0).field());
  }

  @Test
  void validate_rejectsMoreThanOneHundredCharacters() {
    assertEquals(List.of(), TraitValidator.validate(TraitField.BIRTH_NAME, "A".repeat(100)));
    assertEquals(ViolationCode.TOO_LONG, TraitValidator.validate(TraitField.BIRTH_NAME, "A".repeat(101)).get(0).code());
  }

  @Test
  void validate_returnsEveryViolationAtOnceWithIndexes() {
    List<Violation> v = TraitValidator.validate(TraitField.FIRST_NAME, " jean--é'");
    List<ViolationCode> codes = v.stream().map(Violation::code).toList();
    assertTrue(codes.containsAll(List.of(ViolationCode.LEADING_SPACE, ViolationCode.LOWERCASE,
        ViolationCode.INVALID_HYPHEN_RUN, ViolationCode.DIACRITIC, ViolationCode.TRAILING_SEPARATOR)), codes.toString());
    assertEquals(0, v.get(0).index());
  }

  @Test
  void validate_ofNullOrEmpty_isRequiredOrEmpty() {
    assertEquals(ViolationCode.REQUIRED, TraitValidator.validate(TraitField.BIRTH_NAME, null).get(0).code());
    assertEquals(ViolationCode.EMPTY, TraitValidator.validate(TraitField.BIRTH_NAME, "").get(0).code());
  }

  @Test
  void requireValid_throwsWithEveryViolationAndNoValueInTheMessage() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> TraitValidator.requireValid(TraitField.BIRTH_NAME, "Martin2"));
    assertEquals(6, e.violations().size()); // five lowercase letters and a digit
    assertTrue(!e.getMessage().toUpperCase(java.util.Locale.ROOT).contains("MARTIN"), e.getMessage());
  }
}
