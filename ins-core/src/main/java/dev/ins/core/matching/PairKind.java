package dev.ins.core.matching;

/**
 * What a candidate pair is suspected to be.
 *
 * <pre>{@code
 * if (pair.kind() == PairKind.COLLISION) { escalate(pair); }
 * }</pre>
 */
public enum PairKind {
  /** Two records that probably describe the same person (a potential duplicate). */
  DUPLICATE,
  /** Two records that share a matricule but whose traits differ: one number, possibly two people. */
  COLLISION
}
