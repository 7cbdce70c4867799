package dev.ins.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails a test when patient data shows up in text meant for logs: exception messages,
 * {@code toString()} output, or what the code printed to standard error (where slf4j-simple writes
 * in tests). Framework-independent: failures are {@link AssertionError}s.
 *
 * <p>Two checks: the given secrets (names, dates, matricules of the identities the test used) must
 * not appear, case-insensitively; and no run of 13 or 15 characters shaped like a NIR (digits, with
 * 2A/2B) may appear at all.
 *
 * <pre>{@code
 * String logs = PiiGuard.captureStderr(() -> client.search(traits));
 * PiiGuard.assertNoPii(logs, List.of("PAT-TROIS", "279035121518989", "1979-03-28"));
 * }</pre>
 */
public final class PiiGuard {

  private static final Pattern NIR_SHAPED =
      Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{4}(?:[0-9]{2}|2[AaBb])[0-9]{6}(?:[0-9]{2})?(?![0-9A-Za-z])");

  /**
   * Secrets shorter than this are ignored: a two- or three-letter name matches ordinary words and
   * class names, so searching for it would only give false alarms.
   */
  public static final int MIN_SECRET_LENGTH = 4;

  private PiiGuard() {}

  /**
   * Asserts that {@code text} holds none of the secrets and nothing shaped like a matricule.
   *
   * @param text the text to check (log output, a message, a toString)
   * @param secrets patient data that must not appear; entries shorter than {@link #MIN_SECRET_LENGTH} are ignored
   * @throws AssertionError naming what leaked (masked) and where
   */
  public static void assertNoPii(String text, Collection<String> secrets) {
    List<String> leaks = findPii(text, secrets);
    if (!leaks.isEmpty()) {
      throw new AssertionError("patient data in clear: " + leaks);
    }
  }

  /**
   * Lists what leaked, each masked except for its position.
   *
   * @param text the text to check
   * @param secrets patient data that must not appear
   * @return descriptions of the leaks, empty when the text is clean
   */
  public static List<String> findPii(String text, Collection<String> secrets) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String s : secrets) {
      if (s == null || s.length() < MIN_SECRET_LENGTH) {
        continue;
      }
      int at = lower.indexOf(s.toLowerCase(Locale.ROOT));
      if (at >= 0) {
        out.add("secret #" + (out.size() + 1) + " (" + s.length() + " chars) at index " + at);
      }
    }
    Matcher m = NIR_SHAPED.matcher(text);
    while (m.find()) {
      out.add("matricule-shaped value at index " + m.start());
    }
    return out;
  }

  /**
   * Runs an action and returns what it printed to standard error (and to standard output).
   *
   * @param action the action
   * @return the captured text, UTF-8
   */
  public static synchronized String captureStderr(Runnable action) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setErr(ps);
    System.setOut(ps);
    try {
      action.run();
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
