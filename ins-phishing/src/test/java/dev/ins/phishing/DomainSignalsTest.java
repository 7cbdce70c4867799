package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Look-alike, confusable and internationalised domains, in links and senders. */
class DomainSignalsTest {

  private static Assessment link(String href) {
    return Triages.assess(Triages.from("Lettre d'information", "news@lettre-pro.fr")
        .html("<p>Bonjour, <a href=\"" + href + "\">cliquez ici</a></p>"));
  }

  private static Reason reason(Assessment a, ReasonCode code) {
    return a.reasons().stream().filter(r -> r.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + a.reasons()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://amelli.fr/x", "https://ameli-remboursement.fr/x", "https://ameli.com/x", "https://urssaf-gouv.fr/",
      "https://mon-doctolib.com/", "https://doctoilb.fr/", "https://ameli.fr.secure-login.example/", "https://impots-gouv.fr/",
      "https://monameli.fr/", "https://amelifr.net/", "https://credit-agricole-pro.com/", "https://dentaldep0t.fr/",
      "https://cabinet-martin-dentistes.fr/"})
  void lookalikeLinkHosts_areReported(String href) {
    Assessment a = link(href);
    assertTrue(a.has(ReasonCode.LOOKALIKE_DOMAIN) || a.has(ReasonCode.CONFUSABLE_DOMAIN), href + " " + a.reasons());
    assertTrue(a.score() >= Verdict.SUSPICIOUS_FROM, href);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://www.ameli.fr/assure", "https://assurance-maladie.ameli.fr/", "https://www.urssaf.fr/", "https://pro.doctolib.fr/",
      "https://www.impots.gouv.fr/", "https://www.sante.fr/", "https://camelia-fleurs.fr/", "https://amelie-coiffure.fr/",
      "https://www.service-public.fr/", "https://www.laboratoire-cerballiance.fr/", "https://www.legifrance.gouv.fr/",
      "https://www.has-sante.fr/", "https://www.dentaldepot.fr/catalogue", "https://www.cabinet-martin-dentiste.fr/rdv"})
  void legitimateLinkHosts_areNotLookalikes(String href) {
    Assessment a = link(href);
    assertFalse(a.has(ReasonCode.LOOKALIKE_DOMAIN) || a.has(ReasonCode.CONFUSABLE_DOMAIN), href + " " + a.reasons());
    assertEquals(Verdict.SAFE, a.verdict(), href + " " + a.reasons());
  }

  @Test
  void lookalikeReason_saysHowItImitates() {
    assertTrue(reason(link("https://ameli.com/"), ReasonCode.LOOKALIKE_DOMAIN).message().contains("autre extension (.com)"));
    assertTrue(reason(link("https://amelli.fr/"), ReasonCode.LOOKALIKE_DOMAIN).message().contains("une lettre"));
    assertTrue(reason(link("https://ameli-remboursement.fr/"), ReasonCode.LOOKALIKE_DOMAIN).message().contains("ajoute des mots"));
    assertTrue(reason(link("https://ameli.fr.secure-login.example/"), ReasonCode.LOOKALIKE_DOMAIN).message().contains("devant un autre domaine"));
  }

  @Test
  void cyrillicHomograph_isConfusable_shownDecodedWithItsPunycode() {
    String host = "\u0430meli.fr"; // Cyrillic a
    Assessment a = link("https://" + host + "/connexion");
    Reason r = reason(a, ReasonCode.CONFUSABLE_DOMAIN);
    assertTrue(r.message().contains(host) && r.message().contains(IDN.toASCII(host)) && r.message().contains("ameli.fr"), r.message());
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void digitsAndLetterPairsThatReadAlike_areConfusable() {
    assertTrue(link("https://paypa1.com/").has(ReasonCode.CONFUSABLE_DOMAIN));
    assertTrue(link("https://arneli.fr/").has(ReasonCode.CONFUSABLE_DOMAIN), "rn reads as m");
  }

  @Test
  void accentedCopyOfABrand_isALookalike() {
    Assessment a = link("https://" + IDN.toASCII("améli.fr") + "/");
    assertTrue(reason(a, ReasonCode.LOOKALIKE_DOMAIN).message().contains("améli.fr"), a.reasons().toString());
  }

  @Test
  void punycodeDomain_imitatingNothing_isWeakAndShownDecoded() {
    String host = "café-du-port.fr";
    Assessment a = link("https://" + IDN.toASCII(host) + "/menu");
    Reason r = reason(a, ReasonCode.PUNYCODE_DOMAIN);
    assertTrue(r.message().contains(host), r.message());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  @Test
  void mixedScriptPunycode_weighsMore() {
    Assessment a = link("https://" + IDN.toASCII("dentа-sоins.fr") + "/"); // Cyrillic a and o in a Latin name
    assertEquals(25, reason(a, ReasonCode.PUNYCODE_DOMAIN).points());
  }

  @Test
  void practiceLookalike_asSender_isDangerous() {
    Assessment a = Triages.assess(Triages.from("Dr Claire Martin", "claire.martin@cabinet-martin-dentistes.fr").text("Peux-tu faire un virement ?"));
    assertEquals(Verdict.DANGEROUS, a.verdict(), a.reasons().toString());
    assertTrue(reason(a, ReasonCode.LOOKALIKE_DOMAIN).message().contains("votre cabinet"));
  }
}
