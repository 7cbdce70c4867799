package dev.ins.core.matching;

import dev.ins.core.internal.matching.FastNir;

/**
 * Allocation-free check of the mod-97 control key of a canonical matricule, for hot loops (imports,
 * duplicate detection). Use {@link dev.ins.core.Matricule#parse(CharSequence)} when you need to
 * know <em>why</em> a value is wrong; this class only answers yes or no.
 *
 * <p>Input is the canonical form: no spaces, upper-case {@code 2A}/{@code 2B}. The key is
 * {@code 97 − (N mod 97)} with {@code 2A}→19 and {@code 2B}→18 in the department position.
 *
 * <pre>{@code
 * NirKey.isValid("279035121518989"); // true
 * NirKey.key("2790351215189");       // 89
 * }</pre>
 */
public final class NirKey {

  private NirKey() {}

  /**
   * Computes the control key of a 13-character NIR body.
   *
   * @param nir13 exactly 13 characters: digits, or {@code 2A}/{@code 2B} at positions 6–7
   * @return the key 1–97, or -1 when the text is not 13 allowed characters
   */
  public static int key(CharSequence nir13) {
    if (nir13 == null || nir13.length() != 13) {
      return -1;
    }
    return FastNir.key(nir13, 0);
  }

  /**
   * Tells whether 15 characters are a NIR body followed by its correct two-digit key. Only the key
   * arithmetic and the character classes are checked, not the sex digit, month or order rules that
   * {@link dev.ins.core.Matricule#parse(CharSequence)} also applies.
   *
   * @param matricule15 the canonical matricule
   * @return true when the key matches
   */
  public static boolean isValid(CharSequence matricule15) {
    if (matricule15 == null || matricule15.length() != 15) {
      return false;
    }
    int k = FastNir.key(matricule15, 0);
    int d1 = matricule15.charAt(13) - '0';
    int d2 = matricule15.charAt(14) - '0';
    return k > 0 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d1 * 10 + d2 == k;
  }
}
