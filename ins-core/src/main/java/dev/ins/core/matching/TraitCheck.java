package dev.ins.core.matching;

import java.util.Objects;

/**
 * The outcome of one trait in a strict comparison, with its reason. Holds no patient data.
 *
 * <pre>{@code
 * TraitCheck c = verdict.check(MatchTrait.SEX);
 * c.outcome(); // EQUAL
 * c.reason();  // SAME_VALUE
 * }</pre>
 *
 * @param trait the trait compared
 * @param reason why it got its outcome
 */
public record TraitCheck(MatchTrait trait, TraitReason reason) {

  /**
   * Rejects nulls.
   *
   * @param trait see the record component
   * @param reason see the record component
   */
  public TraitCheck {
    Objects.requireNonNull(trait, "trait");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the outcome implied by the reason.
   *
   * @return the outcome
   */
  public TraitOutcome outcome() {
    return reason.outcome();
  }
}
