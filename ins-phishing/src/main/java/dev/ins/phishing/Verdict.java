package dev.ins.phishing;

/**
 * The triage verdict of one message, a pure function of its score.
 *
 * <p>{@link #SAFE} below {@value #SUSPICIOUS_FROM} points, {@link #SUSPICIOUS} from
 * {@value #SUSPICIOUS_FROM}, {@link #DANGEROUS} from {@value #DANGEROUS_FROM}. Decisive evidence (an
 * executable attachment, a look-alike sender domain) carries enough points on its own to make a
 * message dangerous; a message that cannot be parsed carries enough to make it suspicious.
 *
 * <pre>{@code
 * Verdict.ofScore(45); // SUSPICIOUS
 * }</pre>
 */
public enum Verdict {
  /** Nothing found that justifies a warning. */
  SAFE,
  /** Show a warning: the practitioner should check the sender, the links and the attachments. */
  SUSPICIOUS,
  /** Quarantine: malware or strong impersonation. */
  DANGEROUS;

  /** The lowest score of a suspicious message. */
  public static final int SUSPICIOUS_FROM = 30;
  /** The lowest score of a dangerous message. */
  public static final int DANGEROUS_FROM = 70;

  /**
   * Returns the verdict of a score.
   *
   * @param score the score, 0 to 100
   * @return the verdict
   * @throws IllegalArgumentException when the score is outside 0 to 100
   */
  public static Verdict ofScore(int score) {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score: expected 0 to 100, got " + score);
    }
    return score >= DANGEROUS_FROM ? DANGEROUS : score >= SUSPICIOUS_FROM ? SUSPICIOUS : SAFE;
  }
}
