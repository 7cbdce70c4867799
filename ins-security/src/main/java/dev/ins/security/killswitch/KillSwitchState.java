package dev.ins.security.killswitch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kill switch says now: off, engaged (outbound calls refused), released after an incident,
 * or unverifiable (a state file is there but cannot be trusted: refused too, fail closed).
 *
 * <pre>{@code
 * KillSwitchState s = KillSwitch.standard().state();
 * if (s.blocksOutbound()) showBanner(s.status(), s.incidentId());
 * }</pre>
 *
 * @param status the status
 * @param incidentId the incident that engaged or released it, empty when off or unverifiable
 * @param since when the state was written, if known
 * @param reason why (engaged: the reason given; released: the closing note; unverifiable: what is
 *     wrong with the file); never patient data
 */
public record KillSwitchState(Status status, String incidentId, Optional<Instant> since, String reason) {

  /** The states of the switch. */
  public enum Status {
    /** No state file: outbound calls allowed. */
    OFF,
    /** Engaged by a verified state file: outbound calls refused. */
    ENGAGED,
    /** Released by a verified state file (incident closed): outbound calls allowed. */
    RELEASED,
    /** A state file exists but is unreadable, malformed, tampered or signed by an untrusted key: refused. */
    UNVERIFIABLE
  }

  /**
   * Validates.
   *
   * @param status not null
   * @param incidentId not null
   * @param since not null
   * @param reason not null
   */
  public KillSwitchState {
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(incidentId, "incidentId == null");
    Objects.requireNonNull(since, "since == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * The state without a state file.
   *
   * @return an OFF state
   */
  public static KillSwitchState off() {
    return new KillSwitchState(Status.OFF, "", Optional.empty(), "");
  }

  /**
   * Tells whether outbound calls must be refused (engaged or unverifiable).
   *
   * @return true when blocked
   */
  public boolean blocksOutbound() {
    return status == Status.ENGAGED || status == Status.UNVERIFIABLE;
  }
}
