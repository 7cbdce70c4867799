package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.SyntheticAttachments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pretext signals that need no institution table: CEO and supplier fraud, brands outside the
 * table, shared-document lures of compromised accounts, PDFs holding a link; each with its hard
 * negatives.
 */
class PretextSignalsTest {

  private static Reason reason(Assessment a, ReasonCode code) {
    return a.reasons().stream().filter(r -> r.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + a.reasons()));
  }

  // ------------------------------------------------------------------ CEO and supplier fraud

  @ParameterizedTest
  @ValueSource(strings = {"Dr Martin", "Claire Martin", "Cabinet Martin"})
  void practiceNameFromFreeMail_askingATransfer_isPaymentImpersonation(String display) {
    Assessment a = Triages.assess(Triages.from(display, "claire.martin.cabinet@gmail.com").subject("Demande rapide")
        .text("Bonjour,\n\nPeux-tu faire un virement de 4 800 € aujourd'hui ? Je t'envoie l'IBAN.\n\nClaire"));
    Reason r = reason(a, ReasonCode.PAYMENT_IMPERSONATION);
    assertTrue(r.message().contains("votre cabinet") && r.message().contains("gmail.com") && r.message().contains("virement"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void practiceNameFromFreeMail_askingForGiftCardsOrDiscretion_isPaymentImpersonation() {
    Assessment gift = Triages.assess(Triages.from("Dr Martin", "dr.martin.claire@outlook.fr")
        .text("Achète 4 cartes cadeaux de 100 € et envoie-moi les codes."));
    assertTrue(reason(gift, ReasonCode.PAYMENT_IMPERSONATION).message().contains("cartes cadeaux"));
    Assessment errand = Triages.assess(Triages.from("Claire Martin", "claire.martin.cabinet@gmail.com")
        .text("Es-tu disponible ? J'ai besoin de toi pour une opération, reste discrète."));
    assertTrue(reason(errand, ReasonCode.PAYMENT_IMPERSONATION).message().contains("discret"), errand.reasons().toString());
    assertEquals(Verdict.SUSPICIOUS, errand.verdict());
  }

  @Test
  void practitionerFromHerPersonalMail_writingUrgent_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Claire Martin", "claire.martin@gmail.com").subject("URGENT")
        .text("C'est urgent : décale mes patients de 14h à jeudi, réponds-moi au plus vite."));
    assertFalse(a.has(ReasonCode.PAYMENT_IMPERSONATION), a.reasons().toString());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  @Test
  void requestWordsAreWholeWords_soARibambelleIsNoRib() {
    Assessment a = Triages.assess(Triages.from("Claire Martin", "claire.martin@gmail.com").text("Une ribambelle de patients ce matin, urgent."));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }

  @Test
  void colleagueFromFreeMailWithAlignedDmarc_writingUrgentAboutAPayment_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Julien Petit", "julien.petit@gmail.com").subject("Urgent")
        .text("C'est urgent : as-tu fait le virement de la cotisation de l'association ? Dernier rappel."));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }

  @Test
  void declaredSupplierFromFreeMail_withNewBankDetails_isPaymentImpersonation() {
    Assessment a = Triages.assess(Triages.from("DentalDepot Comptabilité", "dentaldepot.compta@gmail.com")
        .text("Suite à un changement de banque, merci d'utiliser notre nouveau RIB : IBAN FR76 1027 8000 0000 0000 000."));
    Reason r = reason(a, ReasonCode.PAYMENT_IMPERSONATION);
    assertTrue(r.message().contains("dentaldepot.fr") && r.message().contains("partenaire déclaré"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void declaredSupplierThroughAnAuthenticatedBillingPlatform_askingTheUsualTransfer_staysSafe() {
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("DentalDepot SAS - Facture 4411", "Gants nitrile x 20, compresses x 10, fraises x 5",
        "Total TTC : 495,00 EUR. Reglement par virement a 30 jours sur le compte habituel.",
        "Conditions generales de vente sur notre site. Penalites de retard : trois fois le taux legal.",
        "Merci de votre confiance, l'equipe commerciale reste a votre disposition."), "https://www.dentaldepot.fr/factures/4411", true);
    Assessment a = Triages.assess(Triages.from("DentalDepot via Facturation", "noreply@factures-en-ligne.fr")
        .text("Votre facture 4411 est disponible. Règlement par virement à 30 jours, comme d'habitude.")
        .attach("Facture_4411.pdf", "application/pdf", pdf));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }

  @Test
  void accountantAskingATransferFromItsOwnDomain_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Cabinet Ferrand Expertise", "contact@ferrand-expertise.fr")
        .text("L'acompte sera prélevé le 15 ; si vous préférez un virement, notre IBAN figure sur la lettre de mission."));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }

  @Test
  void transferRequestWhoseAnswersGoToFreeMail_isPaymentImpersonation() {
    Assessment a = Triages.assess(Triages.from("Comptabilité", "compta@transports-leduc.fr").replyTo("compta.leduc@gmail.com")
        .text("La facture reste impayée : merci de procéder au virement aujourd'hui."));
    Reason r = reason(a, ReasonCode.PAYMENT_IMPERSONATION);
    assertTrue(r.message().contains("gmail.com") && r.message().contains("Reply-To"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void declaredPracticeMember_isRecognisedUnderHerFullName() {
    MailTriage triage = MailTriage.builder().authservId(Triages.MX).practiceDomain("cabinet-des-lilas.fr").practiceMember("Hélène Roux").build();
    Assessment fraud = triage.assess(Triages.from("Dr Hélène ROUX", "helene.roux.pro@gmail.com")
        .text("Merci de régler aujourd'hui la facture jointe par virement, c'est confidentiel.").build());
    assertTrue(reason(fraud, ReasonCode.PAYMENT_IMPERSONATION).message().contains("membre déclaré du cabinet"));
    Assessment personal = triage.assess(Triages.from("Hélène Roux", "helene.roux@gmail.com").text("Je serai en retard demain matin.").build());
    assertEquals(Verdict.SAFE, personal.verdict(), personal.reasons().toString());
  }

  // ------------------------------------------------------------------ brands outside the table

  @ParameterizedTest
  @ValueSource(strings = {"Chronopost", "Colis Privé - Suivi", "DPD France", "Mondial Relay"})
  void parcelBrandFromAnUnrelatedDomain_askingFeesThroughAnotherSite_isBrandImpersonation(String brand) {
    Assessment a = Triages.assess(Triages.from(brand, "notification@suivi-envoi24.com")
        .html("<p>Des frais de livraison de 1,99 € restent à régler.</p><a href=\"https://reprogrammer-livraison.top/p/1\">Payer</a>"));
    Reason r = reason(a, ReasonCode.BRAND_IMPERSONATION);
    assertTrue(r.message().contains("suivi-envoi24.com") && r.message().contains("reprogrammer-livraison.top"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void brandAddingWordsToItsNameInTheSenderDomain_isNotTheBrandsOwn() {
    Assessment a = Triages.assess(Triages.from("Chronopost", "noreply@chronopost-suivi-colis.com")
        .html("<p>Mettez à jour votre carte bancaire pour recevoir votre colis.</p><a href=\"https://colis-frais.xyz/c\">Payer</a>"));
    assertTrue(a.has(ReasonCode.BRAND_IMPERSONATION), a.reasons().toString());
  }

  @Test
  void brandWritingFromItsOwnDomainOrLinkingItsOwnSite_staysSafe() {
    Assessment own = Triages.assess(Triages.from("Chronopost", "noreply@chronopost.fr")
        .html("<p>Votre colis arrive demain. Paiement déjà effectué.</p><a href=\"https://www.chronopost.fr/suivi\">Suivre</a>"));
    assertEquals(Verdict.SAFE, own.verdict(), own.reasons().toString());
    Assessment esp = Triages.assess(Triages.from("Mondial Relay", "noreply@notifications-colis.fr")
        .html("<p>Paiement déjà effectué, rien à régler.</p><a href=\"https://www.mondialrelay.fr/suivi/1\">Suivre</a>"));
    assertEquals(Verdict.SAFE, esp.verdict(), esp.reasons().toString());
  }

  @Test
  void personNotMatchingTheAddress_isNotABrand() {
    Assessment a = Triages.assess(Triages.from("Sophie Durand", "secretariat@cabinet-voisin.fr")
        .html("<p>Pour le paiement de la formation, inscrivez-vous ici :</p><a href=\"https://www.formation-dentaire.fr/i\">inscription</a>"));
    assertFalse(a.has(ReasonCode.BRAND_IMPERSONATION), a.reasons().toString());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  // ------------------------------------------------------------------ shared documents

  @ParameterizedTest
  @ValueSource(strings = {"https://doc-4411.web.app/view.html", "https://x1.blob.core.windows.net/d/v.html",
      "https://storage.googleapis.com/share-1/doc.html", "https://sites.google.com/view/partage-1", "https://forms.gle/abc"})
  void sharedDocumentOnAPageHost_fromAnAuthenticatedKnownSender_isASharedDocumentLure(String target) {
    Assessment a = Triages.assess(Triages.from("Sophie Leroy", "s.leroy@cabinet-kine-leroy.fr")
        .html("<p>Sophie Leroy vous a partagé un document.</p><a href=\"" + target + "\">Consulter le document</a>"));
    Reason r = reason(a, ReasonCode.SHARED_DOCUMENT_LURE);
    assertTrue(r.message().contains("n'importe qui peut publier"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void sharedDocumentOpeningALoginPageElsewhere_orAServiceNameOnAnotherSite_isASharedDocumentLure() {
    Assessment login = Triages.assess(Triages.from("Sophie Leroy", "s.leroy@cabinet-kine-leroy.fr")
        .html("<p>Document partagé : devis.</p><a href=\"https://atelier-poterie.com/wp/owa/login.php\">Ouvrir</a>"));
    assertTrue(reason(login, ReasonCode.SHARED_DOCUMENT_LURE).message().contains("page de connexion"));
    Assessment named = Triages.assess(Triages.from("Sophie Leroy", "s.leroy@cabinet-kine-leroy.fr")
        .html("<p>Sophie vous a partagé un fichier.</p><a href=\"https://docs-view-online.com/f/1\">Ouvrir dans OneDrive</a>"));
    assertTrue(reason(named, ReasonCode.SHARED_DOCUMENT_LURE).message().contains("onedrive"));
    assertEquals(Verdict.SUSPICIOUS, named.verdict());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://we.tl/t-abc", "https://www.dropbox.com/scl/fi/x/radios.zip?dl=0", "https://1drv.ms/f/s!Ax"})
  void colleagueSharingThroughAKnownService_staysSafe(String target) {
    Assessment a = Triages.assess(Triages.from("Julien Petit", "julien.petit@gmail.com")
        .text("Je vous ai partagé les radios (document partagé, trop lourd pour un e-mail) : " + target));
    assertFalse(a.has(ReasonCode.SHARED_DOCUMENT_LURE), a.reasons().toString());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  // ------------------------------------------------------------------ PDF

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void pdfWithAlmostNoTextAndALinkElsewhere_isAPdfLinkLure(boolean compressed) {
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("Document protege"), "https://verif-compte-pro.net/doc/1", compressed);
    Assessment a = Triages.assess(Triages.from("Marc Girard", "m.girard@menuiserie-girard.fr").text("Veuillez trouver ci-joint le document.")
        .attach("Facture.pdf", "application/pdf", pdf));
    Reason r = reason(a, ReasonCode.PDF_LINK_LURE);
    assertTrue(r.message().contains("Facture.pdf") && r.message().contains("verif-compte-pro.net"), r.message());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void linksInsidePdfs_goThroughTheLinkChecks() {
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("Releve"), "http://192.0.2.44/f.php", true);
    Assessment a = Triages.assess(Triages.from("Marc Girard", "m.girard@menuiserie-girard.fr").text("Ci-joint.")
        .attach("Releve.pdf", "application/pdf", pdf));
    assertTrue(reason(a, ReasonCode.LINK_IP_HOST).message().contains("Releve.pdf"), a.reasons().toString());
  }

  @Test
  void pdfWithTextAndLinks_orLinkingTheSendersOwnSite_staysSafe() {
    byte[] programme = SyntheticAttachments.pdfWithLink(List.of("Programme des journees de printemps", "9h30 antibioprophylaxie en omnipratique",
        "11h00 implantologie et patients sous anticoagulants", "14h00 ateliers pratiques par groupes de douze",
        "16h30 table ronde sur la radioprotection au cabinet", "Inscriptions et informations pratiques sur le site du congres."),
        "https://www.congres-odonto.fr/inscription", true);
    Assessment a = Triages.assess(Triages.from("Congrès", "evenements@autre-organisateur.fr").text("Programme en pièce jointe.")
        .attach("programme.pdf", "application/pdf", programme));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    byte[] coupon = SyntheticAttachments.pdfWithLink(List.of("Bon -10 %"), "https://www.formation-dentaire.fr/boutique", false);
    Assessment own = Triages.assess(Triages.from("Formation Dentaire", "boutique@formation-dentaire.fr").text("Votre bon.")
        .attach("bon.pdf", "application/pdf", coupon));
    assertEquals(Verdict.SAFE, own.verdict(), own.reasons().toString());
  }

  @Test
  void plainPdfWithoutLink_staysSafe() {
    Assessment a = Triages.assess(Triages.from("Julien Petit", "julien.petit@gmail.com").text("Compte rendu ci-joint.")
        .attach("cr.pdf", "application/pdf", SyntheticAttachments.pdf("Compte rendu")));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }
}
