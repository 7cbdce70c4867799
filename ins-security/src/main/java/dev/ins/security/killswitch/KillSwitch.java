package dev.ins.security.killswitch;

import java.nio.file.Path;

/**
 * The port every outbound component of the SDK consults before any connection: while the
 * practice's kill switch is engaged (incident mode, step "couper"), the INSi client refuses to call
 * and backup destinations refuse to upload.
 *
 * <p>{@link #standard()} is what the SDK's components use when the vendor configures nothing: the
 * signed state file at the documented location ({@link KillSwitchFile#standardLocation()}), read on
 * every check, so that a switch engaged by another process (the {@code practice incident start}
 * command) is honoured at once and survives restarts. {@link #none()} exists for tests and tools
 * that must never be blocked; prefer passing an explicit {@link KillSwitchFile}.
 *
 * <pre>{@code
 * KillSwitch ks = KillSwitch.standard();
 * ks.checkOutbound("backup.upload"); // throws OutboundBlockedException while engaged
 * }</pre>
 */
@FunctionalInterface
public interface KillSwitch {

  /**
   * Reads the current state.
   *
   * @return the state; an unreadable or unverifiable state file is {@link KillSwitchState.Status#UNVERIFIABLE}
   */
  KillSwitchState state();

  /**
   * Refuses an outbound operation while the switch blocks.
   *
   * @param component what wanted to connect, e.g. {@code "insi"} or {@code "backup.upload"}
   * @throws OutboundBlockedException when the state blocks outbound calls
   */
  default void checkOutbound(String component) {
    KillSwitchState s = state();
    if (s.blocksOutbound()) {
      throw new OutboundBlockedException(component, s);
    }
  }

  /**
   * A switch that is never engaged.
   *
   * @return the switch
   */
  static KillSwitch none() {
    return KillSwitchState::off;
  }

  /**
   * The switch at the documented location: the system property {@value KillSwitchFile#LOCATION_PROPERTY},
   * else the environment variable {@value KillSwitchFile#LOCATION_ENV}, else {@code
   * ~/.ins-sdk/kill-switch.json}; trusted signer from {@value KillSwitchFile#KEY_PROPERTY} or
   * {@value KillSwitchFile#KEY_ENV} when set.
   *
   * @return the switch
   */
  static KillSwitch standard() {
    return KillSwitchFile.standard();
  }

  /**
   * The switch stored in a given file.
   *
   * @param file the state file (it need not exist: absent means not engaged)
   * @return the switch
   */
  static KillSwitchFile file(Path file) {
    return KillSwitchFile.at(file);
  }
}
