package dev.ins.cardreader;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Gate for tests on the real PC/SC stack: they skip with a message only when pcscd is absent on a
 * developer's machine; with {@code CI=true} its absence is a failure.
 */
public final class PcscTestSupport {

  /** The reader vpcd exposes on {@link dev.ins.cardreader.virtual.VpcdCard#DEFAULT_PORT}. */
  public static final String READER_0 = "Virtual PCD 00 00";
  /** The reader vpcd exposes on the next port. */
  public static final String READER_1 = "Virtual PCD 00 01";
  /** pcscd's socket. */
  public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");

  private PcscTestSupport() {}

  /** Skips (developer machine) or fails (CI) when pcscd with vpcd is not running. */
  public static void requirePcscd() {
    boolean up = Files.exists(SOCKET) && Files.exists(Path.of("/etc/reader.conf.d/vpcd"));
    if (up) {
      return;
    }
    String msg = "pcscd with vsmartcard-vpcd is not running (no " + SOCKET
        + "); run .ci/setup.d/50-pcscd.sh as root";
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true: " + msg);
    }
    Assumptions.abort(msg);
  }
}
