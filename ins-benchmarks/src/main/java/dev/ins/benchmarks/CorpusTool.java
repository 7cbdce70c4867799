package dev.ins.benchmarks;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.IndependentCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a planted-duplicate corpus for the {@code dedup} command and scores its output.
 *
 * <pre>
 * java -cp benchmarks.jar dev.ins.benchmarks.CorpusTool generate 1000000 corpus.csv truth.csv [--kind independent]
 * java -jar ins-dedup.jar dedup --in corpus.csv --out pairs.csv
 * java -cp benchmarks.jar dev.ins.benchmarks.CorpusTool score truth.csv pairs.csv
 * </pre>
 */
@Command(name = "corpus-tool", description = "Planted-duplicate corpora for the dedup command, and their scoring.",
    subcommands = {CorpusTool.Generate.class, CorpusTool.Score.class})
public final class CorpusTool {

  /** picocli instantiates it. */
  CorpusTool() {}

  /**
   * Entry point.
   *
   * @param args {@code generate PERSONS CORPUS.csv TRUTH.csv} or {@code score TRUTH.csv PAIRS.csv}
   */
  public static void main(String[] args) {
    System.exit(Cli.run(new CorpusTool(), System.out, System.err, args));
  }

  /** The generators. */
  enum Kind {
    /** {@link DedupCorpus}: invented names, eight planted kinds, twins and collisions. */
    PLANTED,
    /** {@link IndependentCorpus}: common French names, every single-digit date error, separators. */
    INDEPENDENT
  }

  @Command(name = "generate", description = "Writes CORPUS.csv (the dedup input) and TRUTH.csv (id_a,id_b,plant).")
  static final class Generate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PERSONS", description = "distinct persons")
    int persons;

    @Parameters(index = "1", paramLabel = "CORPUS.csv")
    Path corpus;

    @Parameters(index = "2", paramLabel = "TRUTH.csv")
    Path truth;

    @Option(names = "--kind", paramLabel = "KIND", description = "planted (default) or independent")
    Kind kind = Kind.PLANTED;

    @Option(names = "--seed", paramLabel = "N", description = "generator seed (default 20261128)")
    long seed = 20261128L;

    @Option(names = "--duplicates", paramLabel = "RATE", description = "share of persons with a duplicate (default 0.1)")
    double rate = 0.1;

    @Override
    public Integer call() {
      if (persons < 1 || !(rate >= 0 && rate <= 1)) {
        throw new CliFailure(ExitCode.USAGE, "USAGE", "PERSONS must be at least 1 and --duplicates in [0, 1]");
      }
      long rows;
      try {
        rows = kind == Kind.PLANTED ? DedupCorpus.writeCsv(seed, persons, rate, corpus, truth)
            : IndependentCorpus.writeCsv(seed, persons, rate, corpus, truth);
      } catch (java.io.UncheckedIOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "cannot write CORPUS.csv or TRUTH.csv", e);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rows", rows);
      json.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
      json.put("seed", seed);
      Cli.print(spec, json);
      return ExitCode.DONE.code();
    }
  }

  @Command(name = "score", description = "Recall and precision of PAIRS.csv against TRUTH.csv, and misses by plant.")
  static final class Score implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRUTH.csv")
    Path truth;

    @Parameters(index = "1", paramLabel = "PAIRS.csv")
    Path pairs;

    @Override
    public Integer call() {
      Map<String, String> planted = new HashMap<>();
      for (String[] f : rows(truth, "TRUTH.csv")) {
        planted.put(f[0] + "|" + f[1], f.length > 2 ? f[2] : "");
      }
      Set<String> found = new HashSet<>();
      for (String[] f : rows(pairs, "PAIRS.csv")) {
        found.add(f[0] + "|" + f[1]);
      }
      long tp = found.stream().filter(planted::containsKey).count();
      Map<String, Integer> missed = new TreeMap<>();
      planted.forEach((k, plant) -> {
        if (!found.contains(k)) {
          missed.merge(plant, 1, Integer::sum);
        }
      });
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("planted", planted.size());
      json.put("found", found.size());
      json.put("recall", round((double) tp / Math.max(1, planted.size())));
      json.put("precision", round(found.isEmpty() ? 1.0 : (double) tp / found.size()));
      json.put("missedByPlant", new LinkedHashMap<String, Object>(missed));
      Cli.print(spec, json);
      return ExitCode.DONE.code();
    }

    private static double round(double x) {
      return Math.round(x * 10_000) / 10_000.0;
    }

    private static List<String[]> rows(Path p, String what) {
      try {
        List<String> lines = Files.readAllLines(p);
        return lines.subList(Math.min(1, lines.size()), lines.size()).stream().map(l -> l.split(",")).toList();
      } catch (NoSuchFileException e) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", what + ": no such file", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.INPUT, "CANNOT_READ", what + ": cannot read the file", e);
      }
    }
  }
}
