package dev.ins.practice.updates;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares dotted version numbers ({@code 1.87}, {@code 1.85.1}, {@code 0.1.0}); a trailing
 * qualifier ({@code -SNAPSHOT}, {@code b3}) is ignored.
 *
 * <pre>{@code
 * Versions.compare("1.85.1", "1.87") < 0
 * }</pre>
 */
public final class Versions {
  private Versions() {}

  /**
   * Parses the numeric parts.
   *
   * @param v e.g. {@code "1.87"}
   * @return the numbers
   * @throws IllegalArgumentException when it does not start with a number
   */
  public static List<Integer> parse(String v) {
    if (v == null || !v.matches("[0-9]{1,6}(\\.[0-9]{1,6}){0,4}([-+ _a-zA-Z].{0,40})?")) {
      throw new IllegalArgumentException("not a version number");
    }
    List<Integer> out = new ArrayList<>();
    for (String p : v.replaceAll("[-+ _a-zA-Z].*$", "").split("\\.")) {
      out.add(Integer.parseInt(p));
    }
    return out;
  }

  /**
   * Compares two versions.
   *
   * @param a a version
   * @param b another
   * @return negative, zero or positive
   */
  public static int compare(String a, String b) {
    List<Integer> x = parse(a);
    List<Integer> y = parse(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
