package dev.ins.core.cli;

import java.util.Objects;

/**
 * An operational failure of a command line, thrown by a command and turned by {@link Cli} into
 * one JSON object on standard output and the matching exit status.
 *
 * <p>The message is shown to the operator as is: it names the option, the file or the rule, and
 * never holds patient data, a secret or an internal exception's text.
 *
 * <pre>{@code
 * throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--key: no such file");
 * }</pre>
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit status class. */
  private final ExitCode exitCode;
  /** The stable machine-readable code. */
  private final String code;

  /**
   * Creates a failure.
   *
   * @param exitCode the exit status class, not {@link ExitCode#DONE} nor {@link ExitCode#NEGATIVE}
   * @param code a stable machine-readable code, e.g. {@code "FILE_NOT_FOUND"}
   * @param message the operator-facing message; no patient data, no secret
   */
  public CliFailure(ExitCode exitCode, String code, String message) {
    this(exitCode, code, message, null);
  }

  /**
   * Creates a failure that keeps its cause for debugging (the cause's text is never printed).
   *
   * @param exitCode the exit status class, not {@link ExitCode#DONE} nor {@link ExitCode#NEGATIVE}
   * @param code a stable machine-readable code
   * @param message the operator-facing message; no patient data, no secret
   * @param cause the underlying exception, or {@code null}
   */
  public CliFailure(ExitCode exitCode, String code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message == null"), cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode == null");
    if (exitCode == ExitCode.DONE || exitCode == ExitCode.NEGATIVE) {
      throw new IllegalArgumentException("a failure cannot exit with " + exitCode);
    }
    this.code = Objects.requireNonNull(code, "code == null");
  }

  /**
   * Creates a usage error found by the command itself (a value that parses but breaks a rule, two
   * options that exclude each other): exit 2, code {@code USAGE}.
   *
   * @param message names the option and the rule; never the value given (it may be a secret)
   * @return the failure
   */
  public static CliFailure usage(String message) {
    return new CliFailure(ExitCode.USAGE, "USAGE", message);
  }

  /**
   * Returns the exit status class.
   *
   * @return the exit code
   */
  public ExitCode exitCode() {
    return exitCode;
  }

  /**
   * Returns the stable machine-readable code.
   *
   * @return the code, e.g. {@code "FILE_NOT_FOUND"}
   */
  public String code() {
    return code;
  }
}
