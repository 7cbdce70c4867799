package dev.ins.cardreader.virtual;

import dev.ins.cardreader.internal.IsoFileCard;
import dev.ins.cardreader.internal.vitale.VitaleLayout;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import java.util.List;

/**
 * A simulated Carte Vitale 2 holding the public data of the beneficiaries given, in the layout
 * {@link dev.ins.cardreader.vitale.VitaleReader} reads. It answers like a T=0 card (Vitale 2 ATR,
 * {@code 6Cxx} when Le does not fit). Use synthetic identities only.
 *
 * <pre>{@code
 * VitaleCardSimulator card = VitaleCardSimulator.of(List.of(
 *     VitaleBeneficiary.of(BirthName.of("TESTNAME"), FirstNames.of("TESTFIRST"),
 *         BirthDate.of(1984, 5, 1), Matricule.parse("284058832102532"))));
 * inMemory.insert("Reader A", card);
 * }</pre>
 */
public final class VitaleCardSimulator implements ApduHandler {

  private final IsoFileCard card = new IsoFileCard(true);
  private final List<VitaleBeneficiary> beneficiaries;

  private VitaleCardSimulator(List<VitaleBeneficiary> beneficiaries) {
    this.beneficiaries = List.copyOf(beneficiaries);
    if (this.beneficiaries.isEmpty()) {
      throw new IllegalArgumentException("beneficiaries: at least one");
    }
    card.addFile(null, 0x2002, VitaleLayout.SFI_IDENTITY, VitaleLayout.encodeIdentityFile(this.beneficiaries));
    card.addFile(VitaleLayout.AID_VITALE, 0x2002, VitaleLayout.SFI_IDENTITY,
        VitaleLayout.encodeNirFile(this.beneficiaries));
  }

  /**
   * Creates the card.
   *
   * @param beneficiaries at least one; the first is the card holder
   * @return the card
   */
  public static VitaleCardSimulator of(List<VitaleBeneficiary> beneficiaries) {
    return new VitaleCardSimulator(beneficiaries);
  }

  /**
   * Returns the beneficiaries the card holds.
   *
   * @return the list, holder first
   */
  public List<VitaleBeneficiary> beneficiaries() {
    return beneficiaries;
  }

  @Override
  public byte[] atr() {
    return VitaleLayout.ATR.clone();
  }

  @Override
  public byte[] process(byte[] command) {
    return card.process(command);
  }

  @Override
  public void reset() {
    card.reset();
  }
}
