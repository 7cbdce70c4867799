package dev.ins.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the ours/baseline table from JMH's JSON output ({@code -rf json}): one row per benchmark
 * class, ratio = ours score / baseline score (below 1 means ours is faster, for time modes).
 *
 * <pre>
 * java -cp benchmarks.jar dev.ins.benchmarks.Ratios target/jmh.json
 * </pre>
 */
public final class Ratios {

  private Ratios() {}

  /**
   * Entry point.
   *
   * @param args the JMH JSON file
   * @throws IOException when it cannot be read
   */
  public static void main(String[] args) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, double[]> rows = new TreeMap<>();
    Map<String, String> units = new TreeMap<>();
    Map<String, String> alloc = new TreeMap<>();
    for (JsonNode b : root) {
      String name = b.get("benchmark").asText();
      int dot = name.lastIndexOf('.');
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
    System.out.println("| Benchmark | ours | baseline | unit | ours / baseline | allocation |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, double[]> e : rows.entrySet()) {
      double[] r = e.getValue();
      System.out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %.3f | %s |", e.getKey(), r[0], r[1],
          units.get(e.getKey()), r[0] / r[1], alloc.getOrDefault(e.getKey(), "")));
    }
  }
}
