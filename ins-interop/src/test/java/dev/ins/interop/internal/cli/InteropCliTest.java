package dev.ins.interop.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.Cli;
import dev.ins.interop.datamatrix.DataMatrixInsSymbol;
import dev.ins.interop.datamatrix.DataMatrixScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteropCliTest {

  static final String PAYLOAD = "IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10"
      + "S3DOMINIQUE MARIE-LOUISE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new InteropCli(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void render_writesAPngOfTheExactBytes_thenReadPrintsTheFields(@TempDir Path dir) throws Exception {
    Path payload = dir.resolve("payload.txt");
    Files.write(payload, PAYLOAD.getBytes(StandardCharsets.US_ASCII));
    Path png = dir.resolve("ins.png");
    Run r = run("datamatrix", "render", "--payload-file", payload.toString(), "--out", png.toString(), "--dpi", "600");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\"modules\":40") && r.out().contains("\"dpi\":600"), r.out());
    DataMatrixScan.Found f = (DataMatrixScan.Found) DataMatrixInsSymbol.read(png);
    assertEquals(PAYLOAD, f.payload());

    Run read = run("datamatrix", "read", "--in", png.toString());
    assertEquals(0, read.code(), read.out());
    assertEquals("{\"payload\":\"IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10"
        + "S3DOMINIQUE MARIE-LOUISE\\u001dS4PAT-TROIS\\u001dS5FS628-03-1979S751215\",\"ins\":\"279035121518989\","
        + "\"oid\":\"1.2.250.1.213.1.4.10\",\"birthName\":\"PAT-TROIS\",\"firstNames\":\"DOMINIQUE MARIE-LOUISE\","
        + "\"sex\":\"F\",\"birthDate\":\"1979-03-28\",\"birthplace\":\"51215\"}", read.out().strip().replace("\\u001D", "\\u001d"));
  }

  @Test
  void render_refusesAPayloadThatDoesNotDecode_withExitOneAndTheReason(@TempDir Path dir) throws Exception {
    Path payload = dir.resolve("payload.txt");
    Files.write(payload, (PAYLOAD + "\n").getBytes(StandardCharsets.US_ASCII));
    Path png = dir.resolve("ins.png");
    Run r = run("datamatrix", "render", "--payload-file", payload.toString(), "--out", png.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("\"rendered\":false") && r.out().contains("\"code\":\"INVALID_FORMAT\""), r.out());
    assertTrue(r.out().contains("line break"), r.out());
    assertFalse(Files.exists(png));
    assertFalse(r.out().contains("PAT-TROIS") || r.out().contains("279035121518989"), "the reason holds no patient data");

    Files.write(payload, "IS01caf\u00e9".getBytes(StandardCharsets.UTF_8));
    Run latin = run("datamatrix", "render", "--payload-file", payload.toString(), "--out", png.toString());
    assertEquals(1, latin.code(), latin.out());
    assertTrue(latin.out().contains("ASCII"), latin.out());
  }

  @Test
  void read_ofAnImageWithoutAnIns_exitsOneWithTheReason(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("not-an-image.png");
    Files.writeString(txt, "hello");
    Run r = run("datamatrix", "read", "--in", txt.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("\"found\":false") && r.out().contains("reason"), r.out());
  }

  @Test
  void operationalFailures_useTheSharedExitCodes(@TempDir Path dir) throws Exception {
    assertEquals(3, run("datamatrix", "read", "--in", dir.resolve("missing.png").toString()).code());
    assertEquals(3, run("datamatrix", "render", "--payload-file", dir.resolve("missing.txt").toString(),
        "--out", dir.resolve("x.png").toString()).code());
    Path payload = dir.resolve("payload.txt");
    Files.write(payload, PAYLOAD.getBytes(StandardCharsets.US_ASCII));
    Path existing = Files.writeString(dir.resolve("existing.png"), "keep me");
    Run r = run("datamatrix", "render", "--payload-file", payload.toString(), "--out", existing.toString());
    assertEquals(6, r.code(), r.out());
    assertEquals("keep me", Files.readString(existing));
    assertEquals(2, run("datamatrix", "render", "--payload-file", payload.toString(), "--out",
        dir.resolve("y.png").toString(), "--dpi", "10").code());
  }

  @Test
  void usage_helpAndVersion_followTheSharedConventions() {
    Run unknown = run("datamatrix", "read", "--in", "a.png", "--birth-name", "PAT-TROIS");
    assertEquals(2, unknown.code());
    assertFalse(unknown.out().contains("PAT-TROIS") || unknown.err().contains("PAT-TROIS"));
    assertEquals(0, run("--help").code());
    assertTrue(run("datamatrix", "render", "--help").out().contains("--payload-file"));
    assertTrue(run("--version").out().contains("ins-sdk"));
  }
}
