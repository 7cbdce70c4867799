package dev.ins.practice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the posture report: what was checked, its colour, what was found, why it matters
 * (one sentence tied to the risk: ransomware, theft, phishing, loss) and how to fix it. Texts are
 * in French, for the practitioner; {@link #facts()} holds the measured values for the vendor's UI.
 * Nothing here holds patient data.
 *
 * <pre>{@code
 * for (PostureCheck c : report.checks()) {
 *   System.out.println(c.status().label() + " " + c.title() + " : " + c.finding());
 * }
 * }</pre>
 *
 * @param id a stable identifier, e.g. {@code backups.last}
 * @param area the area, e.g. {@code "Sauvegardes"}
 * @param title what is checked, in French
 * @param status the colour
 * @param finding what was found, in French
 * @param why why it matters, one sentence tied to the risk, in French
 * @param fix what to do, in French (empty when GREEN)
 * @param facts measured values (ages in hours, counts, versions) as strings, numbers or booleans
 */
public record PostureCheck(String id, String area, String title, PostureStatus status, String finding, String why,
    String fix, Map<String, Object> facts) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)+");

  /**
   * Validates and copies.
   *
   * @param id dotted lower-case
   * @param area not blank
   * @param title not blank
   * @param status not null
   * @param finding not blank
   * @param why not blank
   * @param fix not null
   * @param facts not null
   */
  public PostureCheck {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("check id must be dotted lower-case, e.g. backups.last");
    }
    for (String s : new String[] {area, title, finding, why}) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException("area, title, finding and why must not be blank");
      }
    }
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(fix, "fix == null");
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }
}
