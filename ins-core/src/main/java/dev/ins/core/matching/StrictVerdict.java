package dev.ins.core.matching;

import java.util.List;
import java.util.Objects;

/**
 * The result of a strict INSi-vs-local comparison: one {@link TraitCheck} per {@link MatchTrait}, in
 * enum order, and the overall {@link Verdict}. Invariant: the verdict is {@code INCOHERENT} when a
 * check is {@code DIFFERENT}, else {@code NEEDS_REVIEW} when a check needs review, else
 * {@code COHERENT}. Holds no patient data, so it can be logged.
 *
 * <pre>{@code
 * StrictVerdict v = StrictMatcher.compare(local, insi);
 * if (v.verdict() == Verdict.INCOHERENT) { alert(v.checks()); }
 * }</pre>
 *
 * @param verdict the overall answer
 * @param checks one check per trait, in {@link MatchTrait} order
 */
public record StrictVerdict(Verdict verdict, List<TraitCheck> checks) {

  /**
   * Checks the invariant.
   *
   * @param verdict see the record component
   * @param checks see the record component
   */
  public StrictVerdict {
    Objects.requireNonNull(verdict, "verdict");
    checks = List.copyOf(checks);
    if (checks.size() != MatchTrait.values().length) {
      throw new IllegalArgumentException("expected one check per trait, got " + checks.size());
    }
    for (int i = 0; i < checks.size(); i++) {
      if (checks.get(i).trait() != MatchTrait.values()[i]) {
        throw new IllegalArgumentException("checks must follow MatchTrait order");
      }
    }
    if (verdict != of(checks)) {
      throw new IllegalArgumentException("verdict " + verdict + " does not follow from the checks");
    }
  }

  /**
   * Derives the verdict from the checks.
   *
   * @param checks the checks
   * @return the verdict they imply
   */
  static Verdict of(List<TraitCheck> checks) {
    boolean review = false;
    for (TraitCheck c : checks) {
      if (c.outcome() == TraitOutcome.DIFFERENT) {
        return Verdict.INCOHERENT;
      }
      review |= c.outcome() == TraitOutcome.NEEDS_REVIEW;
    }
    return review ? Verdict.NEEDS_REVIEW : Verdict.COHERENT;
  }

  /**
   * Returns the check of one trait.
   *
   * @param trait the trait
   * @return its check
   */
  public TraitCheck check(MatchTrait trait) {
    return checks.get(trait.ordinal());
  }
}
