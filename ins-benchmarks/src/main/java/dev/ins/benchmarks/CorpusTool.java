package dev.ins.benchmarks;

import dev.ins.core.testing.DedupCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a planted-duplicate corpus for the {@code dedup} command and scores its output.
 *
 * <pre>
 * java -cp benchmarks.jar dev.ins.benchmarks.CorpusTool generate 1000000 corpus.csv truth.csv
 * java -jar ins-dedup.jar dedup --in corpus.csv --out pairs.csv
 * java -cp benchmarks.jar dev.ins.benchmarks.CorpusTool score truth.csv pairs.csv
 * </pre>
 */
public final class CorpusTool {

  private CorpusTool() {}

  /**
   * Entry point.
   *
   * @param args {@code generate PERSONS CORPUS.csv TRUTH.csv} or {@code score TRUTH.csv PAIRS.csv}
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 4 && args[0].equals("generate")) {
      long rows = DedupCorpus.writeCsv(20261128L, Integer.parseInt(args[1]), 0.1, Path.of(args[2]), Path.of(args[3]));
      System.out.println("{\"rows\":" + rows + "}");
    } else if (args.length == 3 && args[0].equals("score")) {
      Set<String> planted = pairs(Files.readAllLines(Path.of(args[1])));
      Set<String> found = pairs(Files.readAllLines(Path.of(args[2])));
      long tp = found.stream().filter(planted::contains).count();
      System.out.println(String.format(Locale.ROOT, "{\"planted\":%d,\"found\":%d,\"recall\":%.4f,\"precision\":%.4f}",
          planted.size(), found.size(), (double) tp / planted.size(), found.isEmpty() ? 1.0 : (double) tp / found.size()));
    } else {
      System.err.println("usage: CorpusTool generate PERSONS CORPUS.csv TRUTH.csv | score TRUTH.csv PAIRS.csv");
      System.exit(2);
    }
  }

  private static Set<String> pairs(List<String> lines) {
    Set<String> s = new HashSet<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      s.add(f[0] + "|" + f[1]);
    }
    return s;
  }
}
