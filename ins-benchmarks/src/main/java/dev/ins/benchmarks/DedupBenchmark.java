package dev.ins.benchmarks;

import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import dev.ins.core.matching.DuplicateDetector;
import dev.ins.core.testing.DedupCorpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Duplicate detection of a planted corpus on {@code threads} threads, end to end from parsed
 * records to sorted pairs: ours vs Duke. After each iteration, recall and precision against the
 * planted truth are printed ({@code QUALITY engine=... recall=... precision=...}) so that speed and
 * quality come from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class DedupBenchmark {

  /** Distinct persons in the corpus (rows are about 10% more). */
  @Param({"100000"})
  public int persons;

  /** Worker threads for both engines. */
  @Param({"2"})
  public int threads;

  private List<DedupRecord> records;
  private List<DedupCorpus.Truth> truth;
  private Set<String> lastOurs;
  private Set<String> lastDuke;

  /** Generates the corpus once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    DedupCorpus.Corpus c = DedupCorpus.generate(20261128L, persons, 0.1);
    records = c.records();
    truth = c.truth();
  }

  /**
   * Ours.
   *
   * @return the pairs
   */
  @Benchmark
  public List<CandidatePair> ours() {
    List<CandidatePair> out = DuplicateDetector.builder().threads(threads).build().detect(records);
    Set<String> s = new HashSet<>();
    for (CandidatePair p : out) {
      s.add(p.idA() + "|" + p.idB());
    }
    lastOurs = s;
    return out;
  }

  /**
   * Duke.
   *
   * @return the pairs
   */
  @Benchmark
  public Set<String> baseline() {
    lastDuke = DukeBaseline.run(records, threads);
    return lastDuke;
  }

  /** Prints recall and precision of the engine that just ran. */
  @TearDown(Level.Iteration)
  public void quality() {
    report("ours", lastOurs);
    report("duke", lastDuke);
    lastOurs = null;
    lastDuke = null;
  }

  private void report(String engine, Set<String> found) {
    if (found == null) {
      return;
    }
    Set<String> planted = new HashSet<>();
    for (DedupCorpus.Truth t : truth) {
      planted.add(t.idA() + "|" + t.idB());
    }
    long tp = found.stream().filter(planted::contains).count();
    List<String> missing = new ArrayList<>();
    double recall = (double) tp / planted.size();
    double precision = found.isEmpty() ? 1 : (double) tp / found.size();
    System.out.println(String.format(Locale.ROOT,
        "QUALITY engine=%s persons=%d rows=%d planted=%d found=%d recall=%.4f precision=%.4f%s",
        engine, persons, records.size(), planted.size(), found.size(), recall, precision,
        missing.isEmpty() ? "" : " " + missing));
  }
}
