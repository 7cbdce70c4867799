package dev.ins.cardreader.vitale;

import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.CardReaderException.Code;
import dev.ins.cardreader.CardType;
import dev.ins.cardreader.internal.Hex;
import java.util.List;
import java.util.Objects;

/**
 * What a Carte Vitale read gave: the ATR, the card type, the beneficiaries whose data is readable
 * (in card order), those whose data breaks the format, and the card's fingerprint.
 *
 * <p>Invariants: at least one readable beneficiary. One malformed beneficiary does not make the
 * card unreadable: it is listed in {@link #unreadable()} (field and rule, no data) and the others
 * are kept. {@link #toString()} shows no patient data.
 *
 * <pre>{@code
 * VitaleCard card = new VitaleReader().read(readers, reader);
 * card.holder().birthName();
 * card.beneficiaries().size();
 * card.unreadable(); // usually empty
 * }</pre>
 *
 * @param atr the ATR, upper-case hex
 * @param type the card type from the ATR
 * @param beneficiaries the readable beneficiaries in card order
 * @param fingerprint identifies this card for {@link VitaleReader#check}
 * @param unreadable the beneficiary templates whose data breaks the format, in card order
 */
public record VitaleCard(String atr, CardType type, List<VitaleBeneficiary> beneficiaries,
    CardFingerprint fingerprint, List<UnreadableBeneficiary> unreadable) {

  /**
   * Validates and copies.
   *
   * @param atr see the record component
   * @param type see the record component
   * @param beneficiaries see the record component
   * @param fingerprint see the record component
   * @param unreadable see the record component
   */
  public VitaleCard {
    Objects.requireNonNull(atr, "atr == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    beneficiaries = List.copyOf(beneficiaries);
    unreadable = List.copyOf(unreadable);
    if (beneficiaries.isEmpty()) {
      throw new IllegalArgumentException("beneficiaries: at least one readable");
    }
  }

  /**
   * Creates a card whose beneficiaries are all readable.
   *
   * @param atr see the record component
   * @param type see the record component
   * @param beneficiaries see the record component
   * @param fingerprint see the record component
   */
  public VitaleCard(String atr, CardType type, List<VitaleBeneficiary> beneficiaries,
      CardFingerprint fingerprint) {
    this(atr, type, beneficiaries, fingerprint, List.of());
  }

  /**
   * Returns the card holder: by this SDK's reading of the layout, the first beneficiary template.
   *
   * @return the holder
   * @throws CardReaderException {@code MALFORMED_DATA} naming the field when the holder's own data
   *     is the unreadable part (the other beneficiaries stay in {@link #beneficiaries()})
   */
  public VitaleBeneficiary holder() {
    for (UnreadableBeneficiary u : unreadable) {
      if (u.position() == 0) {
        throw CardReaderException.of(Code.MALFORMED_DATA, "Vitale card holder unreadable: " + u.describe(),
            null, Hex.parse(atr), -1, null);
      }
    }
    return beneficiaries.get(0);
  }
}
