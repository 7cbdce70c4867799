package dev.ins.practice;

import dev.ins.core.InsException;
import java.util.Objects;

/**
 * The typed error of ins-practice: a configuration, an input file or an operation of the
 * practice kit was refused. {@link #code()} says which rule failed and {@link #field()} names the
 * part concerned. Messages hold no patient data and no secret.
 *
 * <pre>{@code
 * try {
 *   PracticeConfig.load(path);
 * } catch (PracticeException e) {
 *   System.err.println(e.field() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class PracticeException extends InsException {
  private static final long serialVersionUID = 1L;

  /** Why it was refused. */
  public enum Code {
    /** A configuration or input file is missing, unreadable, malformed or breaks a rule. */
    INVALID_INPUT,
    /** A file, medium or service needed is not there (e.g. the offline medium is not connected). */
    UNAVAILABLE,
    /** The operation is not allowed in the current state (e.g. no incident in progress). */
    STATE,
    /** A signature, hash or verification failed. */
    VERIFICATION_FAILED,
    /** Writing an output (a copy, a bundle, a state file) failed. */
    IO
  }

  /** The rule that failed. */
  private final Code code;
  /** The part concerned. */
  private final String field;

  /**
   * Creates the error.
   *
   * @param code the rule that failed
   * @param field the part concerned, e.g. {@code "config.backups.destinations[1].path"}
   * @param message what went wrong, without patient data or secrets
   * @param cause the cause, or null
   */
  public PracticeException(Code code, String field, String message, Throwable cause) {
    super(Objects.requireNonNull(field, "field == null") + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code == null");
    this.field = field;
  }

  /**
   * Creates the error without a cause.
   *
   * @param code the rule that failed
   * @param field the part concerned
   * @param message what went wrong
   */
  public PracticeException(Code code, String field, String message) {
    this(code, field, message, null);
  }

  /**
   * Returns the rule that failed.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  /**
   * Returns the part concerned.
   *
   * @return the field path
   */
  public String field() {
    return field;
  }
}
