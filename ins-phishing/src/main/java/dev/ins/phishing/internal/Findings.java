package dev.ins.phishing.internal;

import dev.ins.phishing.Assessment;
import dev.ins.phishing.Reason;
import dev.ins.phishing.ReasonCode;
import dev.ins.phishing.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the reasons found in one message and turns them into an {@link Assessment}.
 *
 * <p>Scoring: each code counts once, with the largest points among its reasons (ten shortened links
 * weigh what one does); the {@code LURE_*} codes together count for at most
 * {@link ReasonCode#LURE_CAP}; the sum is capped at 100. At most {@value #PER_CODE} reasons are kept
 * per code, and identical messages once.
 */
public final class Findings {

  /** The most reasons listed per code. */
  public static final int PER_CODE = 5;

  private final Map<ReasonCode, List<Reason>> byCode = new EnumMap<>(ReasonCode.class);
  private final Set<String> seen = new HashSet<>();

  /** Creates an empty collector. */
  public Findings() {}

  /**
   * Adds a reason.
   *
   * @param code the code
   * @param points its points
   * @param message the French message
   */
  public void add(ReasonCode code, int points, String message) {
    if (!seen.add(code.name() + '\u0000' + message)) {
      return;
    }
    List<Reason> list = byCode.computeIfAbsent(code, c -> new ArrayList<>(2));
    Reason r = new Reason(code, points, message);
    if (list.size() < PER_CODE) {
      list.add(r);
    } else {
      // Keep the heaviest ones when there are too many.
      int weakest = 0;
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i).points() < list.get(weakest).points()) {
          weakest = i;
        }
      }
      if (list.get(weakest).points() < points) {
        list.set(weakest, r);
      }
    }
  }

  /**
   * Tells whether a code was found.
   *
   * @param code the code
   * @return true when at least one reason has it
   */
  public boolean has(ReasonCode code) {
    return byCode.containsKey(code);
  }

  /**
   * Returns the largest points of a code, 0 when absent.
   *
   * @param code the code
   * @return the points
   */
  public int points(ReasonCode code) {
    int max = 0;
    for (Reason r : byCode.getOrDefault(code, List.of())) {
      max = Math.max(max, r.points());
    }
    return max;
  }

  /**
   * Computes the score and the verdict.
   *
   * @return the assessment
   */
  public Assessment assessment() {
    int score = 0;
    int lure = 0;
    List<Reason> all = new ArrayList<>();
    for (Map.Entry<ReasonCode, List<Reason>> e : byCode.entrySet()) {
      int p = points(e.getKey());
      if (e.getKey().category() == ReasonCode.Category.CONTENT) {
        lure += p;
      } else {
        score += p;
      }
      all.addAll(e.getValue());
    }
    score = Math.min(100, score + Math.min(lure, ReasonCode.LURE_CAP));
    all.sort(Comparator.comparingInt(Reason::points).reversed().thenComparing(Reason::code));
    return new Assessment(Verdict.ofScore(score), score, all);
  }
}
