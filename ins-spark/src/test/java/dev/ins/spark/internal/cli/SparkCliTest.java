package dev.ins.spark.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.internal.cli.DedupCli;
import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.spark.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkCliTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    LocalSpark.get(); // the command uses the running session and leaves it running
    return SparkCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dedup_writesTheSameFileAsTheLocalCommand_fromCsvAndFromParquet() throws IOException {
    Path corpus = dir.resolve("corpus.csv");
    DedupCorpus.writeCsv(Seeds.base(), 1_500, 0.15, corpus, dir.resolve("truth.csv"));
    Path local = dir.resolve("local.csv");
    assertEquals(0, DedupCli.run(new String[] {"dedup", "--in", corpus.toString(), "--out", local.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

    Path sparkCsv = dir.resolve("spark.csv");
    assertEquals(0, run("dedup", "--in", corpus.toString(), "--out", sparkCsv.toString(), "--master", "local[2]"));
    assertEquals(Files.readString(local), Files.readString(sparkCsv), Seeds.describe(Seeds.base()));
    assertTrue(out().contains("\"skippedRows\":0") && out().contains("\"pairs\":" + (Files.readAllLines(local).size() - 1)),
        out());

    // Parquet in and out: the same pairs
    Path parquetIn = dir.resolve("in.parquet");
    LocalSpark.get().read().option("header", "true").csv(corpus.toString()).write().parquet(parquetIn.toString());
    Path parquetOut = dir.resolve("out.parquet");
    assertEquals(0, run("dedup", "--in", parquetIn.toString(), "--out", parquetOut.toString()));
    List<String> lines = new ArrayList<>();
    lines.add("id_a,id_b,score,kind");
    for (Row r : LocalSpark.get().read().parquet(parquetOut.toString()).orderBy("id_a", "id_b").collectAsList()) {
      lines.add(r.getString(0) + "," + r.getString(1) + ","
          + String.format(Locale.ROOT, "%.4f", r.getDouble(2)) + "," + r.getString(3));
    }
    assertEquals(Files.readAllLines(local), lines);
  }

  @Test
  void badInput_isAnInputFailure_withoutPatientData() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,nom\n1,DUPONT\n");
    assertEquals(3, run("dedup", "--in", bad.toString(), "--out", dir.resolve("o.csv").toString()));
    assertTrue(out().contains("\"code\":\"BAD_HEADER\""), out());
    PiiGuard.assertNoPii(out() + err.toString(StandardCharsets.UTF_8), List.of("DUPONT"));
    assertEquals(3, run("dedup", "--in", dir.resolve("none.csv").toString(), "--out", dir.resolve("o.csv").toString()));
    assertTrue(out().contains("FILE_NOT_FOUND"), out());
  }

  @Test
  void commandLine_followsTheConventions() {
    assertEquals(0, run("--help"));
    assertTrue(out().contains("dedup"), out());
    assertEquals(0, run("dedup", "--help"));
    assertTrue(out().contains("--master"), out());
    assertEquals(0, run("--version"));
    assertEquals(2, run("dedup", "--in", "a", "--out", "b", "--threads", "2"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--threads'"));
    assertEquals(2, run("dedup", "--in", "a", "--out", "b", "--min-score", "279035121518989x"));
    PiiGuard.assertNoPii(out() + err.toString(StandardCharsets.UTF_8), List.of("279035121518989"));
    assertEquals(2, run("dedup", "--in", "a", "--out", "b", "--window", "0"));
    assertEquals(2, run());
  }

  @Test
  void commandLineLogging_isWarnOnly_unlessTheUserOrTheClusterConfiguresLog4j2() throws IOException {
    UnaryOperator<String> none = k -> null;
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      assertEquals(Optional.of(SparkCli.CLI_LOGGING), SparkCli.defaultLogging(bare, none, none));
      assertEquals(Optional.empty(),
          SparkCli.defaultLogging(bare, k -> k.equals("log4j2.configurationFile") ? "/etc/mine.xml" : null, none));
      assertEquals(Optional.empty(),
          SparkCli.defaultLogging(bare, none, k -> k.equals("LOG4J_CONFIGURATION_FILE") ? "/etc/mine.xml" : null));
    }
    // the tests' class path has log4j2-test.properties: a configuration on the class path wins
    assertEquals(Optional.empty(), SparkCli.defaultLogging(getClass().getClassLoader(), none, none));
    try (InputStream in = SparkCli.class.getClassLoader().getResourceAsStream(SparkCli.CLI_LOGGING)) {
      Properties p = new Properties();
      p.load(in);
      assertEquals("warn", p.getProperty("rootLogger.level"));
    }
  }
}
