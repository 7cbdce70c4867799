package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.cardreader.internal.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardTypeTest {

  @ParameterizedTest
  @CsvSource({
    "3B751300004709EA9000, VITALE_2",
    "3B751300004509EA9000, VITALE_2",
    "3F65250052096990 00, VITALE_1",
    "3BAC00402A001225006480000000, CPS",
    "3B80800101, UNKNOWN",
    "3B751300004709EA900000, UNKNOWN",
    "3BAC00402A, UNKNOWN",
    "'', UNKNOWN"
  })
  void fromAtr_recognisesPublishedPatterns(String atr, CardType expected) {
    assertEquals(expected, CardType.fromAtr(Hex.parse(atr.replace(" ", ""))));
  }
}
