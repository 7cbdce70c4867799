package dev.ins.core.internal.cli;

import dev.ins.core.cli.Json;
import dev.ins.core.matching.DetectionPhase;
import dev.ins.core.matching.DetectionSummary;
import dev.ins.core.matching.DuplicateDetector;
import dev.ins.core.matching.ProgressListener;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code dedup} command, an identitovigilance audit of an export: a thin shell over
 * {@link DuplicateDetector}.
 *
 * <pre>
 * java -jar ins-dedup.jar dedup --in IDENTITIES.csv --out PAIRS.csv [--threads N] [--min-score S]
 * </pre>
 *
 * <p>Input: UTF-8 CSV with the header {@value DedupCsv#INPUT_HEADER}. Output: CSV with the header
 * {@value DedupCsv#OUTPUT_HEADER}, one line per pair, {@code id_a < id_b}. Rows that cannot be read
 * are reported on stderr with their line number and skipped. Progress goes to stderr for inputs of
 * 100,000 records or more. stdout gets one JSON summary. Exit codes: 0 done, 1 input/output error,
 * 2 usage error.
 */
public final class DedupCli {

  private static final String USAGE =
      "usage: dedup --in IDENTITIES.csv --out PAIRS.csv [--threads N] [--min-score S]";
  private static final long PROGRESS_FROM = 100_000;

  private DedupCli() {}

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command.
   *
   * @param args the arguments, optionally starting with the word {@code dedup}
   * @param out where the JSON summary goes
   * @param err where row errors, progress and usage go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path in = null;
    Path to = null;
    DuplicateDetector.Builder builder = DuplicateDetector.builder();
    int i = args.length > 0 && args[0].equals("dedup") ? 1 : 0;
    try {
      for (; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          return usage(err, "missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--in" -> in = Path.of(v);
          case "--out" -> to = Path.of(v);
          case "--threads" -> builder.threads(Integer.parseInt(v));
          case "--min-score" -> builder.minScore(Double.parseDouble(v));
          default -> {
            return usage(err, "unknown option " + a);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (in == null || to == null) {
      return usage(err, "--in and --out are required");
    }
    long[] skipped = new long[1];
    long[] readCount = new long[1];
    long[] lastBucket = new long[1];
    ProgressListener progress = p -> {
      if (p.phase() == DetectionPhase.READING) {
        readCount[0] = p.done();
        if (p.done() / PROGRESS_FROM > lastBucket[0]) {
          lastBucket[0] = p.done() / PROGRESS_FROM;
          err.println("dedup: read " + p.done() + " records");
        }
      } else if (readCount[0] >= PROGRESS_FROM) {
        err.println("dedup: " + p.phase().name().toLowerCase(java.util.Locale.ROOT) + " " + p.done()
            + (p.total() >= 0 ? "/" + p.total() : ""));
      }
    };
    // Invalid UTF-8 becomes U+FFFD, which no column accepts: the row is then reported and skipped.
    try (BufferedReader r = new BufferedReader(
            new java.io.InputStreamReader(Files.newInputStream(in), StandardCharsets.UTF_8), 1 << 16);
        BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      w.write(DedupCsv.OUTPUT_HEADER);
      w.write('\n');
      DetectionSummary s = builder.progressListener(progress).build().detect(
          DedupCsv.read(r, (line, msg) -> {
            skipped[0]++;
            err.println("line " + line + ": skipped: " + msg);
          }),
          p -> DedupCsv.write(w, p));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("records", s.records());
      json.put("skippedRows", skipped[0]);
      json.put("comparisons", s.comparisons());
      json.put("pairs", s.pairs());
      json.put("oversizedBlocks", s.oversizedBlocks());
      json.put("out", to.toString());
      out.println(Json.write(json));
      return 0;
    } catch (DedupCsv.BadFileException e) {
      err.println("dedup: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("dedup: cannot read or write: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      err.println("dedup: cannot read or write: " + e.getCause().getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String why) {
    err.println("dedup: " + why);
    err.println(USAGE);
    return 2;
  }
}
