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
    subcommands = {CorpusTool.Generate.class, CorpusTool.Score.class, CorpusTool.Blocks.class})
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

  @Command(name = "blocks", description = {
      "Block sizes of every blocking pass of CORPUS.csv, the candidate pairs they give, and the same",
      "extrapolated to a base --scale times larger (same key space: every block --scale times larger);",
      "plus the measured CPU cost of preparing a record and of scoring a candidate pair (one thread)."})
  static final class Blocks implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CORPUS.csv", description = "the dedup input (as written by generate)")
    Path corpus;

    @Option(names = "--scale", paramLabel = "F", description = "extrapolation factor (default 70)")
    double scale = 70;

    @Option(names = "--max-block", paramLabel = "N", description = "largest block compared in full (default 500)")
    int maxBlock = 500;

    @Option(names = "--window", paramLabel = "N", description = "window in larger blocks (default 25)")
    int window = 25;

    @Override
    public Integer call() {
      dev.ins.core.matching.DedupKernel kernel = dev.ins.core.matching.DedupKernel.of(0.85);
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      List<dev.ins.core.matching.PreparedRecord> recs = new java.util.ArrayList<>();
      long t0 = cpu.getCurrentThreadCpuTime();
      try (java.io.BufferedReader r = Files.newBufferedReader(corpus)) {
        r.readLine();
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split(",", -1);
          if (f.length == 8) {
            recs.add(kernel.prepare(dev.ins.core.matching.DedupRecord.typed(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])));
          }
        }
      } catch (NoSuchFileException e) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "CORPUS.csv: no such file", e);
      } catch (IOException | RuntimeException e) {
        throw new CliFailure(ExitCode.INPUT, "CANNOT_READ", "CORPUS.csv: cannot read the file", e);
      }
      double prepareNs = (double) (cpu.getCurrentThreadCpuTime() - t0) / Math.max(1, recs.size());
      int n = recs.size();
      List<Object> passes = new java.util.ArrayList<>();
      double pairs = 0;
      double scaledPairs = 0;
      long[] sample = new long[0];
      for (int pass = 0; pass < dev.ins.core.matching.DedupKernel.PASSES; pass++) {
        long[] keys = new long[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
          long key = recs.get(i).blockingKey(pass);
          if (key >= 0) {
            keys[k++] = key << 27 | i;
          }
          long alt = pass == dev.ins.core.matching.DedupKernel.NAME_PASS ? recs.get(i).usedNameKey() : -1;
          if (alt >= 0 && alt != key) {
            keys[k++] = alt << 27 | i;
          }
        }
        keys = java.util.Arrays.copyOf(keys, k);
        java.util.Arrays.sort(keys);
        long blocks = 0;
        long largest = 0;
        double p = 0;
        double sp = 0;
        java.util.List<Long> passSample = new java.util.ArrayList<>();
        for (int i = 0; i < k; ) {
          int j = i + 1;
          while (j < k && keys[j] >>> 27 == keys[i] >>> 27) {
            j++;
          }
          long size = j - i;
          largest = Math.max(largest, size);
          if (size >= 2) {
            blocks++;
          }
          p += candidates(size);
          sp += candidates(Math.round(size * scale));
          for (int a = i; a < j && passSample.size() < 20_000; a++) {
            for (int b = a + 1; b < j && b < a + 1 + window; b++) {
              passSample.add((keys[a] & ((1L << 27) - 1)) << 27 | (keys[b] & ((1L << 27) - 1)));
            }
          }
          i = j;
        }
        pairs += p;
        scaledPairs += sp;
        long[] merged = java.util.Arrays.copyOf(sample, sample.length + passSample.size());
        for (int x = 0; x < passSample.size(); x++) {
          merged[sample.length + x] = passSample.get(x);
        }
        sample = merged;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pass", pass);
        row.put("keys", k);
        row.put("blocks", blocks);
        row.put("largestBlock", largest);
        row.put("candidatePairs", Math.round(p));
        row.put("candidatePairsScaled", Math.round(sp));
        passes.add(row);
      }
      // CPU cost of scoring candidate pairs (one thread), on pairs drawn from the blocks
      long t1 = cpu.getCurrentThreadCpuTime();
      int found = 0;
      int rounds = 0;
      long spent = 0;
      while (spent < 2_000_000_000L) {
        for (long pr : sample) {
          int a = (int) (pr >>> 27);
          int b = (int) (pr & ((1L << 27) - 1));
          if (a != b && kernel.score(recs.get(a), recs.get(b)).isPresent()) {
            found++;
          }
        }
        rounds++;
        spent = cpu.getCurrentThreadCpuTime() - t1;
      }
      double pairNs = (double) spent / Math.max(1, (long) rounds * sample.length);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("records", n);
      json.put("scale", scale);
      json.put("candidatePairs", Math.round(pairs));
      json.put("candidatePairsScaled", Math.round(scaledPairs));
      json.put("prepareNsPerRecord", Math.round(prepareNs));
      json.put("scoreNsPerPair", Math.round(pairNs));
      json.put("sampledPairs", sample.length);
      json.put("sampledFound", found / Math.max(1, rounds));
      json.put("passes", passes);
      Cli.print(spec, json);
      return ExitCode.DONE.code();
    }

    /** Candidate pairs of one block: all pairs within the cap, the sliding window above it. */
    private double candidates(long size) {
      if (size < 2) {
        return 0;
      }
      if (size <= maxBlock) {
        return size * (size - 1) / 2.0;
      }
      return (double) (size - window) * window + window * (window - 1) / 2.0;
    }
  }
}
