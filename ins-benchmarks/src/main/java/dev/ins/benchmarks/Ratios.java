package dev.ins.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints the ours/baseline table from JMH's JSON output ({@code -rf json}): one row per benchmark
 * class, ratio = ours score / baseline score (below 1 means ours is faster, for time modes).
 *
 * <pre>
 * java -cp benchmarks.jar dev.ins.benchmarks.Ratios target/jmh.json
 * </pre>
 */
@Command(name = "ratios", description = "Prints the ours/baseline table (Markdown) of a JMH JSON result file.")
public final class Ratios implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JMH.json", description = "JMH output written with -rf json")
  Path file;

  /** picocli instantiates it. */
  Ratios() {}

  /**
   * Entry point.
   *
   * @param args the JMH JSON file
   */
  public static void main(String[] args) {
    System.exit(Cli.run(new Ratios(), System.out, System.err, args));
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "JMH.json: no such file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "BAD_JSON", "JMH.json: not a JMH JSON result file", e);
    }
    Map<String, double[]> rows = new TreeMap<>();
    Map<String, String> units = new TreeMap<>();
    Map<String, String> alloc = new TreeMap<>();
    for (JsonNode b : root) {
      String name = b.path("benchmark").asText();
      int dot = name.lastIndexOf('.');
      if (dot < 0 || !b.has("primaryMetric")) {
        throw new CliFailure(ExitCode.INPUT, "BAD_JSON", "JMH.json: not a JMH JSON result file");
      }
      String cls = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
      JsonNode params = b.get("params");
      if (params != null) {
        StringBuilder p = new StringBuilder();
        for (java.util.Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          p.append(' ').append(k).append('=').append(params.get(k).asText());
        }
        cls += p;
      }
      String method = name.substring(dot + 1);
      double score = b.get("primaryMetric").get("score").asDouble();
      units.put(cls, b.get("primaryMetric").get("scoreUnit").asText());
      double[] r = rows.computeIfAbsent(cls, k -> new double[] {Double.NaN, Double.NaN});
      r[method.equals("ours") ? 0 : 1] = score;
      JsonNode sec = b.get("secondaryMetrics");
      if (sec != null && sec.has("gc.alloc.rate.norm")) {
        alloc.merge(cls, method + " " + Math.round(sec.get("gc.alloc.rate.norm").get("score").asDouble()) + " B/op",
            (x, y) -> x + ", " + y);
      }
    }
    // The table is the tool's output (Markdown for the README), not a JSON object.
    PrintWriter out = spec.commandLine().getOut();
    out.println("| Benchmark | ours | baseline | unit | ours / baseline | allocation |");
    out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, double[]> e : rows.entrySet()) {
      double[] r = e.getValue();
      out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %.3f | %s |", e.getKey(), r[0], r[1],
          units.get(e.getKey()), r[0] / r[1], alloc.getOrDefault(e.getKey(), "")));
    }
    out.flush();
    return ExitCode.DONE.code();
  }
}
