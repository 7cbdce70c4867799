package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PdfScanTest {

  static LongStream seeds() {
    return Seeds.stream(60);
  }

  /** Any URI, with parentheses, backslashes and non-ASCII Latin-1, written plain (hex) or in an object stream, reads back. */
  @ParameterizedTest
  @MethodSource("seeds")
  void uriWrittenByAPdfWriter_readsBackExactly(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-._~/?#[]@!$&'()*+,;=%\\é ";
    StringBuilder uri = new StringBuilder("https://h" + r.nextInt(1000) + ".example/");
    for (int i = 0; i < r.nextInt(120); i++) {
      uri.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    String expected = uri.toString().strip();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < r.nextInt(4); i++) {
      lines.add("ligne " + i);
    }
    boolean compressed = r.nextBoolean();
    PdfScan.Result res = PdfScan.scan(SyntheticAttachments.pdfWithLink(lines, expected, compressed));
    assertEquals(List.of(expected), res.uris(), Seeds.describe(seed) + " compressed=" + compressed);
  }

  @Test
  void textBetweenBtAndEt_isCounted_andAPageWithoutTextCountsNothing() {
    PdfScan.Result text = PdfScan.scan(SyntheticAttachments.pdfWithLink(List.of("Bonjour", "Facture 12"), "https://a.example/", true));
    assertEquals(17, text.textChars());
    PdfScan.Result none = PdfScan.scan(SyntheticAttachments.pdfWithLink(List.of(), "https://a.example/", false));
    assertEquals(0, none.textChars());
  }

  @Test
  void octalEscapesAndNestedParentheses_areDecoded() {
    byte[] pdf = ("%PDF-1.4\n1 0 obj << /A << /S /URI /URI (https://x.example/a\\(b\\)\\150(c)) >> >> endobj\n"
        + "2 0 obj << /URI(https://y.example/) >> endobj\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("https://x.example/a(b)h(c)", "https://y.example/"), PdfScan.scan(pdf).uris());
  }

  @Test
  void addressesWrittenInTheShownTextOrInJavaScript_areLinks() {
    assertEquals(List.of("https://lire-document.example/d/1"),
        PdfScan.scan(SyntheticAttachments.pdf("Document disponible sur https://lire-document.example/d/1.")).uris());
    byte[] js = "%PDF-1.4\n1 0 obj << /S /JavaScript /JS (app.launchURL\\(\"https://js.example/p\", true\\);) >> endobj\n%%EOF"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("https://js.example/p"), PdfScan.scan(js).uris());
  }

  @Test
  void inflationIsBounded_andReported() {
    byte[] bomb = SyntheticAttachments.deflate(new byte[PdfScan.MAX_INFLATED + 1024]);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    pdf.writeBytes("%PDF-1.5\n1 0 obj << /Length 1 /Filter /FlateDecode >> stream\n".getBytes(StandardCharsets.ISO_8859_1));
    pdf.writeBytes(bomb);
    pdf.writeBytes("\nendstream endobj\n2 0 obj << /URI (https://after.example/) >> endobj\n".getBytes(StandardCharsets.ISO_8859_1));
    PdfScan.Result res = PdfScan.scan(pdf.toByteArray());
    assertTrue(res.truncated());
    assertEquals(List.of("https://after.example/"), res.uris(), "the file itself is still read");
  }

  @Test
  void manyUris_areCappedAndReported() {
    StringBuilder b = new StringBuilder("%PDF-1.4\n");
    for (int i = 0; i < PdfScan.MAX_URIS + 10; i++) {
      b.append(i).append(" 0 obj << /URI (https://h").append(i).append(".example/) >> endobj\n");
    }
    PdfScan.Result res = PdfScan.scan(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(PdfScan.MAX_URIS, res.uris().size());
    assertTrue(res.truncated());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomBytesAfterAPdfHeader_neverThrow(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] b = new byte[r.nextInt(4096)];
    r.nextBytes(b);
    String noise = new String(b, StandardCharsets.ISO_8859_1);
    String[] pieces = {"stream\n", "endstream", "/FlateDecode", "/URI (", "/URI <", "BT (", ") Tj ET", "obj <<", "\\", "("};
    StringBuilder s = new StringBuilder("%PDF-1.7\n");
    for (int i = 0; i < 20; i++) {
      s.append(pieces[r.nextInt(pieces.length)]).append(noise, 0, Math.min(noise.length(), r.nextInt(200)));
    }
    PdfScan.Result res = PdfScan.scan(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(res.uris().size() <= PdfScan.MAX_URIS && res.textChars() >= 0, Seeds.describe(seed));
  }
}
