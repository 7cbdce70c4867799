package dev.ins.security.logging;

import dev.ins.core.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes matricule-shaped values (13 or 15 characters of a NIR, Corsican 2A/2B included) from
 * free text before it reaches a log, keeping only the two-character key as {@link Masking} does.
 *
 * <p>A safety net, not a licence: traits (names, birth date, birthplace) cannot be recognised in
 * free text and must be masked at the call site with {@link Masking}. Pair it with
 * {@code dev.ins.core.testing.PiiGuard} in tests.
 *
 * <pre>{@code
 * PiiRedactor.redact("no match for 279035121518989"); // "no match for *************89"
 * }</pre>
 */
public final class PiiRedactor {
  private static final Pattern NIR_SHAPED =
      Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{4}(?:[0-9]{2}|2[AaBb])[0-9]{6}(?:[0-9]{2})?(?![0-9A-Za-z])");
  private static final Pattern SPACED =
      Pattern.compile("(?<![0-9])[1-8] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[AaBb]) ?[0-9]{3} ?[0-9]{3}(?: ?[0-9]{2})?(?![0-9])");

  private PiiRedactor() {}

  /**
   * Redacts matricule-shaped values, compact or printed with spaces.
   *
   * @param text the text, may be null
   * @return the text with each such value masked, or {@code "null"}
   */
  public static String redact(CharSequence text) {
    if (text == null) {
      return "null";
    }
    String s = replace(NIR_SHAPED, text.toString());
    return replace(SPACED, s);
  }

  private static String replace(Pattern p, String s) {
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(Masking.matricule(m.group().replace(" ", ""))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Wraps a log argument so that its {@code toString()} is redacted, for SLF4J's lazy formatting:
   * {@code log.info("request {}", PiiRedactor.lazy(request))}.
   *
   * @param value the argument
   * @return an object whose {@code toString()} is {@code redact(String.valueOf(value))}
   */
  public static Object lazy(Object value) {
    return new Object() {
      @Override
      public String toString() {
        return redact(String.valueOf(value));
      }
    };
  }
}
