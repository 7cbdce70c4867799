package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusWordsTest {

  @ParameterizedTest
  @CsvSource({
    "36864, 9000 (success)",
    "27266, 6A82 (file or application not found)",
    "24848, '6110 (16 more bytes available (GET RESPONSE))'",
    "27683, '6C23 (wrong Le, exact length is 35)'",
    "25538, '63C2 (verification failed, 2 tries left)'",
    "4660, 1234 (unknown status)"
  })
  void describe_givesHexAndMeaning(int sw, String expected) {
    assertEquals(expected, StatusWords.describe(sw));
  }
}
