package dev.ins.cardreader;

import java.util.Locale;

/**
 * Meanings of ISO 7816-4 status words, for diagnostics.
 *
 * <pre>{@code
 * StatusWords.describe(0x6A82); // "6A82 (file or application not found)"
 * }</pre>
 */
public final class StatusWords {

  private StatusWords() {}

  /**
   * Describes a status word: its hex value and its meaning.
   *
   * @param sw the status word, 0x0000–0xFFFF
   * @return for example {@code "6A82 (file or application not found)"}
   */
  public static String describe(int sw) {
    return String.format(Locale.ROOT, "%04X", sw & 0xFFFF) + " (" + meaning(sw) + ")";
  }

  /**
   * Tells whether a status word says the command was processed (ISO 7816-4 §5.6): {@code 9000}, or
   * a warning {@code 62xx}/{@code 63xx} whose returned data can be used ({@code 6282} end of file
   * before Le bytes, {@code 6284} FCI not formatted, {@code 6200}/{@code 6300} no information,
   * {@code 63Cx} counter...). The warnings that put the data or the file in doubt are not:
   * {@code 6281} (part of the data may be corrupted), {@code 6283} (selected file deactivated),
   * {@code 6285} (file in termination state).
   *
   * <pre>{@code
   * StatusWords.isProcessed(0x6282); // true: the bytes returned are valid, the file ended early
   * StatusWords.isProcessed(0x6281); // false
   * }</pre>
   *
   * @param sw the status word, 0x0000–0xFFFF
   * @return true when processing completed and the response can be used
   */
  public static boolean isProcessed(int sw) {
    int sw1 = (sw >> 8) & 0xFF;
    if ((sw & 0xFFFF) == 0x9000) {
      return true;
    }
    if (sw1 == 0x62) {
      int sw2 = sw & 0xFF;
      return sw2 != 0x81 && sw2 != 0x83 && sw2 != 0x85;
    }
    return sw1 == 0x63;
  }

  /**
   * Returns the meaning of a status word.
   *
   * @param sw the status word, 0x0000–0xFFFF
   * @return the meaning, {@code "unknown status"} when not an ISO 7816-4 value
   */
  public static String meaning(int sw) {
    int sw1 = (sw >> 8) & 0xFF;
    int sw2 = sw & 0xFF;
    switch (sw1) {
      case 0x61:
        return sw2 + " more bytes available (GET RESPONSE)";
      case 0x6C:
        return "wrong Le, exact length is " + sw2;
      case 0x63:
        if ((sw2 & 0xF0) == 0xC0) {
          return "verification failed, " + (sw2 & 0x0F) + " tries left";
        }
        break;
      default:
        break;
    }
    switch (sw & 0xFFFF) {
      case 0x9000: return "success";
      case 0x6281: return "part of returned data may be corrupted";
      case 0x6282: return "end of file reached before reading Le bytes";
      case 0x6283: return "selected file invalidated";
      case 0x6284: return "file control information not formatted";
      case 0x6285: return "selected file in termination state";
      case 0x6200: return "warning, no information given (state unchanged)";
      case 0x6300: return "warning, no information given (state changed)";
      case 0x6581: return "memory failure";
      case 0x6700: return "wrong length";
      case 0x6881: return "logical channel not supported";
      case 0x6882: return "secure messaging not supported";
      case 0x6981: return "command incompatible with file structure";
      case 0x6982: return "security status not satisfied";
      case 0x6983: return "authentication method blocked";
      case 0x6984: return "reference data invalidated";
      case 0x6985: return "conditions of use not satisfied";
      case 0x6986: return "command not allowed (no current EF)";
      case 0x6A80: return "incorrect data field";
      case 0x6A81: return "function not supported";
      case 0x6A82: return "file or application not found";
      case 0x6A83: return "record not found";
      case 0x6A84: return "not enough memory in file";
      case 0x6A86: return "incorrect parameters P1-P2";
      case 0x6A88: return "referenced data not found";
      case 0x6B00: return "wrong parameters P1-P2 (offset outside the EF)";
      case 0x6D00: return "instruction not supported";
      case 0x6E00: return "class not supported";
      case 0x6F00: return "no precise diagnosis";
      default: return "unknown status";
    }
  }
}
