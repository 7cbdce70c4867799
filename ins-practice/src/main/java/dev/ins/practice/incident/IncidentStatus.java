package dev.ins.practice.incident;

import dev.ins.security.killswitch.KillSwitchState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an incident stands, rebuilt from the audit log (so it survives restarts): when it was
 * discovered and started, the symptoms, each step done with its time, whether it is closed, the
 * kill switch, and the hours left on the CNIL's 72-hour clock (from discovery).
 *
 * <pre>{@code
 * IncidentStatus s = incidentMode.status().orElseThrow();
 * s.next().ifPresent(step -> show(step.title()));
 * s.cnilTimeLeft();   // 72 h from discovery, negative when overdue
 * }</pre>
 *
 * @param incidentId the incident's id
 * @param discoveredAt when the attack was discovered (the CNIL clock starts then)
 * @param startedAt when incident mode was started
 * @param symptoms what was observed (no patient data)
 * @param done each step done, with its time
 * @param closedAt when the incident was closed, if it was
 * @param closingNote the post-incident note, empty while open
 * @param killSwitch the kill switch now
 * @param now the time the status was taken
 */
public record IncidentStatus(String incidentId, Instant discoveredAt, Instant startedAt, List<String> symptoms,
    Map<IncidentStep, Instant> done, Optional<Instant> closedAt, String closingNote, KillSwitchState killSwitch, Instant now) {

  /**
   * Validates and copies.
   *
   * @param incidentId not null
   * @param discoveredAt not null
   * @param startedAt not null
   * @param symptoms not null
   * @param done not null
   * @param closedAt not null
   * @param closingNote not null
   * @param killSwitch not null
   * @param now not null
   */
  public IncidentStatus {
    Objects.requireNonNull(incidentId, "incidentId == null");
    Objects.requireNonNull(discoveredAt, "discoveredAt == null");
    Objects.requireNonNull(startedAt, "startedAt == null");
    symptoms = List.copyOf(symptoms);
    Map<IncidentStep, Instant> copy = new EnumMap<>(IncidentStep.class);
    copy.putAll(done);
    done = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(closedAt, "closedAt == null");
    Objects.requireNonNull(closingNote, "closingNote == null");
    Objects.requireNonNull(killSwitch, "killSwitch == null");
    Objects.requireNonNull(now, "now == null");
  }

  /**
   * Tells whether the incident is still open.
   *
   * @return true until {@code incident close}
   */
  public boolean open() {
    return closedAt.isEmpty();
  }

  /**
   * Returns the first step not done yet.
   *
   * @return the next step, empty when all are done
   */
  public Optional<IncidentStep> next() {
    for (IncidentStep s : IncidentStep.values()) {
      if (!done.containsKey(s)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the time left before the CNIL deadline (72 h after discovery).
   *
   * @return the duration, negative when past
   */
  public Duration cnilTimeLeft() {
    return Duration.between(now, discoveredAt.plus(Duration.ofHours(72)));
  }

  /**
   * Returns the status as ordered maps (for JSON).
   *
   * @return the map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("incidentId", incidentId);
    m.put("open", open());
    m.put("discoveredAt", discoveredAt.toString());
    m.put("startedAt", startedAt.toString());
    m.put("symptoms", symptoms);
    List<Object> steps = new ArrayList<>();
    for (IncidentStep s : IncidentStep.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("step", s.code());
      x.put("title", s.title());
      x.put("doneAt", done.containsKey(s) ? done.get(s).toString() : null);
      steps.add(x);
    }
    m.put("steps", steps);
    m.put("next", next().map(IncidentStep::code).orElse(null));
    m.put("cnilDeadline", discoveredAt.plus(Duration.ofHours(72)).toString());
    m.put("cnilHoursLeft", cnilTimeLeft().toHours());
    m.put("killSwitch", killSwitch.status().name());
    m.put("closedAt", closedAt.map(Instant::toString).orElse(null));
    m.put("closingNote", closingNote);
    return m;
  }
}
