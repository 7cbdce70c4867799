package dev.ins.core.internal;

/**
 * The one implementation of the RNIV first-name rule: two first-name texts compared part by part,
 * hyphen, apostrophe and space being the same separator (Guide INS EXI ID 10, RNIV EXI SI 29/30, as
 * cited by secondary sources). {@link dev.ins.core.FirstNames#acceptsFirstName},
 * {@link dev.ins.core.matching.StrictMatcher}, the FHIR reader and the HL7 reader all call it.
 */
public final class FirstNameParts {

  private FirstNameParts() {}

  /**
   * Compares {@code a} with the start of {@code b}, separators equivalent and runs of separators
   * counting as one.
   *
   * @param a the shorter text expected (e.g. a first birth first name)
   * @param b the longer text (e.g. the list of birth first names)
   * @return -1 when {@code a} is not a whole-part prefix of {@code b} (or is empty), 0 when both hold
   *     the same parts, 1 when {@code b} has more parts
   */
  public static int prefix(CharSequence a, CharSequence b) {
    int i = 0;
    int j = 0;
    int na = a.length();
    int nb = b.length();
    if (na == 0) {
      return -1;
    }
    while (i < na && j < nb) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      boolean sx = isSeparator(x);
      boolean sy = isSeparator(y);
      if (sx && sy) {
        while (i < na && isSeparator(a.charAt(i))) {
          i++;
        }
        while (j < nb && isSeparator(b.charAt(j))) {
          j++;
        }
      } else if (x == y) {
        i++;
        j++;
      } else {
        return -1;
      }
    }
    while (i < na && isSeparator(a.charAt(i))) {
      i++;
    }
    if (i < na) {
      return -1;
    }
    if (j == nb) {
      return 0;
    }
    return isSeparator(b.charAt(j)) ? 1 : -1;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '\'';
  }
}
