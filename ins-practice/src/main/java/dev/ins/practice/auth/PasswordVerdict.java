package dev.ins.practice.auth;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PasswordStrengthMeter} says about a password: its estimated strength in bits, the
 * zxcvbn view (score, guesses), which patterns weakened it, and feedback in French. It never holds
 * the password.
 *
 * <pre>{@code
 * PasswordVerdict v = PasswordStrengthMeter.french().evaluate(pw, List.of("Cabinet du Parc", "Riom"));
 * if (!v.meets(CnilThreshold.PASSWORD_ONLY)) show(v.warning(), v.suggestions());
 * }</pre>
 *
 * @param bits the estimate used against the CNIL thresholds: zxcvbn's decomposition, where the
 *     parts zxcvbn could not explain by a pattern count as the CNIL counts random characters
 * @param zxcvbnBits zxcvbn's own estimate, {@code log2(guesses)}
 * @param score zxcvbn's score, 0 (too guessable) to 4 (very unguessable)
 * @param patterns the patterns zxcvbn found, e.g. {@code ["repeat"]}, {@code ["dictionary:fr_first_names", "bruteforce"]}
 * @param warning zxcvbn's warning in French, empty when none
 * @param suggestions zxcvbn's suggestions in French
 */
public record PasswordVerdict(double bits, double zxcvbnBits, int score, List<String> patterns, String warning,
    List<String> suggestions) {

  /**
   * Copies the lists.
   *
   * @param bits non-negative
   * @param zxcvbnBits non-negative
   * @param score 0..4
   * @param patterns not null
   * @param warning not null
   * @param suggestions not null
   */
  public PasswordVerdict {
    if (bits < 0 || zxcvbnBits < 0 || score < 0 || score > 4) {
      throw new IllegalArgumentException("bits must be non-negative and score 0..4");
    }
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(warning, "warning == null");
    suggestions = List.copyOf(suggestions);
  }

  /**
   * Tells whether the estimate reaches a CNIL threshold (rounded to the nearest bit, as the CNIL's
   * own examples are: 12 characters from 99 symbols give 79.6 bits, counted as 80).
   *
   * @param threshold the context
   * @return true when reached
   */
  public boolean meets(CnilThreshold threshold) {
    return Math.round(bits) >= threshold.bits();
  }
}
