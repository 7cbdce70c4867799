package dev.ins.insi;

import dev.ins.security.killswitch.KillSwitchState;
import dev.ins.security.killswitch.OutboundBlockedException;

/**
 * The call to INSi was not made: the practice's kill switch is engaged (incident mode) or its
 * state file cannot be verified. Nothing left the machine; retrying will not help until the
 * incident is closed ({@code practice incident close}).
 *
 * <pre>{@code
 * catch (InsiBlockedException e) {
 *   showIncidentBanner(e.killSwitch().incidentId());
 * }
 * }</pre>
 */
public final class InsiBlockedException extends InsiException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps the kill switch's refusal.
   *
   * @param cause the refusal
   * @param messageId the message ID of the call that was not sent
   */
  public InsiBlockedException(OutboundBlockedException cause, String messageId) {
    super(cause.getMessage(), messageId, cause);
  }

  /**
   * Returns the kill switch's state at the time of the refusal.
   *
   * @return the state
   */
  public KillSwitchState killSwitch() {
    return ((OutboundBlockedException) getCause()).state();
  }
}
