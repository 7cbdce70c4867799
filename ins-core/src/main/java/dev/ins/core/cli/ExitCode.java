package dev.ins.core.cli;

/**
 * The one exit-code table shared by every command line of the SDK.
 *
 * <p>0 is done, 1 is a negative answer (the command worked and the answer is "no": not found,
 * invalid matricule, tampering detected, a posture that is not green), 2 is a usage error, and 3
 * and above are operational failures with the same meaning in every tool.
 *
 * <pre>{@code
 * return found ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
 * }</pre>
 */
public enum ExitCode {
  /** The command did what was asked; the answer is positive or neutral. */
  DONE(0),
  /** The command worked and the answer is negative (not found, invalid, tampered, not green). */
  NEGATIVE(1),
  /** The command line is wrong: unknown option, missing or malformed value, extra argument. */
  USAGE(2),
  /** An input (a file, a value read from a file or the environment) is missing, too large or unreadable. */
  INPUT(3),
  /** A device or service is unavailable or did not answer in time (reader, card, INSi, a busy port). */
  UNAVAILABLE(4),
  /** The other party or a security policy refused (SOAP fault, TLS or authentication failure, kill switch, wrong key). */
  REFUSED(5),
  /** An output could not be written (it already exists, no space, no permission). */
  OUTPUT(6),
  /** An unexpected failure inside the tool; the message carries no internal detail. */
  INTERNAL(7);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /**
   * Returns the process exit status.
   *
   * @return the status, 0 to 7
   */
  public int code() {
    return code;
  }
}
