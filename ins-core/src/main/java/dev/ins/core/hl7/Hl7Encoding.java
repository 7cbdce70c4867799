package dev.ins.core.hl7;

import dev.ins.core.InsValidationException;
import dev.ins.core.ViolationCode;

/**
 * The HL7 v2 delimiters of a message (MSH-1 and MSH-2) and the escaping they call for.
 *
 * <p>Invariants: five distinct characters, none a letter, a digit, a space or a line break. A value
 * is escaped with {@code \F\} (field), {@code \S\} (component), {@code \T\} (subcomponent),
 * {@code \R\} (repetition) and {@code \E\} (escape), written with this message's escape character.
 * Reading accepts exactly these five sequences; any other sequence (highlighting, hexadecimal,
 * character sets, {@code .br}) is rejected rather than guessed.
 *
 * <pre>{@code
 * Hl7Encoding.DEFAULT.escape("A|B^C");            // "A\F\B\S\C"
 * Hl7Encoding.DEFAULT.unescape("A\\T\\B", "PID-5"); // "A&B"
 * Hl7Encoding.fromMsh("MSH|^~\\&|GAM|...");       // DEFAULT
 * }</pre>
 *
 * @param field the field separator (MSH-1), usually {@code |}
 * @param component the component separator, usually {@code ^}
 * @param repetition the repetition separator, usually {@code ~}
 * @param escape the escape character, usually {@code \}
 * @param subcomponent the subcomponent separator, usually {@code &}
 */
public record Hl7Encoding(char field, char component, char repetition, char escape, char subcomponent) {

  /** The usual delimiters {@code |^~\&}. */
  public static final Hl7Encoding DEFAULT = new Hl7Encoding('|', '^', '~', '\\', '&');

  private static final String FIELD = "MSH-2";

  /**
   * Validates the delimiters.
   *
   * @param field see the record component
   * @param component see the record component
   * @param repetition see the record component
   * @param escape see the record component
   * @param subcomponent see the record component
   */
  public Hl7Encoding {
    char[] all = {field, component, repetition, escape, subcomponent};
    for (int i = 0; i < all.length; i++) {
      char c = all[i];
      if (Character.isLetterOrDigit(c) || c == ' ' || c == '\r' || c == '\n' || c < 0x20 || c > 0x7E) {
        throw InsValidationException.of(FIELD, ViolationCode.INVALID_CHARACTER, i,
            "delimiters are printable ASCII punctuation");
      }
      for (int j = 0; j < i; j++) {
        if (all[j] == c) {
          throw InsValidationException.of(FIELD, ViolationCode.INCONSISTENT, i, "delimiters must be distinct");
        }
      }
    }
  }

  /**
   * Reads the delimiters of an MSH segment: MSH-1 is the character after {@code MSH}, MSH-2 the four
   * characters after it.
   *
   * @param msh the MSH segment (or a whole message starting with it)
   * @return the delimiters
   * @throws InsValidationException when the segment is not an MSH or its delimiters are invalid
   */
  public static Hl7Encoding fromMsh(CharSequence msh) {
    if (msh == null || msh.length() < 8 || !msh.subSequence(0, 3).toString().equals("MSH")) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, 0,
          "a message starts with MSH, the field separator and four encoding characters");
    }
    char f = msh.charAt(3);
    if (msh.length() > 8 && msh.charAt(8) != f) {
      throw InsValidationException.of(FIELD, ViolationCode.INVALID_FORMAT, 8,
          "MSH-2 holds exactly four encoding characters (truncation and other extensions are not supported)");
    }
    return new Hl7Encoding(f, msh.charAt(4), msh.charAt(5), msh.charAt(6), msh.charAt(7));
  }

  /**
   * Returns MSH-2, the four encoding characters.
   *
   * @return e.g. {@code ^~\&}
   */
  public String encodingCharacters() {
    return "" + component + repetition + escape + subcomponent;
  }

  /**
   * Escapes a value so that it can sit in a component or subcomponent.
   *
   * @param value the text, not null
   * @return the escaped text
   */
  public String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      char code = c == field ? 'F' : c == component ? 'S' : c == subcomponent ? 'T' : c == repetition ? 'R'
          : c == escape ? 'E' : 0;
      if (code == 0) {
        b.append(c);
      } else {
        b.append(escape).append(code).append(escape);
      }
    }
    return b.toString();
  }

  /**
   * Reverses {@link #escape}.
   *
   * @param value escaped text as found between delimiters
   * @param where the field path to name in an error, e.g. {@code "PID-5"}
   * @return the plain text
   * @throws InsValidationException for an unterminated or unsupported escape sequence
   */
  public String unescape(String value, String where) {
    if (value.indexOf(escape) < 0) {
      return value;
    }
    StringBuilder b = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != escape) {
        b.append(c);
        i++;
        continue;
      }
      int end = value.indexOf(escape, i + 1);
      if (end < 0) {
        throw InsValidationException.of(where, ViolationCode.INVALID_FORMAT, i, "unterminated escape sequence");
      }
      String seq = value.substring(i + 1, end);
      char plain;
      switch (seq) {
        case "F" -> plain = field;
        case "S" -> plain = component;
        case "T" -> plain = subcomponent;
        case "R" -> plain = repetition;
        case "E" -> plain = escape;
        default -> throw InsValidationException.of(where, ViolationCode.INVALID_FORMAT, i,
            "unsupported escape sequence (only F, S, T, R and E are read)");
      }
      b.append(plain);
      i = end + 1;
    }
    return b.toString();
  }
}
