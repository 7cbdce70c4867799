package dev.ins.security.password;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Estimates a password's entropy the way the CNIL's 2022 recommendation counts it, and checks it
 * against the CNIL thresholds: 80 bits for a password alone, 50 bits with brute-force limits, 13
 * bits for a device that locks after 3 failures.
 *
 * <p>Estimate: length times log2 of the alphabet (26 lower-case, 26 upper-case, 10 digits, 37
 * specials as the CNIL counts them, 100 for other characters), where a character equal to, or
 * one step from, the previous one counts 1 bit only ("aaaa", "1234", "abcd" are not random). A
 * passphrase (4 or more words separated by spaces or dashes) is counted at 11 bits per word,
 * following the CNIL's "7 words for 80 bits" example. It is an upper bound for random-looking
 * input; it does not know dictionaries, so pair it with a deny list of common passwords. The
 * estimate is rounded to the nearest bit before comparison, as the CNIL's own examples are (12
 * characters from 99 symbols give 79.6 bits, which the CNIL counts as 80).
 *
 * <pre>{@code
 * PasswordStrength.Estimate e = PasswordStrength.estimate("Tr0ub4dor&3xyz!".toCharArray());
 * boolean ok = e.meets(PasswordStrength.CnilLevel.PASSWORD_ONLY);
 * }</pre>
 *
 * @deprecated it counts composition only, so repetitions such as {@code a a a a a a a a} or
 *     {@code acacacacacacacacac} pass the CNIL thresholds. Use ins-practice's
 *     {@code dev.ins.practice.auth.PasswordStrengthMeter} (zxcvbn with French dictionaries and the
 *     user's own data, same CNIL thresholds); kept for binary compatibility, to be removed in 1.0.
 */
@Deprecated(since = "0.1.0", forRemoval = false)
public final class PasswordStrength {
  private PasswordStrength() {}

  /** The CNIL 2022 thresholds. */
  public enum CnilLevel {
    /** Password is the only factor: 80 bits. */
    PASSWORD_ONLY(80),
    /** Access restricted after failures (delay, captcha, lockout): 50 bits. */
    WITH_BRUTE_FORCE_LIMITS(50),
    /** Secret held on a device that locks after 3 failures (PIN of a card): 13 bits. */
    DEVICE_LOCKOUT(13);

    private final int bits;

    CnilLevel(int bits) {
      this.bits = bits;
    }

    /**
     * Returns the threshold.
     *
     * @return bits of entropy
     */
    public int bits() {
      return bits;
    }
  }

  /** Character classes counted. */
  public enum CharClass {
    /** a-z. */
    LOWER,
    /** A-Z. */
    UPPER,
    /** 0-9. */
    DIGIT,
    /** ASCII punctuation and space. */
    SPECIAL,
    /** Anything else (accented letters...). */
    OTHER
  }

  /**
   * An estimate.
   *
   * @param bits the estimated entropy in bits
   * @param classes the classes present
   * @param passphrase whether it was counted as a passphrase
   */
  public record Estimate(double bits, Set<CharClass> classes, boolean passphrase) {
    /**
     * Copies the classes.
     *
     * @param bits entropy
     * @param classes classes
     * @param passphrase passphrase flag
     */
    public Estimate {
      classes = Set.copyOf(classes);
    }

    /**
     * Tells whether the estimate reaches a CNIL threshold.
     *
     * @param level the context
     * @return true when the estimate, rounded to the nearest bit, reaches {@code level.bits()}
     */
    public boolean meets(CnilLevel level) {
      return Math.round(bits) >= level.bits();
    }
  }

  /**
   * Estimates a password.
   *
   * @param password the password, not null (not kept)
   * @return the estimate
   */
  public static Estimate estimate(char[] password) {
    Objects.requireNonNull(password, "password == null");
    EnumSet<CharClass> classes = EnumSet.noneOf(CharClass.class);
    for (char c : password) {
      classes.add(classOf(c));
    }
    int pool = 0;
    for (CharClass k : classes) {
      pool += k == CharClass.LOWER || k == CharClass.UPPER ? 26 : k == CharClass.DIGIT ? 10 : k == CharClass.SPECIAL ? 37 : 100;
    }
    double perChar = pool == 0 ? 0 : Math.log(pool) / Math.log(2);
    double bits = 0;
    for (int i = 0; i < password.length; i++) {
      boolean predictable = i > 0 && Math.abs(password[i] - password[i - 1]) <= 1;
      bits += predictable ? 1 : perChar;
    }
    int words = 0;
    boolean inWord = false;
    boolean onlyLettersAndSeparators = true;
    for (char c : password) {
      boolean sep = c == ' ' || c == '-';
      if (!sep && !Character.isLetter(c)) {
        onlyLettersAndSeparators = false;
      }
      if (!sep && !inWord) {
        words++;
      }
      inWord = !sep;
    }
    boolean passphrase = onlyLettersAndSeparators && words >= 4;
    if (passphrase) {
      bits = Math.min(bits, words * 11.0);
    }
    return new Estimate(bits, classes, passphrase);
  }

  private static CharClass classOf(char c) {
    if (c >= 'a' && c <= 'z') {
      return CharClass.LOWER;
    }
    if (c >= 'A' && c <= 'Z') {
      return CharClass.UPPER;
    }
    if (c >= '0' && c <= '9') {
      return CharClass.DIGIT;
    }
    if (c >= 0x20 && c < 0x7f) {
      return CharClass.SPECIAL;
    }
    return CharClass.OTHER;
  }
}
