package dev.ins.benchmarks;

import dev.ins.core.matching.JaroWinkler;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Jaro-Winkler on 10-character names: ours vs Commons Text {@code JaroWinklerSimilarity}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JaroWinklerBenchmark {

  /** Pairs of 10-character upper-case names, similar and dissimilar. */
  static final String[][] PAIRS = {
    {"MARTINEZEE", "MARTINEZZE"}, {"FONTAINEAU", "LAFONTAINE"}, {"DUPONTELLE", "DUPONDELLE"},
    {"BERNARDINI", "BERNADINIE"}, {"LEFEBVREAU", "LEFEVREAUX"}, {"GAUTHIERES", "GAUTIERESS"},
    {"ROUSSELINE", "ROUSSILLON"}, {"CHEVALIERS", "SCHEVALIER"}
  };

  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();
  private int i;

  /**
   * Ours.
   *
   * @return the similarity
   */
  @Benchmark
  public double ours() {
    String[] p = PAIRS[i++ & 7];
    return JaroWinkler.similarity(p[0], p[1]);
  }

  /**
   * Commons Text.
   *
   * @return the similarity
   */
  @Benchmark
  public double baseline() {
    String[] p = PAIRS[i++ & 7];
    return COMMONS.apply(p[0], p[1]);
  }
}
