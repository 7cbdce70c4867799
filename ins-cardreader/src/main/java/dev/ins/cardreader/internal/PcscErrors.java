package dev.ins.cardreader.internal;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.CardNotPresentException;

/**
 * Maps provider exceptions to {@link CardReaderException}: both providers put the SCARD error name
 * (SunPCSC) or name and value (jnasmartcardio) in their messages, so the cause chain is searched for
 * {@code SCARD_x_NAME} and for a {@code 0x801000xx} value.
 */
public final class PcscErrors {

  /** A PC/SC error: name, value, meaning and SDK code. */
  record Scard(String name, long value, String meaning, Code code) {}

  private static final Map<String, Scard> BY_NAME = new HashMap<>();
  private static final Map<Long, Scard> BY_VALUE = new HashMap<>();
  private static final Pattern NAME = Pattern.compile("SCARD_[EFWP]_[A-Z_]+");
  private static final Pattern VALUE = Pattern.compile("0x(8010[0-9a-fA-F]{4})");

  static {
    add("SCARD_F_INTERNAL_ERROR", 0x80100001L, "internal consistency check failed", Code.PCSC_ERROR);
    add("SCARD_E_CANCELLED", 0x80100002L, "action cancelled", Code.PCSC_ERROR);
    add("SCARD_E_INVALID_HANDLE", 0x80100003L, "invalid handle", Code.CARD_REMOVED);
    add("SCARD_E_INVALID_PARAMETER", 0x80100004L, "invalid parameter", Code.PCSC_ERROR);
    add("SCARD_E_NO_MEMORY", 0x80100006L, "not enough memory", Code.PCSC_ERROR);
    add("SCARD_E_INSUFFICIENT_BUFFER", 0x80100008L, "buffer too small", Code.PCSC_ERROR);
    add("SCARD_E_UNKNOWN_READER", 0x80100009L, "unknown reader", Code.READER_UNAVAILABLE);
    add("SCARD_E_TIMEOUT", 0x8010000AL, "timeout", Code.TIMEOUT);
    add("SCARD_E_SHARING_VIOLATION", 0x8010000BL, "card used by another application", Code.SHARING_VIOLATION);
    add("SCARD_E_NO_SMARTCARD", 0x8010000CL, "no card in the reader", Code.NO_CARD);
    add("SCARD_E_UNKNOWN_CARD", 0x8010000DL, "unknown card", Code.UNSUPPORTED_CARD);
    add("SCARD_E_PROTO_MISMATCH", 0x8010000FL, "protocol mismatch", Code.PROTOCOL_MISMATCH);
    add("SCARD_E_NOT_READY", 0x80100010L, "reader or card not ready", Code.CARD_UNRESPONSIVE);
    add("SCARD_E_INVALID_VALUE", 0x80100011L, "invalid value", Code.PCSC_ERROR);
    add("SCARD_E_SYSTEM_CANCELLED", 0x80100012L, "cancelled by the system", Code.PCSC_ERROR);
    add("SCARD_F_COMM_ERROR", 0x80100013L, "communication error with the PC/SC service", Code.NO_SERVICE);
    add("SCARD_F_UNKNOWN_ERROR", 0x80100014L, "unknown error", Code.PCSC_ERROR);
    add("SCARD_E_INVALID_ATR", 0x80100015L, "invalid ATR", Code.UNSUPPORTED_CARD);
    add("SCARD_E_NOT_TRANSACTED", 0x80100016L, "transaction failed", Code.CARD_REMOVED);
    add("SCARD_E_READER_UNAVAILABLE", 0x80100017L, "reader unavailable", Code.READER_UNAVAILABLE);
    add("SCARD_P_SHUTDOWN", 0x80100018L, "operation aborted for shutdown", Code.NO_SERVICE);
    add("SCARD_E_CARD_UNSUPPORTED", 0x8010001CL, "card not supported", Code.UNSUPPORTED_CARD);
    add("SCARD_E_NO_SERVICE", 0x8010001DL, "PC/SC service not running", Code.NO_SERVICE);
    add("SCARD_E_SERVICE_STOPPED", 0x8010001EL, "PC/SC service stopped", Code.NO_SERVICE);
    add("SCARD_E_UNEXPECTED", 0x8010001FL, "unexpected card error", Code.PCSC_ERROR);
    add("SCARD_E_NO_READERS_AVAILABLE", 0x8010002EL, "no reader available", Code.NO_READERS);
    add("SCARD_W_UNSUPPORTED_CARD", 0x80100065L, "card not supported (ATR)", Code.UNSUPPORTED_CARD);
    add("SCARD_W_UNRESPONSIVE_CARD", 0x80100066L, "card does not answer reset", Code.CARD_UNRESPONSIVE);
    add("SCARD_W_UNPOWERED_CARD", 0x80100067L, "card not powered", Code.CARD_UNRESPONSIVE);
    add("SCARD_W_RESET_CARD", 0x80100068L, "card was reset", Code.CARD_RESET);
    add("SCARD_W_REMOVED_CARD", 0x80100069L, "card was removed", Code.CARD_REMOVED);
  }

  private PcscErrors() {}

  private static void add(String name, long value, String meaning, Code code) {
    Scard s = new Scard(name, value, meaning, code);
    BY_NAME.put(name, s);
    BY_VALUE.put(value, s);
  }

  /**
   * Finds the PC/SC error in an exception's cause chain.
   *
   * @param e the exception
   * @return the error, or null
   */
  static Scard find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      Matcher n = NAME.matcher(m);
      if (n.find() && BY_NAME.containsKey(n.group())) {
        return BY_NAME.get(n.group());
      }
      Matcher v = VALUE.matcher(m);
      if (v.find()) {
        Scard s = BY_VALUE.get(Long.parseLong(v.group(1), 16));
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /**
   * Maps a provider failure.
   *
   * @param e the failure
   * @param operation what was being done, e.g. {@code "connect"}
   * @param reader the reader, or null
   * @param atr the ATR, or null
   * @param duringTransmit whether a card was connected (then "no card" means it was removed)
   * @return the typed error
   */
  public static CardReaderException map(Throwable e, String operation, String reader, byte[] atr,
      boolean duringTransmit) {
    Scard s = find(e);
    Code code;
    if (s != null) {
      code = s.code();
    } else if (e instanceof CardNotPresentException) {
      code = Code.NO_CARD;
    } else if (e instanceof IllegalStateException) {
      code = Code.CARD_REMOVED;
    } else {
      code = Code.PCSC_ERROR;
    }
    if (duringTransmit && code == Code.NO_CARD) {
      code = Code.CARD_REMOVED;
    }
    String desc = s == null ? null
        : s.name() + " " + String.format(Locale.ROOT, "0x%08X", s.value()) + " (" + s.meaning() + ")";
    // Without a PC/SC code, the provider's message is an internal detail (e.g. "newPosition < 0"
    // from a short answer): only its class is shown; the exception stays the cause.
    String detail = operation + " failed" + (s == null ? " (" + e.getClass().getSimpleName() + ")" : "");
    return CardReaderException.pcsc(code, detail, reader, atr, s == null ? null : s.name(), desc, e);
  }
}
