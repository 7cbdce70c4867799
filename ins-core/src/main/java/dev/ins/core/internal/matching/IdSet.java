package dev.ins.core.internal.matching;

import java.util.Arrays;

/**
 * An exact set of strings without an object per element: the characters in one arena, an
 * open-addressing table of element numbers. About 2 × length + 12 bytes per id, against about a
 * hundred for a {@code HashSet<String>} (whose nodes and strings the garbage collector must also
 * trace and copy). Not thread-safe.
 */
public final class IdSet {

  private char[] chars = new char[1024];
  private int used;
  private int[] start = new int[64];
  private int[] hashes = new int[64];
  private int size;
  /** Element number + 1, 0 when empty. */
  private int[] table = new int[128];

  /** An empty set. */
  public IdSet() {}

  /**
   * Adds a string.
   *
   * @param s the string
   * @return true when it was not in the set yet
   */
  public boolean add(String s) {
    int h = mix(s.hashCode());
    int mask = table.length - 1;
    int len = s.length();
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) {
        append(s, h);
        table[slot] = size;
        if (size * 2 > table.length) {
          rehash();
        }
        return true;
      }
      int k = e - 1;
      if (hashes[k] == h && equalsAt(k, s, len)) {
        return false;
      }
    }
  }

  /**
   * Returns the number of strings.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  private boolean equalsAt(int k, String s, int len) {
    int from = start[k];
    int to = k + 1 < size ? start[k + 1] : used;
    if (to - from != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (chars[from + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void append(String s, int h) {
    int len = s.length();
    if ((long) used + len > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many id characters (2^31)");
    }
    if (used + len > chars.length) {
      chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(used + len, 2L * chars.length)));
    }
    s.getChars(0, len, chars, used);
    if (size == start.length) {
      start = Arrays.copyOf(start, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    start[size] = used;
    hashes[size] = h;
    used += len;
    size++;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int k = 0; k < size; k++) {
      int slot = hashes[k] & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = k + 1;
    }
    table = t;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
