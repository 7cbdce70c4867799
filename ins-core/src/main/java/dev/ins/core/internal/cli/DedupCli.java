package dev.ins.core.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.matching.DetectionPhase;
import dev.ins.core.matching.DetectionSummary;
import dev.ins.core.matching.DuplicateDetector;
import dev.ins.core.matching.ProgressListener;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code dedup} command, an identitovigilance audit of an export: a thin picocli shell over
 * {@link DuplicateDetector}, with the SDK's command-line conventions ({@link Cli}).
 *
 * <pre>
 * java -jar ins-dedup.jar dedup --in IDENTITIES.csv --out PAIRS.csv [--threads N] [--min-score S]
 * </pre>
 *
 * <p>Input: UTF-8 CSV with the header {@value DedupCsv#INPUT_HEADER}. Output: CSV with the header
 * {@value DedupCsv#OUTPUT_HEADER}, one line per pair, {@code id_a < id_b}. Rows that cannot be read
 * are reported on stderr with their line number and skipped. Progress goes to stderr for inputs of
 * 100,000 records or more. stdout gets one JSON summary. Exit codes ({@link ExitCode}): 0 done,
 * 2 usage error, 3 unreadable input (missing file, wrong header), 6 output not written.
 *
 * <p>Started as {@code java -jar} without a heap option, {@link #main} runs the command in a child
 * JVM whose heap is bounded by the input's size ({@link DedupLauncher}).
 */
@Command(name = "dedup", description = {
    "Finds candidate duplicates and matricule collisions in an identity export.",
    "Input: UTF-8 CSV with the header " + DedupCsv.INPUT_HEADER + ".",
    "Output: CSV " + DedupCsv.OUTPUT_HEADER + ", one line per pair, id_a < id_b, sorted."})
public final class DedupCli implements Callable<Integer> {

  private static final long PROGRESS_FROM = 100_000;

  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "IDENTITIES.csv", description = "the identities")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "PAIRS.csv", description = "where the pairs go")
  Path to;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all processors)")
  Integer threads;

  @Option(names = "--min-score", paramLabel = "S", description = "minimum duplicate score (default 0.85)")
  Double minScore;

  /** picocli instantiates it. */
  DedupCli() {}

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> child = DedupLauncher.childCommand(self.command().orElse(null),
        self.arguments().map(List::of).orElse(List.of()), System.getenv(), args, Runtime.getRuntime().maxMemory());
    if (child.isPresent()) {
      try {
        System.exit(DedupLauncher.run(child.get(), () -> run(args, System.out, System.err), System.err));
      } catch (IOException e) {
        System.err.println("dedup: cannot start a JVM with a bounded heap; running with this JVM's heap");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        System.exit(ExitCode.INTERNAL.code());
      }
    }
    if (Boolean.getBoolean(DedupLauncher.BOUNDED)) {
      try {
        System.exit(run(args, System.out, System.err));
      } catch (OutOfMemoryError e) {
        System.exit(DedupLauncher.HEAP_EXHAUSTED); // the parent runs the command with its own heap
      }
    }
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
    String[] a = args.length > 0 && args[0].equals("dedup") ? Arrays.copyOfRange(args, 1, args.length) : args;
    return Cli.run(new DedupCli(), out, err, a);
  }

  @Override
  public Integer call() {
    DuplicateDetector.Builder builder = DuplicateDetector.builder();
    try {
      if (threads != null) {
        builder.threads(threads);
      }
      if (minScore != null) {
        builder.minScore(minScore);
      }
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    long[] skipped = new long[1];
    long[] readCount = new long[1];
    long[] lastBucket = new long[1];
    ProgressListener progress = p -> {
      if (p.phase() == DetectionPhase.READING) {
        readCount[0] = p.done();
        if (p.done() / PROGRESS_FROM > lastBucket[0]) {
          lastBucket[0] = p.done() / PROGRESS_FROM;
          err.println("dedup: read " + p.done() + " records");
          err.flush();
        }
      } else if (readCount[0] >= PROGRESS_FROM) {
        err.println("dedup: " + p.phase().name().toLowerCase(Locale.ROOT) + " " + p.done()
            + (p.total() >= 0 ? "/" + p.total() : ""));
        err.flush();
      }
    };
    BufferedReader r;
    try {
      // Invalid UTF-8 becomes U+FFFD, which no column accepts: the row is then reported and skipped.
      r = new BufferedReader(new InputStreamReader(Files.newInputStream(in), StandardCharsets.UTF_8), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--in: no such file", e);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "CANNOT_READ", "--in: cannot read the file", e);
    }
    try (r; BufferedWriter w = openOut()) {
      w.write(DedupCsv.OUTPUT_HEADER);
      w.write('\n');
      DetectionSummary s = builder.progressListener(progress).build().detect(
          DedupCsv.read(r, (line, msg) -> {
            skipped[0]++;
            err.println("line " + line + ": skipped: " + msg);
          }),
          p -> DedupCsv.write(w, p));
      err.flush();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("records", s.records());
      json.put("skippedRows", skipped[0]);
      json.put("comparisons", s.comparisons());
      json.put("pairs", s.pairs());
      json.put("oversizedBlocks", s.oversizedBlocks());
      json.put("out", to.toString());
      Cli.print(spec, json);
      return ExitCode.DONE.code();
    } catch (DedupCsv.BadFileException e) {
      throw new CliFailure(ExitCode.INPUT, "BAD_HEADER", e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "cannot read --in or write --out", e);
    }
  }

  private BufferedWriter openOut() {
    try {
      return Files.newBufferedWriter(to, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--out: cannot create the file", e);
    }
  }
}
