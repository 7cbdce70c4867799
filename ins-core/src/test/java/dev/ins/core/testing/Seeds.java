package dev.ins.core.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests, independent of any test framework.
 *
 * <p>The base seed is fixed so that every build checks the same cases; set the system property
 * {@code ins.test.seed} to explore others, and put the seed a failure printed back there to replay
 * it.
 *
 * <pre>{@code
 * // JUnit 5: @ParameterizedTest @MethodSource("seeds")
 * static LongStream seeds() { return Seeds.stream(64); }
 * }</pre>
 */
public final class Seeds {

  /** The default base seed. */
  public static final long DEFAULT_BASE = 0x1A5_2026L;

  private Seeds() {}

  /**
   * Returns the base seed: the {@code ins.test.seed} system property, or {@link #DEFAULT_BASE}.
   *
   * @return the base seed
   */
  public static long base() {
    String p = System.getProperty("ins.test.seed");
    return p == null || p.isBlank() ? DEFAULT_BASE : Long.decode(p.trim());
  }

  /**
   * Returns {@code count} seeds derived from the base seed.
   *
   * @param count how many
   * @return the seeds
   */
  public static LongStream stream(int count) {
    SplittableRandom r = new SplittableRandom(base());
    return LongStream.generate(r::nextLong).limit(count);
  }

  /**
   * Describes a seed for an assertion message, so that a failure can be replayed.
   *
   * @param seed the seed of the failing case
   * @return e.g. {@code "seed=0x1f (replay: -Dins.test.seed=... )"}
   */
  public static String describe(long seed) {
    return "seed=" + seed + " (base seed " + base() + "; replay with -Dins.test.seed=" + base() + ")";
  }
}
