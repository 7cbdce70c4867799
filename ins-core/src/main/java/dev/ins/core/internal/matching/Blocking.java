package dev.ins.core.internal.matching;

/**
 * The blocking passes of the duplicate detector, as pure functions of a {@link Compact} record:
 * records are compared when they share a key in a pass. Stateless; the local engine and the Spark
 * job call the same functions.
 */
public final class Blocking {

  /** Same matricule. */
  public static final int MATRICULE = 0;
  /** Birth date + first three letters of the birth name (or of the used name, {@link #usedNameKey}). */
  public static final int NAME = 1;
  /** Birth date + first three letters of the first first name. */
  public static final int FIRST = 2;
  /** Birth date + both prefixes, unordered (swapped names). */
  public static final int SWAP = 3;
  /** Year + {month, day} unordered + name prefix (day and month swapped). */
  public static final int DAY_MONTH = 4;
  /** First of the 8 passes with one masked date digit (units of the day) + name prefix. */
  public static final int DIGIT0 = 5;
  /** Same birth name and first name letters, any date. */
  public static final int NO_DATE = 13;
  /** Number of passes. */
  public static final int PASSES = 14;

  private static final int[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

  private Blocking() {}

  /**
   * The key of a record in a pass.
   *
   * @param pass the pass, 0 to {@link #PASSES} - 1
   * @param c the store
   * @param i the record
   * @return the key (below 2^37), or -1 when the record has none in that pass
   */
  public static long key(int pass, Compact c, int i) {
    int d = c.date[i];
    int pn = c.p3Name[i];
    int pf = c.p3First[i];
    switch (pass) {
      case MATRICULE:
        return c.mat[i] < 0 ? -1 : Kernels.mix(pass, c.mat[i]);
      case NAME:
        return d == 0 || pn < 0 ? -1 : Kernels.mix(pass, (long) d << 15 | pn);
      case FIRST:
        return d == 0 || pf < 0 ? -1 : Kernels.mix(pass, (long) d << 15 | pf);
      case SWAP: {
        if (d == 0 || pn < 0 || pf < 0) {
          return -1;
        }
        return Kernels.mix(pass, (long) d << 30 | (long) Math.min(pn, pf) << 15 | Math.max(pn, pf));
      }
      case DAY_MONTH: {
        int m = d / 100 % 100;
        int day = d % 100;
        if (d == 0 || pn < 0 || m == 0 || day == 0 || day > 12 || m == day) {
          return -1;
        }
        long dm = (long) (d / 10000) * 10000 + Math.min(m, day) * 100 + Math.max(m, day);
        return Kernels.mix(pass, dm << 15 | pn);
      }
      case NO_DATE:
        return pn < 0 || pf < 0 ? -1
            : Kernels.mix(pass, (long) hash(c.letters, c.nameOff[i], c.nameLen[i]) << 32
                ^ (hash(c.letters, c.listOff[i], c.firstLen[i]) & 0xFFFFFFFFL));
      default: {
        if (d == 0 || pn < 0) {
          return -1;
        }
        int p = POW10[pass - DIGIT0]; // 0 = units of the day ... 7 = thousands of the year
        long masked = d - (long) (d / p % 10) * p;
        return Kernels.mix(pass, masked << 15 | pn);
      }
    }
  }

  /** {@link java.util.Arrays#hashCode(byte[])} of a range. */
  private static int hash(byte[] b, int off, int len) {
    int h = 1;
    for (int k = 0; k < len; k++) {
      h = 31 * h + b[off + k];
    }
    return h;
  }

  /**
   * The second key of the {@link #NAME} pass: birth date + first three letters of the used name.
   *
   * @param c the store
   * @param i the record
   * @return the key, or -1 when the record has no used name or no date
   */
  public static long usedNameKey(Compact c, int i) {
    return c.date[i] == 0 || c.p3Used[i] < 0 ? -1 : Kernels.mix(NAME, (long) c.date[i] << 15 | c.p3Used[i]);
  }

  /**
   * The order of records inside an oversized block (compared within a sliding window): first four
   * letters of the birth name, then first three of the first name, in 35 bits; ties are broken by
   * record id.
   *
   * @param c the store
   * @param r the record
   * @return the order key
   */
  public static long windowOrder(Compact c, int r) {
    long k = 0;
    byte[] l = c.letters;
    int no = c.nameOff[r];
    int nl = c.nameLen[r];
    for (int i = 0; i < 4; i++) {
      k = k << 5 | (i < nl ? l[no + i] - 'A' + 1 : 0);
    }
    int fo = c.listOff[r];
    int fl = c.firstLen[r];
    for (int i = 0; i < 3; i++) {
      k = k << 5 | (i < fl ? l[fo + i] - 'A' + 1 : 0);
    }
    return k;
  }
}
