package dev.ins.security;

import dev.ins.security.InsCryptoException.Code;

/**
 * Argon2id cost parameters, bounded so that a stored hash or keyset cannot ask for absurd costs.
 *
 * <p>Memory is in KiB (8 MiB to 1 GiB), iterations 1..16, parallelism 1..8.
 * {@link #recommended()} follows RFC 9106's second recommended option (64 MiB, 3 passes) with one
 * lane; {@link #owaspMinimum()} is the lower floor for busy login servers (19 MiB, 2 passes).
 *
 * <pre>{@code
 * Argon2Params p = Argon2Params.of(65536, 3, 1);
 * }</pre>
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations time cost (passes)
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

  /** Smallest accepted memory, KiB. */
  public static final int MIN_MEMORY_KIB = 8 * 1024;

  /** Largest accepted memory, KiB. */
  public static final int MAX_MEMORY_KIB = 1024 * 1024;

  /**
   * Checks the bounds.
   *
   * @param memoryKiB 8192..1048576
   * @param iterations 1..16
   * @param parallelism 1..8
   */
  public Argon2Params {
    if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
      throw new InsCryptoException(
          Code.POLICY_VIOLATION, "argon2.memoryKiB", "must be in " + MIN_MEMORY_KIB + ".." + MAX_MEMORY_KIB + ", got " + memoryKiB);
    }
    if (iterations < 1 || iterations > 16) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "argon2.iterations", "must be in 1..16, got " + iterations);
    }
    if (parallelism < 1 || parallelism > 8) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "argon2.parallelism", "must be in 1..8, got " + parallelism);
    }
  }

  /**
   * Creates parameters.
   *
   * @param memoryKiB memory in KiB
   * @param iterations passes
   * @param parallelism lanes
   * @return the parameters
   */
  public static Argon2Params of(int memoryKiB, int iterations, int parallelism) {
    return new Argon2Params(memoryKiB, iterations, parallelism);
  }

  /**
   * RFC 9106 second recommended option with one lane: 64 MiB, 3 passes.
   *
   * @return the parameters
   */
  public static Argon2Params recommended() {
    return new Argon2Params(64 * 1024, 3, 1);
  }

  /**
   * OWASP's floor for Argon2id: 19 MiB, 2 passes, 1 lane.
   *
   * @return the parameters
   */
  public static Argon2Params owaspMinimum() {
    return new Argon2Params(19 * 1024, 2, 1);
  }

  /**
   * Tells whether these parameters cost at least as much as {@code other} on every axis.
   *
   * @param other the target
   * @return true when no axis is weaker
   */
  public boolean atLeast(Argon2Params other) {
    return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
  }
}
