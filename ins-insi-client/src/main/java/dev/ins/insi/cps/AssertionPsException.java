package dev.ins.insi.cps;

import dev.ins.core.InsException;
import java.util.Objects;

/**
 * An assertion PS could not be built, or was refused by {@link AssertionPsVerifier}.
 *
 * <p>{@link #problem()} tells which check failed, so that a server (the stub INSi server) can answer
 * with the matching fault and a client can tell the user what to fix.
 *
 * <pre>{@code
 * try {
 *   verifier.verify(xml);
 * } catch (AssertionPsException e) {
 *   if (e.problem() == AssertionPsException.Problem.EXPIRED) { ... }
 * }
 * }</pre>
 */
public final class AssertionPsException extends InsException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the assertion. */
  public enum Problem {
    /** Not a well-formed assertion PS (XML, structure, namespaces, DTD present, too large). */
    MALFORMED,
    /** The XML signature is missing, misplaced, does not cover exactly the assertion, or uses an unsupported algorithm. */
    BAD_SIGNATURE,
    /** The signed content was changed after signing (reference digest mismatch). */
    TAMPERED,
    /** The signature value was not made with the key of the certificate in KeyInfo. */
    WRONG_KEY,
    /** The validity window has ended. */
    EXPIRED,
    /** The validity window has not started. */
    NOT_YET_VALID,
    /** The signing certificate does not chain to a trusted root, or is not valid. */
    UNTRUSTED_CERTIFICATE,
    /** A required attribute or element is missing or empty. */
    MISSING_ATTRIBUTE,
    /** The key could not sign (wrong type, token error, logged-out card). */
    SIGNING_FAILED
  }

  /** The failed check. */
  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param problem the failed check
   * @param message what failed, naming the rule; no personal data
   * @param cause the underlying cause, or {@code null}
   */
  public AssertionPsException(Problem problem, String message, Throwable cause) {
    super(problem + ": " + message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Returns the failed check.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
