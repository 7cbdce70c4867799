package dev.ins.cardreader.vitale;

import dev.ins.cardreader.CardType;
import java.util.List;
import java.util.Objects;

/**
 * What a Carte Vitale read gave: the ATR, the card type, the beneficiaries (the card holder first)
 * and the card's fingerprint.
 *
 * <p>Invariants: at least one beneficiary. {@link #toString()} shows no patient data.
 *
 * <pre>{@code
 * VitaleCard card = new VitaleReader().read(readers, reader);
 * card.holder().birthName();
 * card.beneficiaries().size();
 * }</pre>
 *
 * @param atr the ATR, upper-case hex
 * @param type the card type from the ATR
 * @param beneficiaries the beneficiaries in card order; the first is the card holder
 * @param fingerprint identifies this card for {@link VitaleReader#check}
 */
public record VitaleCard(String atr, CardType type, List<VitaleBeneficiary> beneficiaries,
    CardFingerprint fingerprint) {

  /**
   * Validates and copies.
   *
   * @param atr see the record component
   * @param type see the record component
   * @param beneficiaries see the record component
   * @param fingerprint see the record component
   */
  public VitaleCard {
    Objects.requireNonNull(atr, "atr == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    beneficiaries = List.copyOf(beneficiaries);
    if (beneficiaries.isEmpty()) {
      throw new IllegalArgumentException("beneficiaries: at least one");
    }
  }

  /**
   * Returns the card holder: by this SDK's reading of the layout, the first beneficiary template.
   *
   * @return the holder
   */
  public VitaleBeneficiary holder() {
    return beneficiaries.get(0);
  }
}
