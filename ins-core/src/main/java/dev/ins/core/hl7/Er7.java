package dev.ins.core.hl7;

import java.util.ArrayList;
import java.util.List;

/** Splitting helpers for ER7 text (package-private: not API). */
final class Er7 {

  private Er7() {}

  /** Splits on a delimiter, keeping empty parts (an empty string gives one empty part). */
  static String[] split(String s, char delimiter) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == delimiter) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts.toArray(new String[0]);
  }

  /** The part at an index, or "" when absent. */
  static String at(String[] parts, int i) {
    return i < parts.length ? parts[i] : "";
  }
}
