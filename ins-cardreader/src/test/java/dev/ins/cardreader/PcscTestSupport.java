package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ins.cardreader.virtual.VpcdAvailability;
import dev.ins.cardreader.virtual.VpcdCard;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests on the real PC/SC stack: they skip with a message on a developer's machine where
 * pcscd is absent or runs without vsmartcard's vpcd (a workstation with a real reader); with
 * {@code CI=true} either is a failure.
 */
public final class PcscTestSupport {

  /** The reader vpcd exposes on {@link dev.ins.cardreader.virtual.VpcdCard#DEFAULT_PORT}. */
  public static final String READER_0 = VpcdCard.DEFAULT_READER;
  /** The reader vpcd exposes on the next port. */
  public static final String READER_1 = "Virtual PCD 00 01";
  /** pcscd's socket. */
  public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");

  /** Checked once per JVM: the answer does not change during a test run. */
  private static VpcdAvailability availability;

  private PcscTestSupport() {}

  /** Skips (developer machine) or fails (CI) when pcscd with vpcd's readers is not answering. */
  public static void requirePcscd() {
    VpcdAvailability a = availability();
    if (a.ready()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true: " + a.message());
    }
    Assumptions.abort(a.message());
  }

  private static synchronized VpcdAvailability availability() {
    if (availability == null) {
      availability = VpcdAvailability.check();
    }
    return availability;
  }
}
