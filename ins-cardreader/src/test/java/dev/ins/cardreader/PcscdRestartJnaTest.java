package dev.ins.cardreader;

import static dev.ins.cardreader.PcscTestSupport.READER_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ins.cardreader.virtual.DemoCard;
import dev.ins.cardreader.virtual.VpcdCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * pcscd stopped and restarted under a live port: typed NO_SERVICE while it is down, full service
 * again once it is back, with the same {@link CardReaders} instance. Stops only the pcscd that
 * {@code .ci/setup.d/50-pcscd.sh} started (its PID file) and restarts it with that script.
 */
class PcscdRestartJnaTest {

  private static final Path STATE = Path.of(System.getenv().getOrDefault("PCSC_STATE_DIR", "/tmp/ins-pcsc"));
  private static final Path SETUP = Path.of("..", ".ci", "setup.d", "50-pcscd.sh");

  @BeforeEach
  void pcscdStartedBySetupScript() {
    requireSetupScriptPcscd();
  }

  static void requireSetupScriptPcscd() {
    PcscTestSupport.requirePcscd();
    if (!Files.exists(STATE.resolve("pcscd.pid")) || !Files.exists(SETUP)) {
      String msg = "pcscd was not started by " + SETUP + " (no " + STATE.resolve("pcscd.pid") + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true: " + msg);
      }
      Assumptions.abort(msg);
    }
  }

  @ParameterizedTest
  @EnumSource(value = PcscAdapter.class, names = "JNASMARTCARDIO")
  void pcscdStoppedAndRestarted_givesNoServiceThenRecovers(PcscAdapter adapter) throws Exception {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      assertTrue(readers.readers().stream().anyMatch(r -> r.name().equals(READER_0)));
      stopPcscd();
      try {
        CardReaderException e = assertThrows(CardReaderException.class, readers::readers);
        assertEquals(CardReaderException.Code.NO_SERVICE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("SCARD_E_NO_SERVICE") || e.getMessage().contains("SCARD_"),
            e.getMessage());
      } finally {
        startPcscd();
      }
      assertTrue(readers.readers().stream().anyMatch(r -> r.name().equals(READER_0)));
      VpcdCard card = VpcdCard.insert("127.0.0.1", VpcdCard.DEFAULT_PORT, new DemoCard());
      try {
        assertTrue(readers.waitForCard(READER_0, Duration.ofSeconds(10)));
        try (CardSession s = readers.open(READER_0)) {
          assertEquals(0x9000, s.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, DemoCard.AID)).getSW());
        }
      } finally {
        card.close();
      }
      assertTrue(readers.waitForRemoval(READER_0, Duration.ofSeconds(10)));
    }
  }

  static void stopPcscd() throws Exception {
    long pid = Long.parseLong(Files.readString(STATE.resolve("pcscd.pid"), StandardCharsets.US_ASCII).trim());
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("pcscd " + pid + " not running"));
    p.destroy(); // SIGTERM: pcscd cleans up its socket
    p.onExit().get(10, TimeUnit.SECONDS);
  }

  static void startPcscd() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", SETUP.toString()).redirectErrorStream(true);
    // The restarted pcscd belongs to whoever owned the first one (.ci/run in CI), not to this JVM.
    Path owner = STATE.resolve("owner.pid");
    pb.environment().put("PCSC_OWNER_PID",
        Files.exists(owner) ? Files.readString(owner, StandardCharsets.US_ASCII).trim() : "none");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("restarting pcscd failed: " + out);
    }
  }
}
