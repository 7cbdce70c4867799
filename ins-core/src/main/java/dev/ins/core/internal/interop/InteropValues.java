package dev.ins.core.internal.interop;

import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;

/** Strict readings shared by the interoperability formats (no typed-input leniency). */
public final class InteropValues {

  private InteropValues() {}

  /**
   * Reads a matricule exactly as exchanged: 15 characters, digits, {@code 2A}/{@code 2B} in the
   * department position; no spaces, no lowercase (unlike {@link Matricule#parse}, meant for typing).
   *
   * @param value the text
   * @return the matricule
   * @throws InsValidationException on field {@code matricule}
   */
  public static Matricule matricule(String value) {
    if (value.length() != 15) {
      throw InsValidationException.of("matricule", ViolationCode.INVALID_LENGTH, -1,
          "expected 15 characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && !(i == 6 && (c == 'A' || c == 'B'))) {
        throw InsValidationException.of("matricule", ViolationCode.INVALID_FORMAT, i,
            "15 digits expected, 2A or 2B allowed for the department");
      }
    }
    return Matricule.parse(value);
  }
}
