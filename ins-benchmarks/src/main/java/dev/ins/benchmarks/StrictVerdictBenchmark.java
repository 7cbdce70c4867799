package dev.ins.benchmarks;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.matching.StrictMatcher;
import dev.ins.core.matching.Verdict;
import java.text.Normalizer;
import java.util.Arrays;
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

/**
 * One INSi-vs-local verdict per operation, normalisation of both sides included: ours reads the
 * local typed traits ({@link Traits#fromTyped}), validates INSi's ({@link Traits#fromInsi}) and
 * compares; the baseline folds both sides with NFD + regex + upper case and compares strings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrictVerdictBenchmark {

  /** Local typed traits: name, first names, date, sex, birthplace. */
  static final String[][] LOCAL = {
    {"Dupônt", "Jean  Christophe Pierre", "1980-05-12", "M", "75056"},
    {"d’Arc-Lefèvre", "Élodie", "1975-03-28", "F", "2A004"},
    {"Martin", "Paul", "1990-01-02", "M", "13055"},
    {"Nguyên", "Anh Thu", "2001-11-30", "F", "99243"}
  };
  /** INSi's traits for the same people (the third differs). */
  static final String[][] INSI = {
    {"DUPONT", "JEAN CHRISTOPHE PIERRE", "1980-05-12", "M", "75056"},
    {"D'ARC-LEFEVRE", "ELODIE", "1975-03-28", "F", "2A004"},
    {"MARTIN", "PAUL", "1990-01-03", "M", "13055"},
    {"NGUYEN", "ANH THU", "2001-11-30", "F", "99243"}
  };

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[ '-]+");
  private int i;

  /**
   * Ours.
   *
   * @return the verdict
   */
  @Benchmark
  public Verdict ours() {
    int k = i++ & 3;
    String[] l = LOCAL[k];
    String[] s = INSI[k];
    Traits local = Traits.fromTyped(l[0], l[1], BirthDate.parse(l[2]), Sex.fromCode(l[3]), l[4]);
    Traits insi = Traits.fromInsi(s[0], s[1], s[3], s[2], s[4]);
    return StrictMatcher.compare(local, insi).verdict();
  }

  /**
   * The naive comparison.
   *
   * @return the verdict
   */
  @Benchmark
  public Verdict baseline() {
    int k = i++ & 3;
    return naive(LOCAL[k], INSI[k]);
  }

  static String fold(String s) {
    return MARKS.matcher(Normalizer.normalize(s.trim(), Normalizer.Form.NFD)).replaceAll("")
        .toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replace('\u2019', '\'');
  }

  static Verdict naive(String[] l, String[] s) {
    boolean same = fold(l[0]).equals(fold(s[0]))
        && fold(l[1]).equals(fold(s[1]))
        && Arrays.asList(SEPARATORS.split(fold(s[1]))).subList(0, SEPARATORS.split(fold(l[1]).split(" ")[0]).length)
            .equals(Arrays.asList(SEPARATORS.split(fold(l[1]).split(" ")[0])))
        && l[2].equals(s[2]) && l[3].equals(s[3]) && l[4].equals(s[4]);
    return same ? Verdict.COHERENT : Verdict.INCOHERENT;
  }
}
