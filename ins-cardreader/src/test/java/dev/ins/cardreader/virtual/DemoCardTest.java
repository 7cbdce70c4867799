package dev.ins.cardreader.virtual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.cardreader.internal.Hex;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo card's ISO 7816-4 answers, command by command (state carried in the sequence). */
class DemoCardTest {

  @ParameterizedTest
  @CsvSource({
    "00B0000000, 6986",                         // READ BINARY with no current EF
    "00A4040005F049000000, 6A82",               // unknown AID
    "00A4040008F0494E5354455354, 9000",         // SELECT the demo application
    "00A40000020102, 6A82",                     // unknown EF
    "00A40200020101, 9000",                     // SELECT EF 0101 by FID
    "00B0000004, 494E5320 9000",                // READ BINARY 4 bytes at 0
    "00B000FF00, 6B00",                         // offset past the end
    "80B0000000, 6E00",                         // class not supported
    "00CA000000, 6D00",                         // instruction not supported
    "00A40400, 6A82",                           // SELECT without data: no such AID
    "00A4, 6700"                                // not an APDU
  })
  void process_answersEachCommandWithItsIsoStatus(String command, String expected) {
    DemoCard card = new DemoCard();
    String[] script = {
      "00B0000000", "00A4040005F049000000", "00A4040008F0494E5354455354", "00A40000020102",
      "00A40200020101", "00B0000004", "00B000FF00", "80B0000000", "00CA000000", "00A40400", "00A4"
    };
    byte[] last = null;
    for (String c : script) {
      last = card.process(Hex.parse(c));
      if (c.equals(command)) {
        break;
      }
    }
    assertArrayEquals(Hex.parse(expected.replace(" ", "")), last, command);
  }

  @ParameterizedTest
  @CsvSource({"0", "5", "17"})
  void readBinary_atAnyOffset_returnsTheRestOfTheContent(int offset) {
    DemoCard card = new DemoCard();
    card.process(Hex.parse("00A4040008F0494E5354455354"));
    card.process(Hex.parse("00A40200020101"));
    byte[] r = card.process(new byte[] {0x00, (byte) 0xB0, 0x00, (byte) offset, 0x00});
    assertEquals(0x9000, ((r[r.length - 2] & 0xFF) << 8) | (r[r.length - 1] & 0xFF));
    assertArrayEquals(Arrays.copyOfRange(DemoCard.CONTENT, offset, DemoCard.CONTENT.length),
        Arrays.copyOf(r, r.length - 2));
  }
}
