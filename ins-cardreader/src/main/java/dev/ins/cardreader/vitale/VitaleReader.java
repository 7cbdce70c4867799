package dev.ins.cardreader.vitale;

import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;
import dev.ins.core.vitale.CardGuard;
import dev.ins.core.vitale.CardPresence;
import dev.ins.core.vitale.VitaleSelection;
import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardReaders;
import dev.ins.cardreader.CardSession;
import dev.ins.cardreader.CardType;
import dev.ins.cardreader.StatusWords;
import dev.ins.cardreader.internal.Hex;
import dev.ins.cardreader.internal.vitale.VitaleLayout;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Reads the publicly readable data of a Carte Vitale 2 (no PIN, no CPS) and checks that a card is
 * still the one read.
 *
 * <p>APDUs: SELECT MF {@code 3F00}, READ BINARY short EF 2 (names and birth dates); SELECT the
 * VITALE application, READ BINARY short EF 2 (NIRs). Files longer than one response are read on at
 * increasing offsets. Status words follow ISO 7816-4: {@code 9000} and the warnings {@code 62xx} and
 * {@code 63xx} mean the command was processed (on READ BINARY, {@code 6282} "end of file before Le
 * bytes" returns valid data, also on the first read), except {@code 6281} (data may be corrupted),
 * {@code 6283} (file deactivated) and {@code 6285} (file terminated), which stop the read like any
 * error status, with {@code UNEXPECTED_STATUS} (the SW and its meaning in the message). A Vitale 1
 * or CPS ATR gives {@code UNSUPPORTED_CARD}.
 *
 * <p>The whole read has a deadline ({@link #DEFAULT_TIMEOUT} unless given): a card that stops
 * answering gives {@code CARD_UNRESPONSIVE} in time, never a blocked caller. A beneficiary whose
 * data breaks the format is reported in {@link VitaleCard#unreadable()} and the others are kept;
 * only a card with no readable beneficiary fails with {@code MALFORMED_DATA}.
 *
 * <pre>{@code
 * VitaleReader vitale = new VitaleReader();
 * VitaleCard card = vitale.read(readers, reader);
 * // ... INSi search with the card's data ...
 * CardCheck same = vitale.check(readers, reader, card.fingerprint());
 * }</pre>
 */
public final class VitaleReader {

  /** The time a whole read may take when no timeout is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final byte[] FINGERPRINT_KEY = new byte[32];
  private static final int MAX_FILE = 0x7FFF;

  static {
    new SecureRandom().nextBytes(FINGERPRINT_KEY);
  }

  /** Creates a reader; it holds no state and may be shared. */
  public VitaleReader() {}

  /**
   * Opens a session on a reader, reads the card and closes the session, all within
   * {@link #DEFAULT_TIMEOUT}.
   *
   * @param readers the port
   * @param reader the reader name
   * @return the card's data
   * @throws CardReaderException {@code NO_CARD}, {@code CARD_REMOVED}, {@code CARD_UNRESPONSIVE},
   *     {@code UNSUPPORTED_CARD}, {@code UNEXPECTED_STATUS}, {@code MALFORMED_DATA}, ...
   */
  public VitaleCard read(CardReaders readers, String reader) {
    return read(readers, reader, DEFAULT_TIMEOUT);
  }

  /**
   * Opens a session on a reader, reads the card and closes the session, all within a deadline.
   *
   * <pre>{@code
   * VitaleCard card = vitale.read(readers, reader, Duration.ofSeconds(3));
   * }</pre>
   *
   * @param readers the port
   * @param reader the reader name
   * @param timeout the time the whole read may take, positive
   * @return the card's data
   * @throws CardReaderException see {@link #read(CardReaders, String)}; {@code CARD_UNRESPONSIVE}
   *     or {@code TIMEOUT} when the deadline passes
   */
  public VitaleCard read(CardReaders readers, String reader, Duration timeout) {
    try (CardSession s = readers.open(reader, timeout)) {
      return read(s);
    }
  }

  /**
   * Reads the card of an open session.
   *
   * @param session the session
   * @return the card's data
   * @throws CardReaderException see {@link #read(CardReaders, String)}
   */
  public VitaleCard read(CardSession session) {
    byte[] atr = session.atr();
    CardType type = CardType.fromAtr(atr);
    if (type == CardType.VITALE_1 || type == CardType.CPS) {
      throw CardReaderException.of(Code.UNSUPPORTED_CARD, "not a Carte Vitale 2 (" + type + ")",
          session.reader(), atr, -1, null);
    }
    expectOk(session, select(0x00, VitaleLayout.FID_MF), "SELECT MF 3F00");
    byte[] identity = readFile(session, "MF identity EF");
    expectOk(session, select(0x04, VitaleLayout.AID_VITALE), "SELECT AID VITALE " + Hex.of(VitaleLayout.AID_VITALE));
    byte[] nirs = readFile(session, "VITALE EF");
    VitaleLayout.Parsed parsed;
    try {
      parsed = VitaleLayout.read(identity, nirs);
    } catch (CardReaderException e) {
      throw CardReaderException.of(e.code(), e.detail(), session.reader(), atr, -1, e);
    }
    if (parsed.readable().isEmpty()) {
      throw CardReaderException.of(Code.MALFORMED_DATA, "no readable beneficiary on the Vitale card: "
          + parsed.describeUnreadable(), session.reader(), atr, -1, null);
    }
    return new VitaleCard(Hex.of(atr), type, parsed.readable(), fingerprint(atr, identity, nirs),
        parsed.unreadable());
  }

  /**
   * Checks that the card in the reader is the one a fingerprint was taken from, by reading it again.
   *
   * @param readers the port
   * @param reader the reader name
   * @param expected the fingerprint of the earlier read
   * @return {@code SAME_CARD}, {@code DIFFERENT_CARD} (another card, or one that is no longer a
   *     readable Vitale 2) or {@code NO_CARD}
   * @throws CardReaderException for transport failures (service gone, card removed during the check)
   */
  public CardCheck check(CardReaders readers, String reader, CardFingerprint expected) {
    return check(readers, reader, expected, DEFAULT_TIMEOUT);
  }

  /**
   * Checks that the card in the reader is the one a fingerprint was taken from, by reading it again
   * within a deadline.
   *
   * @param readers the port
   * @param reader the reader name
   * @param expected the fingerprint of the earlier read
   * @param timeout the time the read may take, positive
   * @return see {@link #check(CardReaders, String, CardFingerprint)}
   * @throws CardReaderException for transport failures, {@code CARD_UNRESPONSIVE} past the deadline
   */
  public CardCheck check(CardReaders readers, String reader, CardFingerprint expected, Duration timeout) {
    try {
      return read(readers, reader, timeout).fingerprint().matches(expected) ? CardCheck.SAME_CARD
          : CardCheck.DIFFERENT_CARD;
    } catch (CardReaderException e) {
      switch (e.code()) {
        case NO_CARD:
          return CardCheck.NO_CARD;
        case UNSUPPORTED_CARD:
        case UNEXPECTED_STATUS:
        case MALFORMED_DATA:
          return CardCheck.DIFFERENT_CARD;
        default:
          throw e;
      }
    }
  }

  /**
   * Turns the choice of a beneficiary on a card just read into the ins-core selection the INSi
   * client searches with ({@code insi.searchWithVitale(selection)}), bound to this reader: its guard
   * reads the card again ({@link #check}) so that a card swapped since the read is caught where the
   * search is made (CNDA 1.02/1.03). The insured matricule is the card holder's; the rank is
   * unknown (never guessed).
   *
   * @param readers the port the card was read through
   * @param reader the reader name
   * @param card the card read from that reader
   * @param index the chosen beneficiary, from 0
   * @return the selection
   * @throws InsValidationException when the index is out of range, or the holder's or the chosen
   *     beneficiary's NIR is malformed or fails its key ({@code vitale.insured} /
   *     {@code vitale.beneficiary})
   */
  public VitaleSelection select(CardReaders readers, String reader, VitaleCard card, int index) {
    if (index < 0 || index >= card.beneficiaries().size()) {
      throw InsValidationException.of("vitale.position", ViolationCode.INVALID_FORMAT, -1,
          "the card holds " + card.beneficiaries().size() + " beneficiary(ies)");
    }
    VitaleBeneficiary chosen = card.beneficiaries().get(index);
    Matricule insured = nir(card.holder(), "vitale.insured", false);
    Matricule own = nir(chosen, "vitale.beneficiary", true);
    CardFingerprint expected = card.fingerprint();
    CardGuard guard = () -> switch (check(readers, reader, expected)) {
      case SAME_CARD -> CardPresence.SAME_CARD;
      case DIFFERENT_CARD -> CardPresence.OTHER_CARD;
      case NO_CARD -> CardPresence.NO_CARD;
    };
    return VitaleSelection.of(insured, own, chosen.birthName(), chosen.firstName(), chosen.birthDate(), 0, index,
        card.beneficiaries().size(), guard);
  }

  private static Matricule nir(VitaleBeneficiary b, String field, boolean mayBeAbsent) {
    NirCheck c = b.nirCheck();
    if (c == NirCheck.VALID) {
      return b.matricule().orElseThrow();
    }
    if (c == NirCheck.ABSENT && mayBeAbsent) {
      return null;
    }
    throw InsValidationException.of(field, c == NirCheck.INVALID_KEY ? ViolationCode.INVALID_KEY
        : c == NirCheck.ABSENT ? ViolationCode.REQUIRED : ViolationCode.INVALID_FORMAT, -1,
        "the card's NIR cannot be searched (" + c + ")");
  }

  private static CommandAPDU select(int p1, byte[] id) {
    return new CommandAPDU(0x00, 0xA4, p1, 0x00, id);
  }

  private static void expectOk(CardSession s, CommandAPDU c, String what) {
    ResponseAPDU r = s.transmit(c);
    if (!StatusWords.isProcessed(r.getSW())) {
      throw CardReaderException.of(Code.UNEXPECTED_STATUS, what + " refused", s.reader(), s.atr(), r.getSW(), null);
    }
  }

  private static byte[] readFile(CardSession s, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResponseAPDU r = s.transmit(new CommandAPDU(0x00, 0xB0, 0x80 | VitaleLayout.SFI_IDENTITY, 0x00, 256));
    while (true) {
      int sw = r.getSW();
      // 6B00 past the first read: the offset is beyond the EF, the file ended exactly there.
      boolean beyondEnd = out.size() > 0 && sw == 0x6B00;
      if (!beyondEnd && !StatusWords.isProcessed(sw)) {
        throw CardReaderException.of(Code.UNEXPECTED_STATUS, "READ BINARY " + what + " at offset "
            + out.size() + " refused", s.reader(), s.atr(), sw, null);
      }
      out.writeBytes(r.getData());
      if (beyondEnd || sw == 0x6282 || r.getNr() < 256) {
        return out.toByteArray();
      }
      if (out.size() > MAX_FILE) {
        throw CardReaderException.of(Code.MALFORMED_DATA, what + " longer than " + MAX_FILE + " bytes",
            s.reader(), s.atr(), -1, null);
      }
      r = s.transmit(new CommandAPDU(0x00, 0xB0, out.size() >> 8, out.size() & 0xFF, 256));
    }
  }

  private static CardFingerprint fingerprint(byte[] atr, byte[] identity, byte[] nirs) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(FINGERPRINT_KEY, "HmacSHA256"));
      for (byte[] part : new byte[][] {atr, identity, nirs}) {
        mac.update((byte) (part.length >> 8));
        mac.update((byte) part.length);
        mac.update(part);
      }
      return new CardFingerprint(Hex.of(mac.doFinal()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
