package dev.ins.phishing;

import java.util.Objects;

/**
 * One piece of evidence behind a verdict: a stable code, the points it weighs and a French message
 * naming the evidence (which link, which attachment, which header).
 *
 * <p>Messages quote only what the message itself shows (a domain, a file name, a header result),
 * shortened, with control and bidirectional characters removed and anything shaped like a NIR
 * masked. They never quote the body beyond the matched lure words.
 *
 * <pre>{@code
 * for (Reason r : assessment.reasons()) {
 *   ui.warn(r.code().name(), r.message());
 * }
 * }</pre>
 *
 * @param code the stable code
 * @param points the weight of this evidence in the score, 0 to 100
 * @param message the French explanation, never blank
 */
public record Reason(ReasonCode code, int points, String message) {

  /**
   * Validates the reason.
   *
   * @param code see the record component
   * @param points see the record component
   * @param message see the record component
   * @throws NullPointerException when the code or the message is null
   * @throws IllegalArgumentException when the points are outside 0 to 100 or the message is blank
   */
  public Reason {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
    if (points < 0 || points > 100) {
      throw new IllegalArgumentException("points: expected 0 to 100, got " + points);
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("message: must not be blank");
    }
  }
}
