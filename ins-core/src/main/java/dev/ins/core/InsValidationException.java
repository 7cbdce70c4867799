package dev.ins.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input that breaks an INS rule. Carries every violation found, each with a field path and a stable
 * {@link ViolationCode}; {@link #code()} and {@link #field()} describe the first one.
 *
 * <p>The message lists the rules, never the offending value in clear.
 *
 * <pre>{@code
 * try {
 *   Matricule.parse("295109912611199");
 * } catch (InsValidationException e) {
 *   assert e.code() == ViolationCode.INVALID_KEY;
 *   assert e.field().equals("matricule");
 * }
 * }</pre>
 */
public final class InsValidationException extends InsException {
  private static final long serialVersionUID = 1L;

  /** Violations, at least one; a serialisable immutable list. */
  private final List<Violation> violations;

  /**
   * Creates the exception from at least one violation.
   *
   * @param violations the broken rules, not empty
   */
  public InsValidationException(List<Violation> violations) {
    super(message(violations), null);
    this.violations = List.copyOf(violations);
  }

  /**
   * Creates the exception for one violation.
   *
   * @param field the field path
   * @param code the reason code
   * @param index the character index, or -1
   * @param detail the explanation, without patient data
   * @return the exception, to be thrown by the caller
   */
  public static InsValidationException of(String field, ViolationCode code, int index, String detail) {
    return new InsValidationException(List.of(new Violation(field, code, index, detail)));
  }

  private static String message(List<Violation> violations) {
    Objects.requireNonNull(violations, "violations");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("at least one violation is required");
    }
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * Returns every violation found, in the order the value was read.
   *
   * @return an immutable, non-empty list
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns the code of the first violation.
   *
   * @return the stable reason code
   */
  public ViolationCode code() {
    return violations.get(0).code();
  }

  /**
   * Returns the field path of the first violation.
   *
   * @return a dotted path such as {@code "traits.birthName"}
   */
  public String field() {
    return violations.get(0).field();
  }

  /**
   * Returns this exception with every field path prefixed by {@code parent}.
   *
   * @param parent the enclosing field, e.g. {@code "traits"}
   * @return a new exception with re-rooted violations
   */
  public InsValidationException under(String parent) {
    return new InsValidationException(violations.stream().map(v -> v.under(parent)).toList());
  }
}
