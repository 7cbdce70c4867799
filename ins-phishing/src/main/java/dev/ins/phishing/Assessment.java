package dev.ins.phishing;

import java.util.List;
import java.util.Objects;

/**
 * The result of triaging one message: a verdict, a score from 0 to 100 and the reasons behind it.
 *
 * <p>Invariant: the verdict is {@link Verdict#ofScore(int) Verdict.ofScore(score)}. Reasons are
 * ordered from the heaviest to the lightest. {@link #toString()} lists the codes only.
 *
 * <pre>{@code
 * Assessment a = triage.assess(Path.of("message.eml"));
 * if (a.verdict() != Verdict.SAFE) {
 *   a.reasons().forEach(r -> System.out.println(r.code() + ": " + r.message()));
 * }
 * }</pre>
 *
 * @param verdict the verdict, consistent with the score
 * @param score the score, 0 to 100
 * @param reasons the evidence, heaviest first; may be empty for a safe message
 */
public record Assessment(Verdict verdict, int score, List<Reason> reasons) {

  /**
   * Validates the assessment.
   *
   * @param verdict see the record component
   * @param score see the record component
   * @param reasons see the record component
   * @throws NullPointerException when the verdict or the reasons are null
   * @throws IllegalArgumentException when the score is outside 0 to 100 or does not give the verdict
   */
  public Assessment {
    Objects.requireNonNull(verdict, "verdict == null");
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons == null"));
    if (Verdict.ofScore(score) != verdict) {
      throw new IllegalArgumentException("verdict " + verdict + " does not match score " + score);
    }
  }

  /**
   * Tells whether a reason with this code was found.
   *
   * @param code the code
   * @return true when one of the reasons has it
   */
  public boolean has(ReasonCode code) {
    for (Reason r : reasons) {
      if (r.code() == code) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Assessment[").append(verdict).append(", score=").append(score).append(", reasons=[");
    for (int i = 0; i < reasons.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(reasons.get(i).code());
    }
    return b.append("]]").toString();
  }
}
