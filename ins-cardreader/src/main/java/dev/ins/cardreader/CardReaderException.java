package dev.ins.cardreader;

import dev.ins.cardreader.internal.Hex;
import dev.ins.core.InsException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The typed error of every card operation: a stable {@link Code} plus the diagnostics a support
 * desk needs (reader name, card ATR, ISO 7816 status word with its meaning, PC/SC error name and
 * value).
 *
 * <p>The message is built from these parts and never contains patient data.
 *
 * <pre>{@code
 * try (CardSession s = readers.open("Virtual PCD 00 00")) { ... }
 * catch (CardReaderException e) {
 *   if (e.code() == CardReaderException.Code.NO_CARD) { askForTheCard(); }
 *   log.warn(e.getMessage()); // "NO_CARD: connect failed [reader=..., SCARD=SCARD_E_NO_SMARTCARD 0x8010000C (...)]"
 * }
 * }</pre>
 */
public final class CardReaderException extends InsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, stable across releases. */
  public enum Code {
    /** The PC/SC service (pcscd) is not running or stopped during the call. */
    NO_SERVICE,
    /** No reader is connected. */
    NO_READERS,
    /** The named reader does not exist or was unplugged. */
    READER_UNAVAILABLE,
    /** No card is in the reader. */
    NO_CARD,
    /** The card was removed during the operation. */
    CARD_REMOVED,
    /** The card was reset by another application. */
    CARD_RESET,
    /** The card does not answer (mute or not powered). */
    CARD_UNRESPONSIVE,
    /** Another application holds the card exclusively. */
    SHARING_VIOLATION,
    /** The card and the reader share no protocol. */
    PROTOCOL_MISMATCH,
    /** The operation did not complete in time. */
    TIMEOUT,
    /** The card answered with a status word the operation cannot continue with. */
    UNEXPECTED_STATUS,
    /** The card's data breaks its format (BER-TLV, Vitale layout, value rules). */
    MALFORMED_DATA,
    /** The card is not of the type the operation needs. */
    UNSUPPORTED_CARD,
    /** The thread was interrupted while waiting (the interrupt flag is restored). */
    INTERRUPTED,
    /** The reader port or session was already closed. */
    CLOSED,
    /** A PIN was rejected by the token (the PIN itself is never reported). */
    PIN_INCORRECT,
    /** The PIN is blocked. */
    PIN_LOCKED,
    /** Any other PKCS#11 failure. */
    PKCS11_ERROR,
    /** Any other PC/SC failure (see {@link #scardError()}). */
    PCSC_ERROR
  }

  /** Marks an absent status word. */
  private static final int NO_SW = -1;

  /** The code. */
  private final Code code;
  /** The reader, may be null. */
  private final String reader;
  /** The ATR in hex, may be null. */
  private final String atr;
  /** The status word or -1. */
  private final int statusWord;
  /** The PC/SC error name, may be null. */
  private final String scardError;
  /** What failed, without the diagnostics. */
  private final String detail;

  private CardReaderException(Code code, String detail, String reader, String atr, int sw,
      String scardError, String scardDescription, Throwable cause) {
    super(message(code, detail, reader, atr, sw, scardDescription), cause);
    this.code = code;
    this.reader = reader;
    this.atr = atr;
    this.statusWord = sw;
    this.scardError = scardError;
    this.detail = detail;
  }

  private static String message(Code code, String detail, String reader, String atr, int sw,
      String scard) {
    StringBuilder b = new StringBuilder(code.name()).append(": ").append(detail);
    StringBuilder d = new StringBuilder();
    if (reader != null) {
      d.append("reader=").append(reader);
    }
    if (atr != null) {
      d.append(d.length() > 0 ? ", " : "").append("ATR=").append(atr);
    }
    if (sw >= 0) {
      d.append(d.length() > 0 ? ", " : "").append("SW=").append(StatusWords.describe(sw));
    }
    if (scard != null) {
      d.append(d.length() > 0 ? ", " : "").append("SCARD=").append(scard);
    }
    if (d.length() > 0) {
      b.append(" [").append(d).append(']');
    }
    return b.toString();
  }

  /**
   * Creates an error with no card context.
   *
   * @param code the code, not null
   * @param detail what failed and which rule, never patient data
   * @return the exception
   */
  public static CardReaderException of(Code code, String detail) {
    return new CardReaderException(code, detail, null, null, NO_SW, null, null, null);
  }

  /**
   * Creates an error with full diagnostics.
   *
   * @param code the code, not null
   * @param detail what failed and which rule, never patient data
   * @param reader the reader name, or {@code null}
   * @param atr the card's ATR, or {@code null}
   * @param statusWord the status word (0x0000–0xFFFF), or -1 for none
   * @param cause the cause, or {@code null}
   * @return the exception
   */
  public static CardReaderException of(Code code, String detail, String reader, byte[] atr,
      int statusWord, Throwable cause) {
    return new CardReaderException(code, detail, reader, atr == null ? null : Hex.of(atr),
        statusWord, null, null, cause);
  }

  /**
   * Creates an error from a PC/SC failure (used by the adapters).
   *
   * @param code the code, not null
   * @param detail what failed
   * @param reader the reader name, or {@code null}
   * @param atr the card's ATR, or {@code null}
   * @param scardName the PC/SC error name such as {@code SCARD_E_NO_SMARTCARD}, or {@code null}
   * @param scardDescription the name, value and meaning for the message, or {@code null}
   * @param cause the cause, or {@code null}
   * @return the exception
   */
  public static CardReaderException pcsc(Code code, String detail, String reader, byte[] atr,
      String scardName, String scardDescription, Throwable cause) {
    return new CardReaderException(code, detail, reader, atr == null ? null : Hex.of(atr), NO_SW,
        scardName, scardDescription, cause);
  }

  /**
   * Returns the stable code.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  /**
   * Returns what failed, without the code and the diagnostics that {@link #getMessage()} adds.
   *
   * @return the detail, never patient data
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns the reader involved.
   *
   * @return the reader name, if known
   */
  public Optional<String> reader() {
    return Optional.ofNullable(reader);
  }

  /**
   * Returns the ATR of the card involved, in upper-case hex.
   *
   * @return the ATR, if known
   */
  public Optional<String> atr() {
    return Optional.ofNullable(atr);
  }

  /**
   * Returns the ISO 7816 status word the card answered with.
   *
   * @return the status word, if the error comes from one
   */
  public OptionalInt statusWord() {
    return statusWord < 0 ? OptionalInt.empty() : OptionalInt.of(statusWord);
  }

  /**
   * Returns the PC/SC error name, such as {@code SCARD_E_NO_SMARTCARD}.
   *
   * @return the name, if the error comes from PC/SC
   */
  public Optional<String> scardError() {
    return Optional.ofNullable(scardError);
  }
}
