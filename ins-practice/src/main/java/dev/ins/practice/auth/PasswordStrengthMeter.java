package dev.ins.practice.auth;

import com.nulabinc.zxcvbn.Context;
import com.nulabinc.zxcvbn.Matching;
import com.nulabinc.zxcvbn.Scoring;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Keyboard;
import com.nulabinc.zxcvbn.matchers.Match;
import com.nulabinc.zxcvbn.matchers.SlantedKeyboardLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Password strength for the practice software on zxcvbn (pattern matching: common passwords,
 * French and English words, first names and surnames, the user's own data, repeats, sequences,
 * keyboard walks on QWERTY and AZERTY, dates, l33t), mapped to the CNIL's thresholds.
 *
 * <p>The estimate in bits is the cheapest decomposition of the password into zxcvbn's matches
 * (of 3 characters or more), each costing {@code log2} of its guesses, and characters no pattern
 * explains, each costing what the CNIL counts for a random character ({@code log2(alphabet)},
 * with 26 lower-case, 26 upper-case, 10 digits, 37 specials and 100 for other characters, for the
 * classes present in the password). So {@code Kq7#vT2!pZ9&} reaches the CNIL's 80 bits as in
 * its own example, while {@code a a a a a a a a}, {@code x-x-x-x-x-x-x-x} and {@code
 * acacacacacacacacac}, which count 80+ bits by composition alone, fall to a few bits. User inputs
 * (practice name and city, the user's names and login) are split into words and matched as a
 * dictionary. Passwords longer than 100 characters are measured on their first 100 (zxcvbn's cost
 * grows with length), which can only under-estimate. Thread-safe; {@link #french()} loads the
 * dictionaries once (about 40,000 French entries, see the NOTICE beside them).
 *
 * <pre>{@code
 * PasswordVerdict v = PasswordStrengthMeter.french()
 *     .evaluate(password, List.of("Cabinet dentaire du Parc", "Riom", "Martin", "Claire"));
 * boolean ok = v.meets(CnilThreshold.WITH_BRUTE_FORCE_LIMITS);   // with LoginThrottle in front
 * }</pre>
 */
public final class PasswordStrengthMeter {
  /** The longest prefix measured. */
  public static final int MAX_MEASURED = 100;

  private static final String DICT = "/dev/ins/practice/auth/";
  private static volatile PasswordStrengthMeter french;

  private final Zxcvbn zxcvbn;
  private final Context context;

  private PasswordStrengthMeter(Zxcvbn zxcvbn, Context context) {
    this.zxcvbn = zxcvbn;
    this.context = context;
  }

  /**
   * Returns the meter with zxcvbn's standard dictionaries and keyboards plus the French ones
   * (common words, first names, surnames) and the AZERTY layout.
   *
   * @return the shared meter
   */
  public static PasswordStrengthMeter french() {
    PasswordStrengthMeter m = french;
    if (m == null) {
      synchronized (PasswordStrengthMeter.class) {
        if (french == null) {
          french = build();
        }
        m = french;
      }
    }
    return m;
  }

  private static PasswordStrengthMeter build() {
    try {
      List<Dictionary> dicts = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
      dicts.add(new Dictionary("fr_common_words", words("fr-common-words.txt")));
      dicts.add(new Dictionary("fr_first_names", words("fr-first-names.txt")));
      dicts.add(new Dictionary("fr_surnames", words("fr-surnames.txt")));
      List<Keyboard> keyboards = new ArrayList<>(StandardKeyboards.loadAllKeyboards());
      keyboards.add(new SlantedKeyboardLoader("azerty", () -> resource("azerty.txt")).load());
      Map<String, Dictionary> dictMap = new LinkedHashMap<>();
      dicts.forEach(d -> dictMap.put(d.getName(), d));
      Map<String, Keyboard> keyMap = new LinkedHashMap<>();
      keyboards.forEach(k -> keyMap.put(k.getName(), k));
      return new PasswordStrengthMeter(new ZxcvbnBuilder().dictionaries(dicts).keyboards(keyboards).build(),
          new Context(dictMap, keyMap));
    } catch (IOException e) {
      throw new UncheckedIOException("the password dictionaries shipped with ins-practice cannot be read", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = PasswordStrengthMeter.class.getResourceAsStream(DICT + name);
    if (in == null) {
      throw new IOException("missing resource " + DICT + name);
    }
    return in;
  }

  private static List<String> words(String name) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  /**
   * Evaluates a password.
   *
   * @param password the password (not kept, not copied into a String)
   * @param userInputs what an attacker knows of the user and the practice (names, login, practice
   *     name and city, e-mail); each is also split into words of 3+ letters
   * @return the verdict
   */
  public PasswordVerdict evaluate(char[] password, List<String> userInputs) {
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(userInputs, "userInputs == null");
    if (password.length == 0) {
      return new PasswordVerdict(0, 0, 0, List.of(), "Le mot de passe est vide.", List.of());
    }
    int n = Math.min(password.length, MAX_MEASURED);
    CharBuffer pw = CharBuffer.wrap(password, 0, n);
    List<String> inputs = inputs(userInputs);
    Strength s = zxcvbn.measure(pw, inputs);
    try {
      Decomposition d = decompose(pw, n, password, inputs);
      String warning = s.getFeedback().getWarning(Locale.FRENCH);
      return new PasswordVerdict(d.bits(), s.getGuessesLog10() * log2(10), s.getScore(), d.patterns(),
          warning == null ? "" : warning, s.getFeedback().getSuggestions(Locale.FRENCH));
    } finally {
      s.wipe();
    }
  }

  private record Decomposition(double bits, List<String> patterns) {}

  /**
   * The cheapest split of the password into zxcvbn matches (3 characters or more, costing log2 of
   * their guesses) and runs of unexplained characters (costing the CNIL's bits per character).
   */
  private Decomposition decompose(CharBuffer pw, int n, char[] password, List<String> inputs) {
    List<Match> matches = new Matching(context, inputs).omnimatch(pw);
    // Scoring estimates the guesses of every match (zxcvbn caches them on the match objects).
    new Scoring(context).calculateMostGuessableMatchSequence(pw, matches, false);
    double perChar = log2(pool(password, 0, n));
    double[] best = new double[n + 1];
    Match[] via = new Match[n + 1];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    List<List<Match>> ending = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ending.add(new ArrayList<>());
    }
    for (Match m : matches) {
      if (m.guesses != null && m.tokenLength() >= 3 && m.j < n) {
        ending.get(m.j).add(m);
      }
    }
    for (int j = 1; j <= n; j++) {
      best[j] = best[j - 1] + perChar;
      via[j] = null;
      for (Match m : ending.get(j - 1)) {
        double cost = best[m.i] + log2(Math.max(1.0, m.guesses));
        if (cost < best[j]) {
          best[j] = cost;
          via[j] = m;
        }
      }
    }
    java.util.LinkedList<String> patterns = new java.util.LinkedList<>();
    for (int j = n; j > 0; ) {
      Match m = via[j];
      String p = m == null ? "bruteforce" : m.pattern.value() + (m.dictionaryName == null ? "" : ":" + m.dictionaryName);
      if (!patterns.contains(p)) {
        patterns.addFirst(p);
      }
      j = m == null ? j - 1 : m.i;
    }
    return new Decomposition(best[n], new ArrayList<>(patterns));
  }

  private static List<String> inputs(List<String> userInputs) {
    Set<String> out = new LinkedHashSet<>();
    for (String in : userInputs) {
      if (in == null || in.isBlank()) {
        continue;
      }
      String lower = in.strip().toLowerCase(Locale.ROOT);
      out.add(lower);
      for (String w : lower.split("[^\\p{L}\\p{N}]+")) {
        if (w.length() >= 3) {
          out.add(w);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static double pool(char[] pw, int from, int to) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean special = false;
    boolean other = false;
    for (int i = from; i < to; i++) {
      char c = pw[i];
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c >= 0x20 && c < 0x7f) {
        special = true;
      } else {
        other = true;
      }
    }
    return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (special ? 37 : 0) + (other ? 100 : 0);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Override
  public String toString() {
    return "PasswordStrengthMeter[zxcvbn, fr]";
  }
}
