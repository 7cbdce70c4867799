package dev.ins.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns typed input into INS form, or says precisely why it cannot.
 *
 * <p>Steps, in order: whitespace of any kind (tab, no-break spaces) becomes a space; typographic
 * apostrophes ({@code ’ ‘ ʼ ´ `}) become {@code '}; dashes ({@code ‐ ‑ ‒ – — −}) become {@code -};
 * {@code Œ}→{@code OE}, {@code Æ}→{@code AE}, {@code ß}→{@code SS}; diacritics are stripped from
 * Latin letters (precomposed or combining); letters are upper-cased; spaces are trimmed, runs of
 * spaces collapsed, and spaces next to an apostrophe removed ({@code D' Arc}→{@code D'ARC}). Any
 * other character (digit, punctuation, non-Latin letter, control) is <em>rejected</em>, never
 * dropped. The result is then checked against the field's strict rules ({@link TraitValidator}),
 * so every value this class returns is accepted by strict validation, and normalising twice gives
 * the same result.
 *
 * <p>Never apply it to values that came from INSi: they are already canonical; validate them
 * strictly instead.
 *
 * <pre>{@code
 * NameNormalizer.normalize("Élodie  d’Arc–Dupont"); // "ELODIE D'ARC-DUPONT"
 * NameNormalizer.normalize("Œdipe");                 // "OEDIPE"
 * NameNormalizer.normalize("R2D2");                  // InsValidationException UNMAPPABLE_CHARACTER
 * }</pre>
 */
/** Test oracle: the first, unoptimised NameNormalizer, kept verbatim to check the fast path. */
final class NameNormalizerReference {

  private NameNormalizerReference() {}

  /**
   * Normalises typed text with the rules of a name (the most permissive field: {@code --} allowed).
   * Violations are reported under the field path {@code "name"}.
   *
   * @param text the typed text
   * @return the value in INS form
   * @throws InsValidationException when a character has no INS equivalent or the result breaks a
   *     strict rule
   */
  static String normalize(CharSequence text) {
    return normalize(TraitField.BIRTH_NAME, "name", text);
  }

  /**
   * Normalises typed text for one field and checks that field's strict rules.
   *
   * @param field the trait the text is for
   * @param text the typed text
   * @return the value in INS form
   * @throws InsValidationException when a character has no INS equivalent or the result breaks a
   *     strict rule of {@code field}
   */
  static String normalize(TraitField field, CharSequence text) {
    return normalize(field, field.path(), text);
  }

  private static String normalize(TraitField field, String path, CharSequence text) {
    if (text == null) {
      throw InsValidationException.of(path, ViolationCode.REQUIRED, -1, "a value is required");
    }
    String mapped = map(path, text);
    String tidy = tidy(mapped);
    List<Violation> v = TraitValidator.validate(field, tidy);
    if (!v.isEmpty()) {
      List<Violation> rerooted = new ArrayList<>(v.size());
      for (Violation x : v) {
        rerooted.add(new Violation(path, x.code(), x.index(), x.detail() + " (after normalisation)"));
      }
      throw new InsValidationException(rerooted);
    }
    return tidy;
  }

  /** Maps each code point; collects every unmappable one. */
  private static String map(String path, CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    List<Violation> bad = null;
    boolean lastWasLatinLetter = false;
    String s = text.toString();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String rep = replacement(cp, lastWasLatinLetter);
      if (rep == null) {
        if (bad == null) {
          bad = new ArrayList<>();
        }
        bad.add(new Violation(path, ViolationCode.UNMAPPABLE_CHARACTER, i,
            "character U+" + String.format("%04X", cp) + " has no INS equivalent"));
        lastWasLatinLetter = false;
      } else {
        out.append(rep);
        if (!rep.isEmpty()) {
          char last = rep.charAt(rep.length() - 1);
          lastWasLatinLetter = last >= 'A' && last <= 'Z';
        }
      }
      i += Character.charCount(cp);
    }
    if (bad != null) {
      throw new InsValidationException(bad);
    }
    return out.toString();
  }

  /**
   * The INS replacement of one code point: a string (possibly empty for a combining mark that
   * follows a Latin letter) or {@code null} when there is none.
   */
  private static String replacement(int cp, boolean afterLatinLetter) {
    if (cp >= 'A' && cp <= 'Z' || cp == ' ' || cp == '-' || cp == '\'') {
      return String.valueOf((char) cp);
    }
    if (cp >= 'a' && cp <= 'z') {
      return String.valueOf((char) (cp - 32));
    }
    switch (cp) {
      case '\t', 0x00A0, 0x2007, 0x202F, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
          0x2008, 0x2009, 0x200A, 0x3000:
        return " ";
      case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x0060, 0xFF07, 0x2032:
        return "'";
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63, 0xFF0D:
        return "-";
      case 'Œ', 'œ':
        return "OE";
      case 'Æ', 'æ':
        return "AE";
      case 'ß':
        return "SS";
      default:
        break;
    }
    if (cp >= 0x0300 && cp <= 0x036F) {
      return afterLatinLetter ? "" : null; // a combining diacritic on a Latin letter is stripped
    }
    if (Character.isLetter(cp)) {
      String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
      char base = d.charAt(0);
      boolean latin = (base >= 'A' && base <= 'Z') || (base >= 'a' && base <= 'z');
      if (!latin) {
        return null;
      }
      for (int k = 1; k < d.length(); k++) {
        char m = d.charAt(k);
        if (m < 0x0300 || m > 0x036F) {
          return null;
        }
      }
      return String.valueOf(Character.toUpperCase(base));
    }
    return null;
  }

  /** Trims, collapses spaces, removes spaces next to apostrophes. */
  private static String tidy(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        boolean atEdge = b.length() == 0;
        boolean afterSpaceOrApostrophe = !atEdge && (b.charAt(b.length() - 1) == ' ' || b.charAt(b.length() - 1) == '\'');
        if (atEdge || afterSpaceOrApostrophe) {
          continue;
        }
        b.append(c);
      } else if (c == '\'') {
        if (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
          b.setLength(b.length() - 1);
        }
        b.append(c);
      } else {
        b.append(c);
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
    return b.toString();
  }
}
