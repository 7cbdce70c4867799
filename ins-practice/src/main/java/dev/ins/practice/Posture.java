package dev.ins.practice;

import dev.ins.practice.internal.Checks;
import dev.ins.security.killswitch.KillSwitch;
import dev.ins.security.killswitch.KillSwitchFile;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Runs the posture checks of a practice from its {@link PracticeConfig}: backups (age, restore
 * drill, 3-2-1, encryption and signature), keys and certificates (INSi credential through the
 * certificate doctor, other certificates' expiry, key files' age and permissions), audit log
 * (integrity, last checkpoint, checkpoints off the host), breaches (72-hour CNIL clock), updates
 * (JDK, Bouncy Castle and SDK against the floor list or a signed advisory), passwords (share of
 * hashes below the Argon2id target) and incident mode (kill switch). Each check reads its inputs
 * only; a missing input gives UNKNOWN, an unreadable one a finding, never an exception.
 *
 * <pre>{@code
 * PostureReport report = Posture.builder(PracticeConfig.load(path)).build().run();
 * }</pre>
 */
public final class Posture {
  private final PracticeConfig config;
  private final Clock clock;
  private final UnaryOperator<String> environment;
  private final RuntimeVersions versions;
  private final KillSwitch killSwitch;

  private Posture(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.environment = b.environment;
    this.versions = b.versions != null ? b.versions : RuntimeVersions.current();
    this.killSwitch = b.killSwitch != null ? b.killSwitch
        : config.killSwitch().<KillSwitch>map(KillSwitchFile::at).orElseGet(KillSwitch::standard);
  }

  /**
   * Starts a configuration.
   *
   * @param config the practice configuration
   * @return a builder
   */
  public static Builder builder(PracticeConfig config) {
    return new Builder(config);
  }

  /** Configures a {@link Posture}. */
  public static final class Builder {
    private final PracticeConfig config;
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<String> environment = System::getenv;
    private RuntimeVersions versions;
    private KillSwitch killSwitch;

    private Builder(PracticeConfig config) {
      this.config = Objects.requireNonNull(config, "config == null");
    }

    /**
     * Sets the clock (ages and deadlines).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets where environment variables (the INSi PKCS#12 password) are read.
     *
     * @param environment name to value, or null when unset (default {@link System#getenv(String)})
     * @return this builder
     */
    public Builder environment(UnaryOperator<String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * Sets the versions checked (default {@link RuntimeVersions#current()}).
     *
     * @param versions the versions
     * @return this builder
     */
    public Builder versions(RuntimeVersions versions) {
      this.versions = Objects.requireNonNull(versions, "versions == null");
      return this;
    }

    /**
     * Sets the kill switch reported (default: the configured state file, else the documented location).
     *
     * @param killSwitch the switch
     * @return this builder
     */
    public Builder killSwitch(KillSwitch killSwitch) {
      this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch == null");
      return this;
    }

    /**
     * Builds.
     *
     * @return the posture runner
     */
    public Posture build() {
      return new Posture(this);
    }
  }

  /**
   * Runs every check.
   *
   * @return the report
   */
  public PostureReport run() {
    return new Checks(config, clock.instant(), environment, versions, killSwitch).run();
  }
}
