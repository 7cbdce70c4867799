package dev.ins.core.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.InsValidationException;
import dev.ins.core.ViolationCode;
import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HL7 escaping: the five sequences, both ways, with default and custom delimiters. */
class Hl7EncodingTest {

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "A|B;A\\F\\B",
    "A^B;A\\S\\B",
    "A&B;A\\T\\B",
    "A~B;A\\R\\B",
    "A\\B;A\\E\\B",
    "|^&~\\;\\F\\\\S\\\\T\\\\R\\\\E\\",
    "D'ARC-DUPONT;D'ARC-DUPONT"
  })
  void escape_eachDelimiter_usesItsSequence(String plain, String escaped) {
    assertEquals(escaped, Hl7Encoding.DEFAULT.escape(plain));
    assertEquals(plain, Hl7Encoding.DEFAULT.unescape(escaped, "PID-5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A\\H\\B", "A\\X41\\B", "A\\.br\\B", "A\\\\B", "A\\F"})
  void unescape_unsupportedOrUnterminatedSequence_fails(String escaped) {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> Hl7Encoding.DEFAULT.unescape(escaped, "PID-5"));
    assertEquals("PID-5", e.field());
    assertEquals(ViolationCode.INVALID_FORMAT, e.code());
  }

  @Test
  void fromMsh_readsDelimiters() {
    assertEquals(Hl7Encoding.DEFAULT, Hl7Encoding.fromMsh("MSH|^~\\&|GAM|CHU-X"));
    Hl7Encoding custom = Hl7Encoding.fromMsh("MSH#$*!%#APP");
    assertEquals(new Hl7Encoding('#', '$', '*', '!', '%'), custom);
    assertEquals("$*!%", custom.encodingCharacters());
    assertEquals("A!F!B!S!C", custom.escape("A#B$C"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MSH", "PID|^~\\&|", "MSH|^~\\&#|", "MSH|^^\\&|", "MSH|^~A&|"})
  void fromMsh_invalid_fails(String msh) {
    assertThrows(InsValidationException.class, () -> Hl7Encoding.fromMsh(msh));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void unescape_ofEscape_isIdentity(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "AZ '-|^~\\&#$*!%";
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    String plain = b.toString();
    for (Hl7Encoding enc : new Hl7Encoding[] {Hl7Encoding.DEFAULT, new Hl7Encoding('#', '$', '*', '!', '%')}) {
      String escaped = enc.escape(plain);
      for (char c : new char[] {enc.field(), enc.component(), enc.repetition(), enc.subcomponent()}) {
        assertFalse(escaped.indexOf(c) >= 0, "delimiter left in escaped text, " + Seeds.describe(seed));
      }
      assertEquals(plain, enc.unescape(escaped, "x"), Seeds.describe(seed));
    }
  }
}
