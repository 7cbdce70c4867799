package dev.ins.insi.transport;

import dev.ins.insi.InsiBlockedException;
import dev.ins.security.killswitch.KillSwitch;
import dev.ins.security.killswitch.OutboundBlockedException;
import java.util.Objects;

/**
 * Refuses every send while the practice's kill switch blocks outbound calls, before any other
 * interceptor or the transport runs. {@link dev.ins.insi.InsiClientBuilder} puts one first in
 * every client (on {@link KillSwitch#standard()} unless configured otherwise), so a vendor cannot
 * forget it.
 *
 * <pre>{@code
 * InsiInterceptor guard = new KillSwitchInterceptor(KillSwitch.file(Path.of("kill-switch.json")));
 * }</pre>
 */
public final class KillSwitchInterceptor implements InsiInterceptor {
  /** The component name reported in refusals. */
  public static final String COMPONENT = "insi";

  private final KillSwitch killSwitch;

  /**
   * Creates the guard.
   *
   * @param killSwitch the switch consulted before each send
   */
  public KillSwitchInterceptor(KillSwitch killSwitch) {
    this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
  }

  @Override
  public TransportResponse intercept(Chain chain) {
    try {
      killSwitch.checkOutbound(COMPONENT);
    } catch (OutboundBlockedException e) {
      throw new InsiBlockedException(e, chain.request().messageId());
    }
    return chain.proceed(chain.request());
  }
}
