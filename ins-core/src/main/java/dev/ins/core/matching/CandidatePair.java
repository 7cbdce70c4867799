package dev.ins.core.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A pair of records proposed for human review, with a score and its explanation. Holds record ids
 * only, never traits.
 *
 * <p>Invariants: {@code idA < idB} ({@link String#compareTo}); score in [0, 1]; the evidence is an
 * unmodifiable set that iterates in {@link Evidence} declaration order, so that its text is the
 * same in every run.
 *
 * <pre>{@code
 * CandidatePair p = pairs.get(0);
 * System.out.println(p.idA() + "," + p.idB() + "," + p.score() + "," + p.kind());
 * }</pre>
 *
 * @param idA the smaller id
 * @param idB the larger id
 * @param score how alike the traits are, 1 for identical
 * @param kind duplicate or collision
 * @param evidence what the score is made of
 */
public record CandidatePair(String idA, String idB, double score, PairKind kind, Set<Evidence> evidence) {

  /**
   * Checks the invariants.
   *
   * @param idA see the record component
   * @param idB see the record component
   * @param score see the record component
   * @param kind see the record component
   * @param evidence see the record component
   */
  public CandidatePair {
    Objects.requireNonNull(idA, "idA");
    Objects.requireNonNull(idB, "idB");
    Objects.requireNonNull(kind, "kind");
    EnumSet<Evidence> ordered = EnumSet.noneOf(Evidence.class);
    for (Evidence e : evidence) {
      ordered.add(Objects.requireNonNull(e, "evidence element"));
    }
    evidence = Collections.unmodifiableSet(ordered);
    if (idA.compareTo(idB) >= 0) {
      throw new IllegalArgumentException("idA must sort before idB");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
  }

  /**
   * Returns the score as the {@code dedup} command prints it: four decimals, rounded half-up on the
   * score's shortest decimal form (the same text as {@code String.format(Locale.ROOT, "%.4f", score)}).
   *
   * @return e.g. {@code "0.8600"}
   */
  public String scoreText() {
    return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
