package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthplaceCodeTest {

  @ParameterizedTest
  @CsvSource({
    "63220, FRANCE", "2A020, FRANCE", "2B020, FRANCE", "51215, FRANCE", "20004, FRANCE", "92050, FRANCE",
    "97411, OVERSEAS", "98735, OVERSEAS", "99255, ABROAD", "99135, ABROAD", "99999, UNKNOWN"
  })
  void of_acceptsEveryShapeAndTellsTheKind(String code, BirthplaceCode.Kind kind) {
    assertEquals(kind, BirthplaceCode.of(code).kind());
  }

  @ParameterizedTest
  @CsvSource({
    "6322, INVALID_LENGTH", "632200, INVALID_LENGTH", "2C020, INVALID_FORMAT", "2a020, INVALID_FORMAT",
    "00123, INVALID_DEPARTMENT", "6322A, INVALID_FORMAT", "' 63220', INVALID_LENGTH"
  })
  void of_rejectsOtherShapesExactlyAsWritten(String code, ViolationCode expected) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> BirthplaceCode.of(code));
    assertEquals(expected, e.code());
    assertEquals("birthplace", e.field());
  }
}
