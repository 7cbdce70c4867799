package dev.ins.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dedup command's CSV lexer and score text. */
class DedupCsvTest {

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  private static final String ALPHABET = "ab\u00e9\u00ef ,\"\r\n-'";

  /** A row written the RFC 4180 way: fields quoted when they need it, quotes doubled. */
  private static String write(List<String> row) {
    List<String> cells = new ArrayList<>();
    for (String f : row) {
      boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0
          || f.indexOf('\n') >= 0;
      cells.add(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
    }
    return String.join(",", cells);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rowsWrittenTheRfc4180Way_lexBackToTheSameFields_andTheirStartLines_whateverTheBufferSize(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    List<Long> startLines = new ArrayList<>();
    long line = 1;
    int count = 1 + r.nextInt(12);
    for (int i = 0; i < count; i++) {
      List<String> row = new ArrayList<>();
      int fields = 1 + r.nextInt(8);
      for (int f = 0; f < fields; f++) {
        StringBuilder b = new StringBuilder();
        int len = r.nextInt(10);
        for (int k = 0; k < len; k++) {
          b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        row.add(b.toString());
      }
      if (row.size() == 1 && row.get(0).isEmpty()) {
        row.set(0, "x"); // a lone empty field is a blank line, which the reader skips
      }
      rows.add(row);
      startLines.add(line);
      String written = write(row);
      line += written.chars().filter(c -> c == '\n').count() + 1;
      text.append(written).append(switch (r.nextInt(3)) {
        case 0 -> "\n";
        case 1 -> "\r\n";
        default -> "\r";
      });
      // a lone \r inside a quoted field is data and does not count as a line
    }
    int bufferSize = 1 + r.nextInt(16);
    DedupCsv.Lexer lx = new DedupCsv.Lexer(new StringReader(text.toString()), bufferSize);
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(startLines.get(i), lx.line, "start line of row " + i + ", " + Seeds.describe(seed));
      assertEquals(rows.get(i), lx.row(), "row " + i + ", buffer " + bufferSize + ", " + Seeds.describe(seed));
      assertFalse(lx.unterminatedQuote, Seeds.describe(seed));
    }
    assertNull(lx.row(), Seeds.describe(seed));
  }

  private static List<List<String>> lex(String text) {
    DedupCsv.Lexer lx = new DedupCsv.Lexer(new StringReader(text), 3);
    List<List<String>> out = new ArrayList<>();
    for (List<String> row = lx.row(); row != null; row = lx.row()) {
      out.add(row);
    }
    return out;
  }

  @Test
  void textAfterAClosingQuote_isKeptAsIs_andAQuoteInsideAnUnquotedField_isData() {
    assertEquals(List.of(List.of("abcd", "ab\"cd", "x\"y\"")), lex("\"ab\"cd,ab\"cd,\"x\"\"y\"\"\""));
  }

  @Test
  void aTrailingComma_givesAnEmptyLastField_andABlankLine_isOneEmptyField() {
    assertEquals(List.of(List.of("a", ""), List.of(""), List.of("b")), lex("a,\n\nb"));
  }

  @Test
  void anUnterminatedQuote_isFlagged_withTheTextSoFar() {
    DedupCsv.Lexer lx = new DedupCsv.Lexer(new StringReader("a,\"b\nc"), 2);
    assertEquals(List.of("a", "b\nc"), lx.row());
    assertTrue(lx.unterminatedQuote);
    assertEquals(2, lx.line);
    assertNull(lx.row());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void score_isTheTextOfFormatWithFourDecimals(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      double d = switch (i % 3) {
        case 0 -> r.nextDouble();
        case 1 -> Math.round(r.nextDouble() * 100_000) / 100_000.0; // five decimals: half-up ties
        default -> r.nextInt(3) / 2.0;
      };
      assertEquals(String.format(Locale.ROOT, "%.4f", d), DedupCsv.score(d), "score " + d + ", " + Seeds.describe(seed));
    }
  }
}
