package dev.ins.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLinesTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Object tool, String... args) {
    out.reset();
    err.reset();
    return Cli.run(tool, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void corpusTool_generatesBothKinds_andScoresTheTruthAsPerfect() {
    for (String kind : new String[] {"planted", "independent"}) {
      Path corpus = dir.resolve(kind + ".csv");
      Path truth = dir.resolve(kind + "-truth.csv");
      assertEquals(0, run(new CorpusTool(), "generate", "500", corpus.toString(), truth.toString(), "--kind", kind));
      assertTrue(out().contains("\"kind\":\"" + kind + "\""), out());
      assertEquals(0, run(new CorpusTool(), "score", truth.toString(), truth.toString()));
      assertTrue(out().contains("\"recall\":1.0,\"precision\":1.0"), out());
    }
  }

  @Test
  void corpusTool_countsMissesByPlant() throws IOException {
    Path truth = dir.resolve("t.csv");
    Path pairs = dir.resolve("p.csv");
    Files.writeString(truth, "id_a,id_b,plant\na,b,NAME_TYPO\nc,d,DATE_ONE_DIGIT\n");
    Files.writeString(pairs, "id_a,id_b,score,kind\na,b,0.9000,DUPLICATE\ne,f,0.9000,DUPLICATE\n");
    assertEquals(0, run(new CorpusTool(), "score", truth.toString(), pairs.toString()));
    assertTrue(out().contains("\"recall\":0.5,\"precision\":0.5,\"missedByPlant\":{\"DATE_ONE_DIGIT\":1}"), out());
  }

  @Test
  void corpusTool_followsTheConventions() {
    assertEquals(0, run(new CorpusTool(), "--help"));
    assertEquals(0, run(new CorpusTool(), "generate", "--version"));
    assertEquals(2, run(new CorpusTool(), "generate", "10", "a", "b", "--bogus"));
    assertEquals(2, run(new CorpusTool(), "generate", "10", "a", "b", "--kind", "other"));
    assertEquals(3, run(new CorpusTool(), "score", dir.resolve("none").toString(), dir.resolve("none").toString()));
    assertTrue(out().contains("FILE_NOT_FOUND"), out());
  }

  @Test
  void ratios_printsTheOursOverBaselineTable() throws IOException {
    Path json = dir.resolve("jmh.json");
    Files.writeString(json, "[{\"benchmark\":\"dev.ins.benchmarks.NirKeyBenchmark.ours\","
        + "\"primaryMetric\":{\"score\":10.0,\"scoreUnit\":\"ns/op\"}},"
        + "{\"benchmark\":\"dev.ins.benchmarks.NirKeyBenchmark.baseline\","
        + "\"primaryMetric\":{\"score\":40.0,\"scoreUnit\":\"ns/op\"}}]");
    assertEquals(0, run(new Ratios(), json.toString()));
    assertTrue(out().contains("| NirKeyBenchmark | 10.000 | 40.000 | ns/op | 0.250 |"), out());
    Files.writeString(json, "{\"not\":\"jmh\"}");
    assertEquals(3, run(new Ratios(), json.toString()));
    assertEquals(3, run(new Ratios(), dir.resolve("none.json").toString()));
    assertEquals(2, run(new Ratios()));
    assertEquals(0, run(new Ratios(), "--version"));
  }
}
