package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.MailComposer;
import dev.ins.phishing.testing.MailCorpus;
import org.junit.jupiter.api.Test;

/** The sender signals: authentication, impersonation, Reply-To and Return-Path, with their hard negatives. */
class SenderSignalsTest {

  private static Reason reason(Assessment a, ReasonCode code) {
    return a.reasons().stream().filter(r -> r.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + a.reasons()));
  }

  private static MailComposer withAuth(String results, String display, String address) {
    return new MailComposer().authenticationResults(results).from(display, address).subject("Information").text("Bonjour,\nvoici une information.");
  }

  @Test
  void dmarcFail_isAuthFailNamingTheServerAndTheResults() {
    Assessment a = Triages.assess(withAuth(Triages.MX + "; spf=fail smtp.mailfrom=envoi.example.com; dkim=none; dmarc=fail header.from=fournisseur-med.com",
        "Fournisseur", "contact@fournisseur-med.com"));
    Reason r = reason(a, ReasonCode.AUTH_FAIL);
    assertTrue(r.message().contains("dmarc=fail") && r.message().contains(Triages.MX) && r.message().contains("fournisseur-med.com"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void dmarcFail_onAnInstitutionsDomain_isSpoofingAndDangerous() {
    Assessment a = Triages.assess(withAuth(Triages.MX + "; spf=softfail smtp.mailfrom=bulk.example.net; dkim=none; dmarc=fail header.from=info.ameli.fr",
        "Assurance Maladie", "assurance-maladie@info.ameli.fr"));
    Reason r = reason(a, ReasonCode.AUTH_SPOOFED_DOMAIN);
    assertTrue(r.message().contains("Assurance Maladie") && r.message().contains("usurpation"), r.message());
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void dmarcFail_onThePracticesOwnDomain_isSpoofing() {
    Assessment a = Triages.assess(withAuth(Triages.MX + "; spf=fail smtp.mailfrom=x.example.net; dmarc=fail header.from=" + MailCorpus.PRACTICE_DOMAIN,
        "Dr Claire Martin", "claire@" + MailCorpus.PRACTICE_DOMAIN));
    assertTrue(reason(a, ReasonCode.AUTH_SPOOFED_DOMAIN).message().contains("votre cabinet"));
  }

  @Test
  void passForAnotherDomain_isNotAligned() {
    Assessment a = Triages.assess(withAuth(Triages.MX + "; spf=pass smtp.mailfrom=bounce.mailer.example.net; dkim=pass header.d=mailer.example.net",
        "Boutique", "contact@boutique-dentaire.fr"));
    Reason r = reason(a, ReasonCode.AUTH_NOT_ALIGNED);
    assertTrue(r.message().contains("boutique-dentaire.fr") && r.message().contains("mailer.example.net"), r.message());
    assertEquals(Verdict.SAFE, a.verdict(), "weak on its own");
  }

  @Test
  void noDmarcResult_butAlignedDkim_isAuthenticated() {
    Assessment a = Triages.assess(withAuth(Triages.MX + "; spf=none; dkim=pass header.d=cabinet-voisin.fr; dmarc=none",
        "Cabinet voisin", "accueil@cabinet-voisin.fr"));
    assertFalse(a.has(ReasonCode.AUTH_NOT_ALIGNED) || a.has(ReasonCode.AUTH_FAIL), a.reasons().toString());
  }

  @Test
  void institutionDomain_withoutAnyAuthenticationResult_isUnverified() {
    Assessment a = Triages.PRACTICE.assess(new MailComposer().from("Urssaf", "ne-pas-repondre@info.urssaf.fr").subject("Échéance")
        .text("Votre échéance est disponible.").build());
    assertTrue(reason(a, ReasonCode.AUTH_UNVERIFIED).message().contains("Urssaf"));
    assertEquals(Verdict.SAFE, a.verdict(), "unverified is not proof of spoofing");
  }

  @Test
  void forgedAuthenticationResults_fromAnotherServer_areIgnored() {
    byte[] eml = new MailComposer()
        .authenticationResults(Triages.MX + "; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=info.ameli.fr")
        .authenticationResults("mx.attaquant.example; spf=pass smtp.mailfrom=info.ameli.fr; dkim=pass header.d=info.ameli.fr; dmarc=pass header.from=info.ameli.fr")
        .from("Assurance Maladie", "assurance-maladie@info.ameli.fr").subject("x").text("x").build();
    assertTrue(Triages.PRACTICE.assess(eml).has(ReasonCode.AUTH_SPOOFED_DOMAIN), "the practice's server said fail");
    // A forged "pass" placed on top, in the name of another server, does not count either.
    byte[] forgedOnTop = new MailComposer()
        .authenticationResults("mx.attaquant.example; dmarc=pass header.from=info.ameli.fr")
        .authenticationResults(Triages.MX + "; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=info.ameli.fr")
        .from("Assurance Maladie", "assurance-maladie@info.ameli.fr").subject("x").text("x").build();
    assertTrue(Triages.PRACTICE.assess(forgedOnTop).has(ReasonCode.AUTH_SPOOFED_DOMAIN));
  }

  @Test
  void withoutConfiguredAuthservId_theTopMostHeaderIsTrusted() {
    byte[] eml = new MailComposer()
        .authenticationResults("mx.provider.example; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=fournisseur-med.com")
        .from("Fournisseur", "contact@fournisseur-med.com").subject("x").text("x").build();
    assertTrue(MailTriage.standard().assess(eml).has(ReasonCode.AUTH_FAIL));
  }

  @Test
  void institutionDisplayName_onAFreeMailAddress_isImpersonation() {
    Assessment a = Triages.assess(Triages.from("Assurance Maladie", "service.remboursement@gmail.com").text("Bonjour"));
    Reason r = reason(a, ReasonCode.DISPLAY_NAME_IMPERSONATION);
    assertTrue(r.message().contains("« Assurance Maladie »") && r.message().contains("gmail.com")
        && r.message().contains("messagerie gratuite") && r.message().contains("ameli.fr"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void displayNameClaims_areMatchedOnWordsIgnoringCaseAndAccents() {
    assertTrue(Triages.assess(Triages.from("SERVICE URSSAF", "info@relances-pro.fr").text("x")).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
    assertTrue(Triages.assess(Triages.from("Agence du Numerique en Sante", "ecps@support-pro.net").text("x"))
        .has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
    assertTrue(Triages.assess(Triages.from("ARS Occitanie", "alerte@sante-info.net").text("x")).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
  }

  @Test
  void shortAcronymClaims_needCapitals_soOrdinaryWordsDoNotTrigger() {
    // "ans" (years), "ars", "cic" in lower case are words, not institutions.
    assertFalse(Triages.assess(Triages.from("Mes 40 ans de cabinet", "jean.dupuis@orange.fr").text("x")).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
    assertFalse(Triages.assess(Triages.from("Julie Amelin", "julie.amelin@gmail.com").text("x")).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
  }

  @Test
  void institutionName_inTheAddress_isImpersonationToo() {
    Assessment a = Triages.assess(Triages.from(null, "ameli.remboursement@securite-paiement.net").text("x"));
    assertTrue(reason(a, ReasonCode.DISPLAY_NAME_IMPERSONATION).message().contains("« ameli »"));
  }

  @Test
  void realInstitution_authenticated_withLureWords_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Assurance Maladie", "assurance-maladie@info.ameli.fr")
        .subject("Vos remboursements").html("<p>Votre remboursement est disponible. Pensez à mettre à jour votre carte Vitale."
            + " <a href=\"https://www.ameli.fr/assure\">https://www.ameli.fr/assure</a></p>"));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    assertFalse(a.has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
  }

  @Test
  void colleagueWritingUrgent_fromFreeMail_withAlignedDmarcPass_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Nicolas Moreau", "nicolas.moreau@gmail.com").subject("URGENT")
        .text("Claire, c'est urgent : rappelle-moi immédiatement, le patient de 14h est arrivé en avance."));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    assertTrue(a.has(ReasonCode.LURE_URGENCY));
  }

  @Test
  void replyTo_onAnotherOrganisation_isReported() {
    Assessment a = Triages.assess(Triages.from("Comptabilité", "compta@fournisseur-med.com").replyTo("fournisseur.compta@gmail.com").text("x"));
    Reason r = reason(a, ReasonCode.REPLY_TO_OTHER_DOMAIN);
    assertTrue(r.message().contains("gmail.com") && r.message().contains("fournisseur-med.com") && r.message().contains("Reply-To"), r.message());
  }

  @Test
  void replyTo_onAnotherDomainOfTheSameInstitution_isNotReported() {
    Assessment a = Triages.assess(Triages.from("Doctolib", "no-reply@doctolib.fr").replyTo("support@doctolib.com").text("x"));
    assertFalse(a.has(ReasonCode.REPLY_TO_OTHER_DOMAIN), a.reasons().toString());
    Assessment sub = Triages.assess(Triages.from("Lettre", "news@lettre.dentaire-info.fr").replyTo("redaction@dentaire-info.fr").text("x"));
    assertFalse(sub.has(ReasonCode.REPLY_TO_OTHER_DOMAIN), sub.reasons().toString());
  }

  @Test
  void returnPath_onAnotherOrganisation_countsOnlyWhenNothingAuthenticatesTheSender() {
    MailComposer unauthenticated = new MailComposer().returnPath("bounce@mailer.example.net").from("Boutique", "contact@boutique-dentaire.fr")
        .subject("x").text("x");
    assertTrue(Triages.assess(unauthenticated).has(ReasonCode.RETURN_PATH_OTHER_DOMAIN));
    MailComposer authenticated = Triages.from("Boutique", "contact@boutique-dentaire.fr").returnPath("bounce@mailer.example.net").text("x");
    assertFalse(Triages.assess(authenticated).has(ReasonCode.RETURN_PATH_OTHER_DOMAIN), "an ESP bounce address is normal");
  }

  @Test
  void lookalikeSenderDomain_isDangerous() {
    Assessment a = Triages.assess(Triages.from("Service client", "contact@ameli-remboursement.fr").text("Bonjour"));
    Reason r = reason(a, ReasonCode.LOOKALIKE_DOMAIN);
    assertTrue(r.message().contains("ameli-remboursement.fr") && r.message().contains("ameli.fr") && r.message().contains("Assurance Maladie"), r.message());
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void lookalikeReplyTo_isDangerous() {
    Assessment a = Triages.assess(Triages.from("Dentaldepot", "commercial@dentaldepot.fr").replyTo("compta@dentaldep0t.fr").text("x"));
    assertEquals(Verdict.DANGEROUS, a.verdict(), a.reasons().toString());
    assertTrue(reason(a, ReasonCode.LOOKALIKE_DOMAIN).message().contains("Reply-To"));
  }

  @Test
  void practitionersName_declaredAsAClaim_catchesAPresidentFraudFromFreeMail() {
    byte[] eml = Triages.from("Claire Martin", "claire.martin.cabinet@gmail.com").subject("Urgent")
        .text("Es-tu au cabinet ? Règle cette facture aujourd'hui, discrètement.").build();
    Assessment byDefault = Triages.PRACTICE.assess(eml);
    assertTrue(byDefault.has(ReasonCode.PAYMENT_IMPERSONATION), "the practice's domain names Martin: " + byDefault.reasons());
    assertEquals(Verdict.SUSPICIOUS, byDefault.verdict());
    MailTriage withName = MailTriage.builder().authservId(Triages.MX).practiceDomain(MailCorpus.PRACTICE_DOMAIN)
        .institution(Institution.of("Cabinet du Dr Martin", java.util.List.of("Claire Martin"), java.util.List.of(MailCorpus.PRACTICE_DOMAIN)))
        .build();
    Assessment a = withName.assess(eml);
    assertTrue(reason(a, ReasonCode.DISPLAY_NAME_IMPERSONATION).message().contains("Cabinet du Dr Martin"), a.reasons().toString());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }
}
