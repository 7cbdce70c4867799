package dev.ins.practice;

import dev.ins.core.cli.Json;
import dev.ins.practice.internal.HtmlReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The practice's security posture ("bilan de sécurité du cabinet"): every check with its colour,
 * and the overall colour (the worst one; a check that cannot be made counts as AMBER, since
 * nobody can say it is protected).
 *
 * <pre>{@code
 * PostureReport r = Posture.builder(config).build().run();
 * Files.writeString(Path.of("bilan.html"), r.toHtml());
 * String json = r.toJson();          // for the vendor's UI
 * boolean green = r.overall() == PostureStatus.GREEN;
 * }</pre>
 *
 * @param generatedAt when the checks ran
 * @param practiceName the practice's name
 * @param checks the checks, in report order
 */
public record PostureReport(Instant generatedAt, String practiceName, List<PostureCheck> checks) {
  /**
   * Validates and copies.
   *
   * @param generatedAt not null
   * @param practiceName not null
   * @param checks not null
   */
  public PostureReport {
    Objects.requireNonNull(generatedAt, "generatedAt == null");
    Objects.requireNonNull(practiceName, "practiceName == null");
    checks = List.copyOf(checks);
  }

  /**
   * Returns the overall colour: RED if any check is RED, else AMBER if any is AMBER or UNKNOWN,
   * else GREEN.
   *
   * @return the colour
   */
  public PostureStatus overall() {
    PostureStatus worst = PostureStatus.GREEN;
    for (PostureCheck c : checks) {
      if (c.status().severity() > worst.severity()) {
        worst = c.status();
      }
    }
    return worst == PostureStatus.UNKNOWN ? PostureStatus.AMBER : worst;
  }

  /**
   * Counts the checks of a colour.
   *
   * @param status the colour
   * @return how many
   */
  public long count(PostureStatus status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /**
   * Finds a check by id.
   *
   * @param id e.g. {@code backups.last}
   * @return the check
   * @throws IllegalArgumentException when absent
   */
  public PostureCheck check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check " + id));
  }

  /**
   * Returns the report as a map (what {@link #toJson()} writes).
   *
   * @return ordered maps and lists
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generatedAt", generatedAt.toString());
    m.put("practice", practiceName);
    m.put("overall", overall().name());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (PostureStatus s : PostureStatus.values()) {
      counts.put(s.name(), count(s));
    }
    m.put("counts", counts);
    List<Object> list = new ArrayList<>();
    for (PostureCheck c : checks) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", c.id());
      x.put("area", c.area());
      x.put("title", c.title());
      x.put("status", c.status().name());
      x.put("finding", c.finding());
      x.put("why", c.why());
      x.put("fix", c.fix());
      x.put("facts", c.facts());
      list.add(x);
    }
    m.put("checks", list);
    return m;
  }

  /**
   * Returns the report as one JSON object.
   *
   * @return JSON text
   */
  public String toJson() {
    return Json.write(toMap());
  }

  /**
   * Returns the one-page HTML report in French: self-contained (no external resource, no script),
   * printable on A4, colour plus text and symbol on every row.
   *
   * @return the HTML document
   */
  public String toHtml() {
    return HtmlReport.render(this);
  }
}
