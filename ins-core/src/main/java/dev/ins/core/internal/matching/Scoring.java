package dev.ins.core.internal.matching;

import dev.ins.core.matching.Evidence;
import java.util.Arrays;

/**
 * The score of a pair of {@link Compact} records: names × date × penalties. A pure, symmetric
 * function ({@code score(x, y) == score(y, x)}), shared by the local engine and the Spark job.
 */
public final class Scoring {

  private static final double PHONETIC_FLOOR = 0.9;
  /** Floor for names one edit apart (substitution, insertion, deletion, adjacent swap), 3+ letters. */
  private static final double ONE_EDIT_FLOOR = 0.9;

  private static final int E_NAME_EQUAL = 1 << Evidence.NAME_EQUAL.ordinal();
  private static final int E_NAME_SIMILAR = 1 << Evidence.NAME_SIMILAR.ordinal();
  private static final int E_NAME_PHONETIC = 1 << Evidence.NAME_PHONETIC.ordinal();
  private static final int E_USED = 1 << Evidence.USED_NAME.ordinal();
  private static final int E_FIRST_EQUAL = 1 << Evidence.FIRST_NAME_EQUAL.ordinal();
  private static final int E_FIRST_SIMILAR = 1 << Evidence.FIRST_NAME_SIMILAR.ordinal();
  private static final int E_SWAPPED = 1 << Evidence.NAMES_SWAPPED.ordinal();

  private Scoring() {}

  /** A scored pair: score, evidence bits (by {@link Evidence} ordinal), collision flag. */
  public static final class Result {
    /** The score in [0, 1]. */
    public final double score;
    /** Evidence bits, bit i for {@code Evidence.values()[i]}. */
    public final int evidence;
    /** Same matricule, different traits. */
    public final boolean collision;

    Result(double score, int evidence, boolean collision) {
      this.score = score;
      this.evidence = evidence;
      this.collision = collision;
    }
  }

  private static double sim(byte[] x, byte[] y, long px, long py) {
    if (x == null || y == null) {
      return -1;
    }
    if (Arrays.equals(x, y)) {
      return 1;
    }
    // Jaro-Winkler's greedy matching may depend on the argument order when both have the same
    // length: give it a canonical order so that the score never depends on the record order.
    double j = x.length == y.length && Arrays.compare(x, y) > 0 ? Kernels.jaroWinkler(y, x) : Kernels.jaroWinkler(x, y);
    if (j < ONE_EDIT_FLOOR && Kernels.withinOneEdit(x, y)) {
      j = ONE_EDIT_FLOOR;
    }
    return px != 0 && px == py ? Math.max(j, PHONETIC_FLOOR) : j;
  }

  /**
   * Scores a pair.
   *
   * @param a a record
   * @param b another record
   * @param minScore the smallest duplicate score reported
   * @return the result, or null when the pair is neither a duplicate scoring at least
   *     {@code minScore} nor a collision
   */
  public static Result score(Compact a, Compact b, double minScore) {
    boolean sameMat = a.mat >= 0 && a.mat == b.mat;
    int ev = 0;
    double factor;
    int rel = Kernels.dateRelation(a.date, b.date);
    switch (rel) {
      case Kernels.DATE_EQUAL -> {
        factor = 1;
        ev |= 1 << Evidence.DATE_EQUAL.ordinal();
      }
      case Kernels.DATE_DAY_MONTH -> {
        factor = 0.92;
        ev |= 1 << Evidence.DATE_DAY_MONTH_SWAPPED.ordinal();
      }
      case Kernels.DATE_ONE_DIGIT -> {
        factor = 0.9;
        ev |= 1 << Evidence.DATE_ONE_DIGIT.ordinal();
      }
      case Kernels.DATE_TRANSPOSED -> {
        factor = 0.88;
        ev |= 1 << Evidence.DATE_DIGITS_TRANSPOSED.ordinal();
      }
      case Kernels.DATE_MISSING -> {
        factor = 0.6;
        ev |= 1 << Evidence.DATE_MISSING.ordinal();
      }
      default -> factor = 0;
    }
    if (a.sex != 0 && b.sex != 0 && a.sex != b.sex) {
      factor *= 0.6;
      ev |= 1 << Evidence.SEX_DIFFERS.ordinal();
    }
    if (a.place != 0 && b.place != 0 && a.place != b.place) {
      factor *= 0.8;
      ev |= 1 << Evidence.BIRTHPLACE_DIFFERS.ordinal();
    }
    if (sameMat) {
      ev |= 1 << Evidence.SAME_MATRICULE.ordinal();
    } else if (a.mat >= 0 && b.mat >= 0) {
      factor *= 0.9;
      ev |= 1 << Evidence.DIFFERENT_MATRICULES.ordinal();
    }
    if (factor < minScore && !sameMat) {
      return null;
    }
    // names: birth vs birth, and used names both ways
    double ns = sim(a.name, b.name, a.phName, b.phName);
    int nameEv = nameEvidence(ns, a.name, b.name, a.phName, b.phName);
    double u1 = sim(a.used, b.name, a.phUsed, b.phName);
    double u2 = sim(a.name, b.used, a.phName, b.phUsed);
    double u3 = sim(a.used, b.used, a.phUsed, b.phUsed);
    double nu = Math.max(u1, Math.max(u2, u3));
    if (nu > ns) {
      ns = nu;
      nameEv = E_USED | (nu == 1 ? E_NAME_EQUAL : E_NAME_SIMILAR);
    }
    double fs = sim(a.first, b.first, a.phFirst, b.phFirst);
    int firstEv = nameEvidence(fs, a.first, b.first, a.phFirst, b.phFirst) << 4;
    double ls = sim(a.list, b.list, 0, 0);
    if (ls > fs) {
      fs = ls;
      firstEv = ls == 1 ? E_FIRST_EQUAL : E_FIRST_SIMILAR;
    }
    double direct = Math.max(ns, 0) * Math.max(fs, 0);
    double c1 = sim(a.name, b.first, a.phName, b.phFirst);
    double c2 = sim(a.first, b.name, a.phFirst, b.phName);
    double crossed = Math.max(c1, 0) * Math.max(c2, 0) * 0.98;
    double names;
    if (crossed > direct) {
      names = crossed;
      ev |= E_SWAPPED;
    } else {
      names = direct;
      ev |= nameEv | firstEv;
    }
    double score = Math.min(1, Math.max(0, names * factor));
    boolean identical = sameMat && rel == Kernels.DATE_EQUAL && score == 1
        && Arrays.equals(a.name, b.name) && Arrays.equals(a.list, b.list)
        && a.sex == b.sex && a.place == b.place;
    if (sameMat && !identical) {
      return new Result(score, ev, true);
    }
    return score >= minScore ? new Result(score, ev, false) : null;
  }

  /** Evidence bits of a name comparison, in the NAME_* positions (shifted by 4 for first names). */
  private static int nameEvidence(double s, byte[] x, byte[] y, long px, long py) {
    if (s < 0) {
      return 0;
    }
    if (s == 1 && Arrays.equals(x, y)) {
      return E_NAME_EQUAL;
    }
    int e = E_NAME_SIMILAR;
    if (px != 0 && px == py) {
      e |= E_NAME_PHONETIC;
    }
    return e;
  }
}
