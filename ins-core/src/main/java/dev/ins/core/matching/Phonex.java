package dev.ins.core.matching;

/**
 * Phonex, a French phonetic key for names.
 *
 * <p>Algorithm by Frédéric Brouard (1999), published in his course "Soundex, Soundex2, Phonex"
 * (sqlpro.developpez.com/cours/soundex). The rules are applied in Brouard's order on the letters of
 * the name (anything that is not A–Z, such as hyphens, apostrophes and spaces, is skipped, so
 * {@code JEAN-PIERRE} and {@code JEAN PIERRE} share a key): {@code Y}→{@code I}; {@code H} dropped
 * unless after {@code C}, {@code S} or {@code P}; {@code PH}→{@code F}; {@code G} before
 * {@code AN}/{@code AM}/{@code AIN}/{@code AIM}→{@code K}; {@code AIN}/{@code EIN}/{@code AIM}/
 * {@code EIM} before a vowel→{@code YN}; {@code EAU}→{@code O}, {@code OUA}→{@code 2},
 * {@code EIN}/{@code AIN}/{@code EIM}/{@code AIM}→{@code 4}; {@code AI}/{@code EI}→{@code Y},
 * {@code ER}→{@code YR}, {@code ESS}→{@code YS}, {@code ET}→{@code YT}, {@code EZ}→{@code YZ};
 * {@code AN}/{@code AM}/{@code EN}/{@code EM}→{@code 1} and {@code IN}→{@code 4} unless followed by
 * a vowel or a sound 1–4; {@code S} between vowels or sounds→{@code Z}; {@code OE}/{@code EU}→
 * {@code E}, {@code AU}→{@code O}, {@code OI}→{@code 2}, {@code OU}→{@code 3}; {@code SCH}/
 * {@code CH}/{@code SH}→{@code 5}, {@code SS}/{@code SC}→{@code S}; {@code C} before {@code E}/
 * {@code I}→{@code S}; {@code QU}/{@code GU}/{@code C}/{@code Q}→{@code K}, {@code G} before
 * {@code A}/{@code O}→{@code K} (Brouard's {@code GY} rule cannot apply once {@code Y} is {@code I}); {@code A}→{@code O}, {@code D}/{@code P}→{@code T},
 * {@code J}→{@code G}, {@code B}/{@code V}→{@code F}, {@code M}→{@code N}; doubled letters
 * collapsed; a final {@code T} or {@code X} dropped.
 *
 * <p>The key returned is the string form reached after those rules; Brouard's last step, which
 * turns that string into a floating-point number, is left out because equality of the strings is
 * what matching needs. The key of a name with no letter is the empty string.
 *
 * <pre>{@code
 * Phonex.encode("GAUTHIER").equals(Phonex.encode("GAUTIER")); // true
 * Phonex.encode("FAURE").equals(Phonex.encode("FAURES"));     // false (only T and X are dropped)
 * }</pre>
 */
public final class Phonex {

  private Phonex() {}

  /**
   * Computes the Phonex key of a name.
   *
   * @param name the name, ideally in INS form (lower case letters are upper-cased, other
   *     characters skipped)
   * @return the key, possibly empty
   * @throws NullPointerException if {@code name} is null
   */
  public static String encode(CharSequence name) {
    return dev.ins.core.internal.matching.PhonexCode.encode(name);
  }
}
