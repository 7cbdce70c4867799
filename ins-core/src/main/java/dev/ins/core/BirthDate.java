package dev.ins.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Date de naissance: a year with an optional month and an optional day.
 *
 * <p>National registers hold incomplete dates; the RNIV keeps them as they are in the identity and
 * only substitutes a calendar date where one is required (see {@link #rnivSubstitute()}). Text uses
 * the INSi form {@code YYYY-MM-DD} with {@code 00} for an unknown month or day. When a value comes
 * from INSi, {@link #raw()} keeps the exact string received. Invariants: year 1800–2999; a complete
 * date exists in the calendar; a known day is 1–31 and fits the month when the month is known.
 *
 * <p>Equality compares year, month and day only: the raw string is provenance, not value.
 * {@link #toString()} masks the date.
 *
 * <pre>{@code
 * BirthDate.parse("1979-03-28").toLocalDate();   // Optional[1979-03-28]
 * BirthDate d = BirthDate.fromInsi("1975-00-00");
 * d.month();           // OptionalInt.empty
 * d.rnivSubstitute();  // 1975-12-31
 * d.raw();             // Optional["1975-00-00"]
 * }</pre>
 */
public final class BirthDate {

  private static final String FIELD = "birthDate";
  private static final int MIN_YEAR = 1800;
  private static final int MAX_YEAR = 2999;

  private final int year;
  private final int month;
  private final int day;
  private final String raw;

  private BirthDate(int year, int month, int day, String raw) {
    this.year = year;
    this.month = month;
    this.day = day;
    this.raw = raw;
  }

  /**
   * A complete date.
   *
   * @param date the date, not null
   * @return the birth date
   * @throws InsValidationException when the year is outside 1800–2999
   */
  public static BirthDate of(LocalDate date) {
    if (date == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "a value is required");
    }
    return of(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * A date from its parts, 0 meaning unknown for month and day.
   *
   * @param year 1800–2999
   * @param month 1–12, or 0 when unknown
   * @param day 1–31, or 0 when unknown
   * @return the birth date
   * @throws InsValidationException {@code INVALID_DATE} naming the part that is wrong
   */
  public static BirthDate of(int year, int month, int day) {
    check(year, month, day, -1);
    return new BirthDate(year, month, day, null);
  }

  /**
   * Parses {@code YYYY-MM-DD}, with {@code 00} for an unknown month or day.
   *
   * @param text exactly 10 characters
   * @return the birth date (with no raw value)
   * @throws InsValidationException {@code INVALID_FORMAT} or {@code INVALID_DATE}
   */
  public static BirthDate parse(CharSequence text) {
    BirthDate d = read(text);
    return new BirthDate(d.year, d.month, d.day, null);
  }

  /**
   * Reads a date as INSi returned it, keeping the string for {@link #raw()}.
   *
   * @param text exactly 10 characters, {@code YYYY-MM-DD} with {@code 00} for unknown parts
   * @return the birth date
   * @throws InsValidationException {@code INVALID_FORMAT} or {@code INVALID_DATE}
   */
  public static BirthDate fromInsi(CharSequence text) {
    return read(text);
  }

  private static BirthDate read(CharSequence text) {
    if (text == null) {
      throw InsValidationException.of(FIELD, ViolationCode.REQUIRED, -1, "a value is required");
    }
    String s = text.toString();
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, -1, "expected YYYY-MM-DD");
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, i, "expected a digit");
      }
    }
    int y = Integer.parseInt(s.substring(0, 4));
    int m = Integer.parseInt(s.substring(5, 7));
    int d = Integer.parseInt(s.substring(8, 10));
    check(y, m, d, 0);
    return new BirthDate(y, m, d, s);
  }

  private static void check(int y, int m, int d, int index) {
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_DATE, index, "year must be 1800-2999");
    }
    if (m < 0 || m > 12) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_DATE, index < 0 ? -1 : 5,
          "month must be 01-12, or 00 when unknown");
    }
    if (d < 0 || d > 31) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_DATE, index < 0 ? -1 : 8,
          "day must be 01-31, or 00 when unknown");
    }
    if (m > 0 && d > 0) {
      try {
        LocalDate.of(y, m, d);
      } catch (DateTimeException e) {
        throw InsValidationException.of(FIELD, ViolationCode.INVALID_DATE, index < 0 ? -1 : 8,
            "day does not exist in that month");
      }
    }
  }

  /**
   * Returns the year.
   *
   * @return 1800–2999
   */
  public int year() {
    return year;
  }

  /**
   * Returns the month, when known.
   *
   * @return 1–12, or empty
   */
  public OptionalInt month() {
    return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
  }

  /**
   * Returns the day, when known.
   *
   * @return 1–31, or empty
   */
  public OptionalInt day() {
    return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
  }

  /**
   * Tells whether month and day are both known.
   *
   * @return true for a complete calendar date
   */
  public boolean isComplete() {
    return month != 0 && day != 0;
  }

  /**
   * Returns the calendar date when complete.
   *
   * @return the date, or empty for an incomplete date
   */
  public Optional<LocalDate> toLocalDate() {
    return isComplete() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
  }

  /**
   * Returns the calendar date the RNIV substitutes where one is required (Guide INS EXI ID 11, as
   * cited by secondary sources): unknown day → 1st of the month; unknown month → January; both
   * unknown → 31 December. A complete date is returned unchanged. Record that a substitution was made
   * (FR Core birthdate-update indicator, PAM ZFD-4) whenever {@link #isComplete()} is false.
   *
   * @return a calendar date
   */
  public LocalDate rnivSubstitute() {
    if (month == 0 && day == 0) {
      return LocalDate.of(year, 12, 31);
    }
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /**
   * Returns the exact string received from INSi, when the value was read with {@link #fromInsi}.
   *
   * @return the raw string, or empty
   */
  public Optional<String> raw() {
    return Optional.ofNullable(raw);
  }

  /**
   * Formats as {@code YYYY-MM-DD} with {@code 00} for unknown parts; {@link #parse} reads it back.
   *
   * @return the ISO-like form (patient data: do not log it)
   */
  public String format() {
    return String.format("%04d-%02d-%02d", year, month, day);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BirthDate b && b.year == year && b.month == month && b.day == day;
  }

  @Override
  public int hashCode() {
    return (year * 13 + month) * 32 + day;
  }

  /** Masked: {@code BirthDate[****-**-**]}. */
  @Override
  public String toString() {
    return "BirthDate[" + Masking.date(this) + "]";
  }
}
