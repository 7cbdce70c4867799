package dev.ins.cardreader;

import static dev.ins.cardreader.PcscTestSupport.READER_0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDK adapter after a pcscd restart, in a JVM of its own (the module's pom runs each
 * {@code PcscdRestart*Test} in a fresh fork): the JDK provider's context is static.
 */
class PcscdRestartJdkTest {

  @BeforeEach
  void pcscdStartedBySetupScript() {
    PcscdRestartJnaTest.requireSetupScriptPcscd();
  }

  /**
   * The JDK's provider keeps a static PC/SC context (JDK 17: {@code PCSCTerminals.contextId}), set
   * when {@code TerminalFactory} loads and never re-established: after a restart it can only report
   * the typed error with the way out. This test runs in its own JVM (see the module's pom).
   */
  @ParameterizedTest
  @EnumSource(value = PcscAdapter.class, names = "JDK")
  void pcscdStoppedAndRestarted_jdkAdapterReportsNoServiceWithTheWayOut(PcscAdapter adapter) throws Exception {
    try (CardReaders readers = CardReaders.pcsc(adapter)) {
      assertTrue(readers.readers().stream().anyMatch(r -> r.name().equals(READER_0)));
      PcscdRestartJnaTest.stopPcscd();
      try {
        CardReaderException e = assertThrows(CardReaderException.class, readers::readers);
        assertEquals(CardReaderException.Code.NO_SERVICE, e.code(), e.getMessage());
      } finally {
        PcscdRestartJnaTest.startPcscd();
      }
      CardReaderException after = assertThrows(CardReaderException.class, readers::readers);
      assertEquals(CardReaderException.Code.NO_SERVICE, after.code(), after.getMessage());
      assertTrue(after.getMessage().contains("use the jnasmartcardio adapter"), after.getMessage());
    }
    try (CardReaders jna = CardReaders.pcsc(PcscAdapter.JNASMARTCARDIO)) {
      assertTrue(jna.readers().stream().anyMatch(r -> r.name().equals(READER_0)), "pcscd is back");
    }
  }

}
