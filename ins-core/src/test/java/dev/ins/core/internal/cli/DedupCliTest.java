package dev.ins.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupCliTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DedupCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void dedup_writesTheContractAndReportsBadRowsWithTheirLineNumber() throws IOException {
    Path in = dir.resolve("in.csv");
    Path pairs = dir.resolve("pairs.csv");
    Files.writeString(in, String.join("\n",
        DedupCsv.INPUT_HEADER,
        "2,Dupônt,jean  pierre,1980-05-12,m,75056,,",
        "1,DUPONT,Jean-Pierre,1980-05-12,M,75056,,",
        "3,R2D2,Luc,1990-01-01,M,,,",
        "4,Martin,Luc,1990-13-01,M,,,",
        "5,\"Le Gall, Marie\",Anne,1990-01-01,F,,,",
        "6,too,few",
        "1,DUPONT,Jean,1980-05-12,M,75056,,",
        "7,\"Le Gall\",\"Anne\",1990-01-01,F,,2 90 01 75 056 001 45,Le Floch",
        "8,Le Floch,Anne,1990-01-01,F,,,",
        "") , StandardCharsets.UTF_8);
    assertEquals(0, run("dedup", "--in", in.toString(), "--out", pairs.toString(), "--threads", "2", "--min-score", "0.8"));
    List<String> lines = Files.readAllLines(pairs, StandardCharsets.UTF_8);
    assertEquals("id_a,id_b,score,kind", lines.get(0));
    assertEquals("1,2,1.0000,DUPLICATE", lines.get(1));
    assertEquals("7,8,1.0000,DUPLICATE", lines.get(2));
    assertEquals(3, lines.size(), lines.toString());
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("line 4: skipped: birth_name:"), e);
    assertTrue(e.contains("line 5: skipped: birth_date:"), e);
    assertTrue(e.contains("line 6: skipped: birth_name:"), e);
    assertTrue(e.contains("line 7: skipped: expected 8 fields, got 3"), e);
    assertTrue(e.contains("line 8: skipped: id: duplicate id 1"), e);
    PiiGuard.assertNoPii(e, List.of("DUPONT", "R2D2", "MARTIN", "1990-13-01", "GALL"));
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"records\":4") && json.contains("\"skippedRows\":5") && json.contains("\"pairs\":2"), json);
  }

  @Test
  void dedup_onAPlantedCorpus_findsThePlantedPairs() throws IOException {
    Path in = dir.resolve("corpus.csv");
    Path truth = dir.resolve("truth.csv");
    Path pairs = dir.resolve("pairs.csv");
    DedupCorpus.writeCsv(7, 3_000, 0.1, in, truth);
    assertEquals(0, run("--in", in.toString(), "--out", pairs.toString()));
    List<String> planted = Files.readAllLines(truth).subList(1, Files.readAllLines(truth).size());
    String found = Files.readString(pairs);
    long hit = planted.stream().filter(t -> {
      String[] f = t.split(",");
      return found.contains(f[0] + "," + f[1] + ",");
    }).count();
    assertTrue(hit >= planted.size() * 0.99, hit + "/" + planted.size());
    assertEquals("", err.toString(StandardCharsets.UTF_8), "no row of a generated corpus is rejected");
  }

  @Test
  void usageErrors_exitWith2_withoutEchoingValues() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, DedupCsv.INPUT_HEADER + "\n");
    assertEquals(2, run("dedup", "--in", "x.csv"));
    assertEquals(2, run("--in", in.toString(), "--out", dir.resolve("o.csv").toString(), "--threads", "0"));
    assertEquals(2, run("--in", "x", "--out", "y", "--bogus", "279035121518989"));
    assertEquals(2, run("--in", "x", "--out", "y", "--min-score", "DUPONT"));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("unknown option '--bogus'"), e);
    assertTrue(e.contains("missing option '--out'"), e);
    PiiGuard.assertNoPii(e + out.toString(StandardCharsets.UTF_8), List.of("279035121518989", "DUPONT"));
  }

  @Test
  void helpAndVersion_exitZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--min-score"), out.toString(StandardCharsets.UTF_8));
    assertEquals(0, run("dedup", "--version"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("ins-sdk"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badHeader_isAnInputFailure_exit3() throws IOException {
    Path in = dir.resolve("bad.csv");
    Files.writeString(in, "id,name\n1,X\n");
    assertEquals(3, run("--in", in.toString(), "--out", dir.resolve("o.csv").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected the header"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"code\":\"BAD_HEADER\""));
  }

  @Test
  void missingInput_exit3_unwritableOutput_exit6() {
    assertEquals(3, run("--in", dir.resolve("none.csv").toString(), "--out", dir.resolve("o.csv").toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FILE_NOT_FOUND"));
  }

  @Test
  void unwritableOutput_exit6() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, DedupCsv.INPUT_HEADER + "\n");
    assertEquals(6, run("--in", in.toString(), "--out", dir.resolve("no/such/dir/o.csv").toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("CANNOT_WRITE"));
  }
}
