package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Lure wording: each category found, and wording alone never makes a message suspicious, let alone dangerous. */
class ContentSignalsTest {

  private static final List<String> PHRASES = List.of("URGENT", "immédiatement", "sous 24 heures", "dernier rappel", "votre compte sera bloqué",
      "suspension de vos droits", "mise en demeure", "remboursement", "trop-perçu de 120 €", "en votre faveur", "mot de passe", "identifiant",
      "confirmez vos informations", "numéro de sécurité sociale", "carte Vitale", "e-CPS", "renouvellement de votre carte", "IBAN",
      "nouvelles coordonnées bancaires", "changement de banque", "Connectez-vous", "pièce d'identité");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Merci de me répondre de façon URGENTE, c'est urgent.|LURE_URGENCY",
      "Votre accès sera désactivé et votre compte suspendu.|LURE_SUSPENSION",
      "Un remboursement de 23,50 € est en attente.|LURE_REFUND",
      "Merci de confirmer votre mot de passe.|LURE_CREDENTIALS",
      "Commandez votre nouvelle carte Vitale.|LURE_CARD_RENEWAL",
      "Veuillez noter notre nouveau RIB et notre IBAN.|LURE_BANK_DETAILS"})
  void eachLureCategory_isFoundAndQuoted(String text, ReasonCode code) {
    Assessment a = Triages.assess(Triages.from("Julien Petit", "julien.petit@gmail.com").text(text));
    Reason r = a.reasons().stream().filter(x -> x.code() == code).findFirst().orElseThrow(() -> new AssertionError(code + " " + a.reasons()));
    assertTrue(r.message().contains("«") && r.message().contains("indice faible"), r.message());
  }

  static LongStream seeds() {
    return Seeds.stream(40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wordingAlone_neverWeighsMoreThanTheCap(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(12); i++) {
      words.add(PHRASES.get(r.nextInt(PHRASES.size())));
    }
    String text = "Bonjour,\n" + String.join(". ", words) + ".\nCordialement";
    Assessment a = Triages.assess(Triages.from(null, "contact@exemple-envoi.fr").subject(words.get(0)).text(text));
    assertTrue(a.score() <= ReasonCode.LURE_CAP, Seeds.describe(seed) + " " + a);
    assertEquals(Verdict.SAFE, a.verdict(), Seeds.describe(seed) + " " + a);
  }
}
