package dev.ins.insi.acceptance;

import dev.ins.insi.acceptance.AcceptanceScenario.Expected;
import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.Matricule;
import dev.ins.core.vitale.CardPresence;
import dev.ins.core.vitale.VitaleSelection;
import dev.ins.insi.FirstNameStrategy;
import java.util.List;

/**
 * Scripted CNDA-like scenarios built on the public test identities (see the project's INSi notes,
 * §2 and §4). The CNDA's own guide is not public: the identifiers follow the case numbers peers
 * cite, and each description says what is exercised.
 *
 * <pre>{@code
 * List<AcceptanceScenario> cases = AcceptanceScenarios.cndaLike();
 * }</pre>
 */
public final class AcceptanceScenarios {

  private AcceptanceScenarios() {}

  /**
   * Returns the scripted scenarios: 2.03 cas 1–3, 2.04, 2.05, 2.08 cas 1–2, the first-name loop,
   * CR 01, CR 02 and the Carte Vitale cases 1.02 and 1.03. The embedded stub INSi server answers
   * all of them as expected; on the real test platform, CR 01 cannot be produced (it answers
   * insi_101/102 instead), the injected-file cases (2.05, 2.08) need the CNDA response files, and
   * the card cases need your card path and test cards.
   *
   * @return the scenarios, in order
   */
  public static List<AcceptanceScenario> cndaLike() {
    AcceptanceScenario.VitaleCase card = new AcceptanceScenario.VitaleCase("275126322074974", "109076322083489",
        "ECETINSI", "PIERRE-ALAIN", "2009-07-14", false);
    return List.of(
        AcceptanceScenario.traits("2.03-cas1", "apostrophes and spaces in the birth name", "D'Artagnan de l'Hérault",
            "Pierre-Alain", "M", "2001-06-17", null, Expected.FOUND),
        AcceptanceScenario.traits("2.03-cas2", "search with the birthplace code (Corsica 2B), sent from the first call",
            "ADRTROIS", "TOUSSAINT", "M", "1960-01-01", "2B020", Expected.FOUND_BIRTHPLACE_SENT)
            .withStrategy(FirstNameStrategy.SINGLE_CALL),
        AcceptanceScenario.traits("2.03-cas3", "typed ligatures (AE, OE) are refused before any call", "D'Æion", "Cœur",
            "M", "1987-01-01", null, Expected.LOCAL_REFUSAL),
        AcceptanceScenario.traits("2.04", "former matricules (INSHISTO) returned and kept", "ECETINSI", "PIERRE-ALAIN",
            "M", "2009-07-14", null, Expected.FOUND_WITH_HISTORY),
        AcceptanceScenario.traits("2.05", "NIA: the OID says NIA, never treated as a NIR", "PROVISOIRE", "MATRICULE",
            "M", "2009-07-01", null, Expected.FOUND_NIA),
        AcceptanceScenario.traits("2.08-cas1", "Corsican matricule (2B) with its history", "CORSE", "ANTHONY", "M",
            "1980-03-02", null, Expected.FOUND_WITH_HISTORY),
        AcceptanceScenario.traits("2.08-cas2", "history holding a matricule of the other sex (sex changed)", "HERMANN",
            "GATIEN", "M", "1981-03-24", null, Expected.FOUND_WITH_SEX_CHANGED_HISTORY),
        AcceptanceScenario.traits("first-names", "each first name alone, then all: found on the second", "TCHITCHI",
            "OLA CATARINA BELLA", "F", "1936-06-21", null, Expected.FOUND),
        AcceptanceScenario.traits("CR01", "no identity after every first-name attempt", "HOUILLES",
            "PIERRE PAUL JACQUES", "M", "1993-01-27", null, Expected.NOT_FOUND),
        AcceptanceScenario.traits("CR02", "several identities without the birthplace", "DE VINCI", "LEONARDO", "M",
            "2014-02-01", null, Expected.SEVERAL_FOUND),
        AcceptanceScenario.vitale("1.02", "Carte Vitale: the beneficiary chosen on the card is the one searched",
            card, Expected.FOUND_CHOSEN_BENEFICIARY),
        AcceptanceScenario.vitale("1.03", "Carte Vitale: a card swapped after the choice is caught, no call",
            new AcceptanceScenario.VitaleCase(card.insured(), card.beneficiary(), card.birthName(), card.firstName(),
                card.birthDate(), true), Expected.CARD_SWAP_REFUSED));
  }

  /**
   * Simulates the card of a Carte Vitale case for the embedded run (this module reads no card): the
   * selection of the case's beneficiary, whose guard answers {@link CardPresence#OTHER_CARD} when
   * the case swaps the card, {@link CardPresence#SAME_CARD} otherwise. Use your own card path
   * against a real platform.
   *
   * @param card the case
   * @return the selection, the chosen beneficiary being the card's second
   */
  public static VitaleSelection simulatedCard(AcceptanceScenario.VitaleCase card) {
    CardPresence seen = card.swappedBeforeSearch() ? CardPresence.OTHER_CARD : CardPresence.SAME_CARD;
    return VitaleSelection.of(Matricule.parse(card.insured()), Matricule.parse(card.beneficiary()),
        BirthName.of(card.birthName()), FirstNames.of(card.firstName()), BirthDate.parse(card.birthDate()), 0, 1, 2,
        () -> seen);
  }
}
