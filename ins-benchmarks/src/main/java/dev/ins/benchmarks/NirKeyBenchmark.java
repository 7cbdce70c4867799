package dev.ins.benchmarks;

import dev.ins.core.matching.NirKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** NIR key check: {@link NirKey#isValid} vs substring + {@code Long.parseLong}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NirKeyBenchmark {

  /** Eight valid matricules, Corsica included, cycled so the JIT cannot fold them. */
  static final String[] MATRICULES = {
    "279035121518989", "184127645108946", "269054958815780", "182052A00400134",
    "255082B05000102", "197129935800117", "212069741100175", "143015512200185"
  };

  private int i;

  /**
   * Our check.
   *
   * @return the answer
   */
  @Benchmark
  public boolean ours() {
    return NirKey.isValid(MATRICULES[i++ & 7]);
  }

  /**
   * The naive check.
   *
   * @return the answer
   */
  @Benchmark
  public boolean baseline() {
    return naive(MATRICULES[i++ & 7]);
  }

  /**
   * The naive implementation found in many code bases.
   *
   * @param m the matricule
   * @return true when the key matches
   */
  static boolean naive(String m) {
    String body = m.substring(0, 13);
    String dep = body.substring(5, 7);
    if (dep.equals("2A")) {
      body = body.substring(0, 5) + "19" + body.substring(7);
    } else if (dep.equals("2B")) {
      body = body.substring(0, 5) + "18" + body.substring(7);
    }
    long n = Long.parseLong(body);
    return 97 - n % 97 == Integer.parseInt(m.substring(13));
  }
}
