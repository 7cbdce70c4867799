package dev.ins.benchmarks;

import dev.ins.core.NameNormalizer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Normalising a 12-character French name: {@link NameNormalizer} vs NFD + regex + upper case. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NormalizeBenchmark {

  /** Twelve-character typed names with diacritics, hyphens and apostrophes. */
  static final String[] NAMES = {
    "Hélène-Maëlle", "FRANÇOIS-RENÉ", "d'Alembertée", "Jérôme-Noël A", "Gaëlle-Élodie",
    "Béatrice-Anne", "Ægidius-Joël", "Léa-Françoise"
  };

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private int i;

  /**
   * Ours: validation included, new String included.
   *
   * @return the normalised name
   */
  @Benchmark
  public String ours() {
    return NameNormalizer.normalize(NAMES[i++ & 7]);
  }

  /**
   * The usual recipe (which does not validate nor expand ligatures).
   *
   * @return the folded name
   */
  @Benchmark
  public String baseline() {
    return naive(NAMES[i++ & 7]);
  }

  /**
   * NFD, strip combining marks with a regex, upper-case.
   *
   * @param s the typed name
   * @return the folded name
   */
  static String naive(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
  }
}
