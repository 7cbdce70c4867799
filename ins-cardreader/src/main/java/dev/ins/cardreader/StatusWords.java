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
