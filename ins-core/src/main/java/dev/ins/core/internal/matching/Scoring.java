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

  /** Similarity of two names (letters ranges); -1 when either is unknown. */
  private static double sim(byte[] x, int xo, int xl, byte[] y, int yo, int yl, long px, long py) {
    if (xl < 0 || yl < 0) {
      return -1;
    }
    if (xl == yl && Arrays.equals(x, xo, xo + xl, y, yo, yo + yl)) {
      return 1;
    }
    // Jaro-Winkler's greedy matching may depend on the argument order when both have the same
    // length: give it a canonical order so that the score never depends on the record order.
    double j = xl == yl && Arrays.compare(x, xo, xo + xl, y, yo, yo + yl) > 0
        ? Kernels.jaroWinkler(y, yo, yl, x, xo, xl) : Kernels.jaroWinkler(x, xo, xl, y, yo, yl);
    if (j < ONE_EDIT_FLOOR && Kernels.withinOneEdit(x, xo, xl, y, yo, yl)) {
      j = ONE_EDIT_FLOOR;
    }
    return px != 0 && px == py ? Math.max(j, PHONETIC_FLOOR) : j;
  }

  private static boolean equal(byte[] x, int xo, int xl, byte[] y, int yo, int yl) {
    return xl == yl && (xl < 0 || Arrays.equals(x, xo, xo + xl, y, yo, yo + yl));
  }

  /**
   * Scores a pair.
   *
   * @param a a store
   * @param i a record of it
   * @param b a store (may be {@code a})
   * @param j a record of it
   * @param minScore the smallest duplicate score reported
   * @return the result, or null when the pair is neither a duplicate scoring at least
   *     {@code minScore} nor a collision
   */
  public static Result score(Compact a, int i, Compact b, int j, double minScore) {
    long matA = a.mat[i];
    long matB = b.mat[j];
    boolean sameMat = matA >= 0 && matA == matB;
    int ev = 0;
    double factor;
    int rel = Kernels.dateRelation(a.date[i], b.date[j]);
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
    byte sa = a.sex[i];
    byte sb = b.sex[j];
    if (sa != 0 && sb != 0 && sa != sb) {
      factor *= 0.6;
      ev |= 1 << Evidence.SEX_DIFFERS.ordinal();
    }
    int pa = a.place[i];
    int pb = b.place[j];
    if (pa != 0 && pb != 0 && pa != pb) {
      factor *= 0.8;
      ev |= 1 << Evidence.BIRTHPLACE_DIFFERS.ordinal();
    }
    if (sameMat) {
      ev |= 1 << Evidence.SAME_MATRICULE.ordinal();
    } else if (matA >= 0 && matB >= 0) {
      factor *= 0.9;
      ev |= 1 << Evidence.DIFFERENT_MATRICULES.ordinal();
    }
    if (factor < minScore && !sameMat) {
      return null;
    }
    byte[] la = a.letters;
    byte[] lb = b.letters;
    int nao = a.nameOff[i];
    int nal = a.nameLen[i];
    int nbo = b.nameOff[j];
    int nbl = b.nameLen[j];
    int uao = a.usedOff[i];
    int ual = a.usedLen[i];
    int ubo = b.usedOff[j];
    int ubl = b.usedLen[j];
    int fao = a.listOff[i];
    int fal = a.firstLen[i];
    int fbo = b.listOff[j];
    int fbl = b.firstLen[j];
    int lal = a.listLen[i];
    int lbl = b.listLen[j];
    long pna = a.phName[i];
    long pnb = b.phName[j];
    long pua = a.phUsed[i];
    long pub = b.phUsed[j];
    long pfa = a.phFirst[i];
    long pfb = b.phFirst[j];
    // names: birth vs birth, and used names both ways
    double ns = sim(la, nao, nal, lb, nbo, nbl, pna, pnb);
    int nameEv = nameEvidence(ns, equal(la, nao, nal, lb, nbo, nbl), pna, pnb);
    double u1 = sim(la, uao, ual, lb, nbo, nbl, pua, pnb);
    double u2 = sim(la, nao, nal, lb, ubo, ubl, pna, pub);
    double u3 = sim(la, uao, ual, lb, ubo, ubl, pua, pub);
    double nu = Math.max(u1, Math.max(u2, u3));
    if (nu > ns) {
      ns = nu;
      nameEv = E_USED | (nu == 1 ? E_NAME_EQUAL : E_NAME_SIMILAR);
    }
    double fs = sim(la, fao, fal, lb, fbo, fbl, pfa, pfb);
    int firstEv = nameEvidence(fs, equal(la, fao, fal, lb, fbo, fbl), pfa, pfb) << 4;
    double ls = sim(la, fao, lal, lb, fbo, lbl, 0, 0);
    if (ls > fs) {
      fs = ls;
      firstEv = ls == 1 ? E_FIRST_EQUAL : E_FIRST_SIMILAR;
    }
    double direct = Math.max(ns, 0) * Math.max(fs, 0);
    double c1 = sim(la, nao, nal, lb, fbo, fbl, pna, pfb);
    double c2 = sim(la, fao, fal, lb, nbo, nbl, pfa, pnb);
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
        && equal(la, nao, nal, lb, nbo, nbl) && equal(la, fao, lal, lb, fbo, lbl)
        && sa == sb && pa == pb;
    if (sameMat && !identical) {
      return new Result(score, ev, true);
    }
    return score >= minScore ? new Result(score, ev, false) : null;
  }

  /** Evidence bits of a name comparison, in the NAME_* positions (shifted by 4 for first names). */
  private static int nameEvidence(double s, boolean equal, long px, long py) {
    if (s < 0) {
      return 0;
    }
    if (s == 1 && equal) {
      return E_NAME_EQUAL;
    }
    int e = E_NAME_SIMILAR;
    if (px != 0 && px == py) {
      e |= E_NAME_PHONETIC;
    }
    return e;
  }
}
