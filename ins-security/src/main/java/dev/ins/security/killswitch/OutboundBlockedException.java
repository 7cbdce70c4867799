package dev.ins.security.killswitch;

import dev.ins.core.InsException;
import java.util.Objects;

/**
 * An outbound operation was refused because the practice's kill switch is engaged (or its state
 * file cannot be verified). Nothing was sent.
 *
 * <pre>{@code
 * try {
 *   destination.upload(backupFile);
 * } catch (OutboundBlockedException e) {
 *   e.state().incidentId(); // the incident in progress
 * }
 * }</pre>
 */
public final class OutboundBlockedException extends InsException {
  private static final long serialVersionUID = 1L;

  /** The component that wanted to connect. */
  private final String component;
  /** The state that refused it (not serialized: a value of this process). */
  private final transient KillSwitchState state;

  /**
   * Creates the error.
   *
   * @param component what wanted to connect, e.g. {@code "insi"}
   * @param state the blocking state
   */
  public OutboundBlockedException(String component, KillSwitchState state) {
    super(Objects.requireNonNull(component, "component == null") + ": outbound call refused, the kill switch is "
        + Objects.requireNonNull(state, "state == null").status().name().toLowerCase(java.util.Locale.ROOT)
        + (state.incidentId().isEmpty() ? "" : " (incident " + state.incidentId() + ")")
        + (state.status() == KillSwitchState.Status.UNVERIFIABLE ? " (" + state.reason() + ")" : ""), null);
    this.component = component;
    this.state = state;
  }

  /**
   * Returns the component that was refused.
   *
   * @return e.g. {@code "insi"} or {@code "backup.upload"}
   */
  public String component() {
    return component;
  }

  /**
   * Returns the blocking state.
   *
   * @return the state (null only after deserialization)
   */
  public KillSwitchState state() {
    return state;
  }
}
