package dev.ins.core;

import java.util.Objects;

/**
 * One broken rule: where ({@code field}, {@code index}), which rule ({@code code}) and a short
 * explanation that never repeats the value in clear.
 *
 * <pre>{@code
 * Violation v = new Violation("traits.birthName", ViolationCode.LOWERCASE, 3, "lowercase letter");
 * }</pre>
 *
 * @param field dotted path of the field, e.g. {@code "traits.birthName"}; never empty
 * @param code the stable reason code
 * @param index character index of the offence in the value, or -1 when not positional
 * @param detail an English explanation naming the rule; no patient data
 */
public record Violation(String field, ViolationCode code, int index, String detail) {

  /**
   * Validates the components.
   *
   * @param field see the record component
   * @param code see the record component
   * @param index see the record component
   * @param detail see the record component
   */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    if (index < -1) {
      throw new IllegalArgumentException("index must be >= -1");
    }
  }

  /**
   * Returns this violation with its field path prefixed, e.g. {@code "birthName"} becomes
   * {@code "traits.birthName"}.
   *
   * @param parent the parent path, not empty
   * @return the re-rooted violation
   */
  public Violation under(String parent) {
    return new Violation(parent + "." + field, code, index, detail);
  }

  /** Human-readable form: {@code field: detail [CODE] at index N}. Contains no patient data. */
  @Override
  public String toString() {
    return field + ": " + detail + " [" + code + "]" + (index >= 0 ? " at index " + index : "");
  }
}
