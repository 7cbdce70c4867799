package dev.ins.cardreader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import jnasmartcardio.Smartcardio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PcscErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "SCARD_E_NO_SMARTCARD, NO_CARD",
    "SCARD_W_REMOVED_CARD, CARD_REMOVED",
    "SCARD_E_NO_SERVICE, NO_SERVICE",
    "SCARD_E_SERVICE_STOPPED, NO_SERVICE",
    "SCARD_E_SHARING_VIOLATION, SHARING_VIOLATION",
    "SCARD_E_UNKNOWN_READER, READER_UNAVAILABLE",
    "SCARD_E_READER_UNAVAILABLE, READER_UNAVAILABLE",
    "SCARD_E_NO_READERS_AVAILABLE, NO_READERS",
    "SCARD_W_UNRESPONSIVE_CARD, CARD_UNRESPONSIVE",
    "SCARD_W_RESET_CARD, CARD_RESET",
    "SCARD_E_TIMEOUT, TIMEOUT",
    "SCARD_E_PROTO_MISMATCH, PROTOCOL_MISMATCH"
  })
  void map_ofSunPcscStyleMessage_givesTypedCode(String name, Code code) {
    // SunPCSC: CardException("connect() failed") caused by PCSCException("SCARD_E_...")
    CardException e = new CardException("connect() failed", new Exception(name));
    CardReaderException m = PcscErrors.map(e, "connect", "R", null, false);
    assertEquals(code, m.code());
    assertEquals(name, m.scardError().orElseThrow());
    assertTrue(m.getMessage().contains(name + " 0x8010"), m.getMessage());
    assertTrue(m.getMessage().contains("reader=R"), m.getMessage());
  }

  @Test
  void map_ofJnasmartcardioException_usesItsCode() {
    Smartcardio.JnaPCSCException e = new Smartcardio.JnaPCSCException(0x8010000CL, "SCARD_E_NO_SMARTCARD");
    assertEquals(Code.NO_CARD, PcscErrors.map(e, "connect", null, null, false).code());
    Smartcardio.JnaPCSCException hexOnly = new Smartcardio.JnaPCSCException("Error 0x8010001d");
    assertEquals(Code.NO_SERVICE, PcscErrors.map(hexOnly, "list", null, null, false).code());
  }

  @Test
  void map_ofNoCardDuringTransmit_meansRemoved_andUnknownIsPcscError() {
    assertEquals(Code.CARD_REMOVED, PcscErrors.map(new CardNotPresentException("x"), "transmit", null, null, true).code());
    assertEquals(Code.NO_CARD, PcscErrors.map(new CardNotPresentException("x"), "connect", null, null, false).code());
    assertEquals(Code.PCSC_ERROR, PcscErrors.map(new CardException("odd"), "list", null, null, false).code());
  }

  @Test
  void map_withoutAPcscCode_showsTheExceptionClassButNeverItsInternalText() {
    CardReaderException m = PcscErrors.map(new IllegalArgumentException("newPosition < 0"), "transmit INS B0",
        "R", null, true);
    assertEquals("PCSC_ERROR: transmit INS B0 failed (IllegalArgumentException) [reader=R]", m.getMessage());
    assertTrue(m.getCause() instanceof IllegalArgumentException, "the cause is kept for debugging");
  }
}
