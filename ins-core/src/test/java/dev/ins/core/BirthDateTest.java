package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BirthDateTest {

  @Test
  void parse_ofACompleteDate_givesTheCalendarDate() {
    BirthDate d = BirthDate.parse("1979-03-28");
    assertTrue(d.isComplete());
    assertEquals(Optional.of(LocalDate.of(1979, 3, 28)), d.toLocalDate());
    assertEquals(Optional.empty(), d.raw());
  }

  @ParameterizedTest
  @CsvSource({
    "1975-00-00, 1975-12-31",
    "1975-06-00, 1975-06-01",
    "1975-00-14, 1975-01-14",
    "1975-06-14, 1975-06-14"
  })
  void rnivSubstitute_followsTheGuideForUnknownParts(String text, LocalDate expected) {
    assertEquals(expected, BirthDate.fromInsi(text).rnivSubstitute());
  }

  @Test
  void fromInsi_keepsUnknownPartsAndTheRawValue() {
    BirthDate d = BirthDate.fromInsi("1975-00-00");
    assertEquals(OptionalInt.empty(), d.month());
    assertEquals(OptionalInt.empty(), d.day());
    assertFalse(d.isComplete());
    assertEquals(Optional.empty(), d.toLocalDate());
    assertEquals(Optional.of("1975-00-00"), d.raw());
    assertEquals("1975-00-00", d.format());
  }

  @ParameterizedTest
  @CsvSource({
    "1979-02-29, INVALID_DATE",
    "1979-13-01, INVALID_DATE",
    "1979-04-31, INVALID_DATE",
    "1975-00-32, INVALID_DATE",
    "1799-01-01, INVALID_DATE",
    "1979-3-28, INVALID_FORMAT",
    "28/03/1979, INVALID_FORMAT",
    "1979-03-2x, INVALID_FORMAT",
    "19790328, INVALID_FORMAT"
  })
  void parse_rejectsImpossibleDatesAndOtherLayouts(String text, ViolationCode code) {
    InsValidationException e = assertThrows(InsValidationException.class, () -> BirthDate.parse(text));
    assertEquals(code, e.code());
    assertEquals("birthDate", e.field());
  }

  @Test
  void equality_ignoresProvenance() {
    assertEquals(BirthDate.parse("2000-02-29"), BirthDate.fromInsi("2000-02-29"));
    assertEquals(BirthDate.of(LocalDate.of(2000, 2, 29)), BirthDate.of(2000, 2, 29));
    assertEquals(BirthDate.parse("2000-02-29").hashCode(), BirthDate.fromInsi("2000-02-29").hashCode());
  }

  @Test
  void toString_masksTheDate() {
    assertEquals("BirthDate[****-**-**]", BirthDate.parse("1979-03-28").toString());
  }

  static LongStream seeds() {
    return Seeds.stream(100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void formatThenParse_roundTripsIncludingUnknownParts(long seed) {
    InsGenerators g = new InsGenerators(seed);
    LocalDate base = g.localDate();
    int month = g.nextInt(3) == 0 ? 0 : base.getMonthValue();
    int day = g.nextInt(3) == 0 ? 0 : base.getDayOfMonth();
    BirthDate d = BirthDate.of(base.getYear(), month, day);
    assertEquals(d, BirthDate.parse(d.format()), Seeds.describe(seed));
    assertEquals(d.format(), BirthDate.fromInsi(d.format()).raw().orElseThrow(), Seeds.describe(seed));
  }
}
