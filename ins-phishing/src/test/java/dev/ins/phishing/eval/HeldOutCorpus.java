package dev.ins.phishing.eval;

import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.LabelledMail.Label;
import dev.ins.phishing.testing.MailComposer;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A second held-out corpus for the pretext signals added after the first evaluation (CEO and
 * supplier fraud, brands outside the institution table, shared-document lures of compromised
 * accounts, PDFs holding a link) and their hard negatives. Written after those signals and before
 * its first run, with templates of its own (another practice, a physiotherapist's, another
 * provider, other brands and wording); it was not tuned after that run.
 */
final class HeldOutCorpus {

  /** The practice's domain. */
  static final String PRACTICE = "cabinet-carrel-kine.fr";
  /** Its provider's authserv-id. */
  static final String MX = "mx.sante-hebergement.fr";
  /** Its declared partners. */
  static final List<String> TRUSTED = List.of("orthoshop-pro.fr", "medilogic.fr");

  private static final String[] PEOPLE = {"Léa Fabre", "Hugo Marin", "Chloé Besson", "Yanis Chauvin", "Anaïs Giraud", "Romain Barbier",
      "Pauline Meunier", "Mehdi Haddad"};
  private static final String[] FREE = {"gmail.com", "icloud.com", "outlook.fr", "orange.fr", "free.fr", "yahoo.fr"};

  private final SplittableRandom r;
  private int serial;

  private HeldOutCorpus(long seed) {
    this.r = new SplittableRandom(seed);
  }

  private record Kind(Label label, String name, Supplier<MailComposer> make) {}

  /**
   * Generates the corpus: each kind in turn.
   *
   * @param seed the seed
   * @param count how many messages
   * @return the messages
   */
  static List<LabelledMail> generate(long seed, int count) {
    HeldOutCorpus c = new HeldOutCorpus(seed);
    List<Kind> kinds = c.kinds();
    List<LabelledMail> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Kind k = kinds.get(i % kinds.size());
      c.serial = i;
      out.add(new LabelledMail(String.format(Locale.ROOT, "%04d-%s.eml", i, k.name()), k.label(), k.name(), k.make().get().build()));
    }
    return out;
  }

  private List<Kind> kinds() {
    return List.of(
        new Kind(Label.PHISHING, "ho-ceo-practitioner-freemail", this::ceo),
        new Kind(Label.PHISHING, "ho-supplier-new-bank-references", this::supplierBank),
        new Kind(Label.PHISHING, "ho-brand-direct-debit-failed", this::brandDebit),
        new Kind(Label.PHISHING, "ho-parcel-customs-fees", this::parcel),
        new Kind(Label.PHISHING, "ho-compromised-signature-request", this::signature),
        new Kind(Label.PHISHING, "ho-compromised-invoice-hosted-link", this::hostedInvoice),
        new Kind(Label.PHISHING, "ho-pdf-link-shortener-or-ipfs", this::pdfLure),
        new Kind(Label.LEGIT, "ho-legit-practitioner-icloud", this::practitioner),
        new Kind(Label.LEGIT, "ho-legit-partner-newsletter-payment", this::partnerNewsletter),
        new Kind(Label.LEGIT, "ho-legit-association-helloasso", this::association),
        new Kind(Label.LEGIT, "ho-legit-locum-retrocession", this::locum),
        new Kind(Label.LEGIT, "ho-legit-energy-bill", this::energyBill),
        new Kind(Label.LEGIT, "ho-legit-pdf-brochure", this::brochure),
        new Kind(Label.LEGIT, "ho-legit-google-drive-share", this::driveShare),
        new Kind(Label.LEGIT, "ho-legit-docusign", this::docusign));
  }

  // ------------------------------------------------------------------ helpers

  private <T> T pick(T[] a) {
    return a[r.nextInt(a.length)];
  }

  private String pick(String... a) {
    return a[r.nextInt(a.length)];
  }

  private String num() {
    return Integer.toString(10000 + r.nextInt(90000));
  }

  private static String slug(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replace(' ', '.');
  }

  private MailComposer mail(String display, String address, boolean authenticated) {
    String domain = address.substring(address.indexOf('@') + 1);
    MailComposer m = new MailComposer().from(display, address).to("Benoît Carrel <accueil@" + PRACTICE + ">")
        .date(ZonedDateTime.parse("2026-04-01T09:00:00+02:00").plusMinutes(r.nextInt(60 * 24 * 40)))
        .messageId("<" + num() + "." + serial + "@" + domain + ">")
        .received("from smtp." + domain + " by " + MX + " with ESMTPS; Wed, 1 Apr 2026 10:00:00 +0200");
    if (authenticated) {
      m.authenticationResults(MX + "; dkim=pass header.d=" + domain + "; spf=pass smtp.mailfrom=" + domain + "; dmarc=pass header.from=" + domain);
    } else {
      m.authenticationResults(MX + "; spf=none smtp.mailfrom=" + domain + "; dkim=none; dmarc=none header.from=" + domain);
    }
    return m;
  }

  // ------------------------------------------------------------------ phishing

  private MailComposer ceo() {
    String display = pick("Benoît Carrel", "B. Carrel", "Carrel Benoît", "Benoit CARREL");
    String body = pick("Bonjour,\n\nJ'aurais besoin d'un petit service rapide : peux-tu me procurer quatre cartes cadeaux Amazon de 150 € ?"
            + " C'est pour un geste envers des patients, je te rembourse ce soir. Envoie-moi les codes ici.\n\nBenoît",
        "Bonjour,\n\nMerci de préparer aujourd'hui un virement de " + (1500 + r.nextInt(6000)) + " € vers le compte ci-dessous,"
            + " je régularise avec le comptable demain. Ne m'appelle pas, je suis en rendez-vous.\n\nB. Carrel",
        "Êtes-vous au cabinet ce matin ? J'ai une demande confidentielle à vous confier, répondez-moi uniquement par mail.\n\nBenoît Carrel");
    return mail(display, pick("benoit.carrel.kine", "b.carrel.cabinet", "carrel.benoit") + r.nextInt(100) + "@" + pick(FREE), true)
        .subject(pick("Demande", "Service", "Urgent", "Question rapide")).text(body);
  }

  private MailComposer supplierBank() {
    String display = pick("Orthoshop Pro - Service Comptable", "Medilogic Facturation", "ORTHOSHOP PRO");
    String address = pick("orthoshop.compta@outlook.fr", "comptabilite@service-compta-fournisseurs.com", "facturation.medilogic@gmail.com");
    return mail(display, address, !address.contains("service-compta")).subject("Information importante - règlements")
        .text("Madame, Monsieur,\n\nNotre établissement bancaire a changé. Vous trouverez nos nouvelles références bancaires en pièce jointe ;"
            + " merci de les utiliser pour vos prochains règlements, dont la facture " + num() + " échue.\n\nSalutations distinguées")
        .attach("RIB_" + num() + ".pdf", "application/pdf", SyntheticAttachments.pdf("RIB FR76 3000 4000 0500 0012 3456 789"));
  }

  private MailComposer brandDebit() {
    String[] brand = pick(new String[][] {{"ENGIE Particuliers", "engie"}, {"Free Mobile", "free"}, {"Bouygues Telecom", "bouygues"},
        {"Leboncoin", "lbc"}, {"Vinted Support", "vinted"}});
    String host = pick("regularisation-compte-client.com", "espace-abonne-maj.net", "paiement-en-attente.shop");
    return mail(brand[0], pick("contact@info-abonnes-service.com", "noreply@relance-facture.net", "service@notif-paiement.org"), r.nextBoolean())
        .subject(pick("Échec de prélèvement", "Votre abonnement", "Facture impayée"))
        .html("<p>Bonjour,</p><p>Votre dernier prélèvement a été rejeté par votre banque. Pour éviter la suspension de votre ligne,"
            + " réglez le montant dû de " + (20 + r.nextInt(60)) + ",90 € par carte bancaire.</p><p><a href=\"https://" + host + "/" + brand[1]
            + "/" + num() + "\">Régulariser ma situation</a></p>");
  }

  private MailComposer parcel() {
    String brand = pick("UPS France", "GLS", "Relais Colis", "DHL Express", "Colissimo");
    String host = pick("douane-colis-fr.com", "suivi-livraison-express.info", "colis-retenu.online");
    return mail(brand, pick("no-reply@livraison-notif.com", "support@tracking-envois.net", "info@logistique-suivi.org"), r.nextBoolean())
        .subject("Votre colis est retenu")
        .html("<p>Votre colis n°" + num() + " est retenu au centre de tri. Des frais de dédouanement de 2,49 € doivent être payés"
            + " sous 48 heures.</p><p><a href=\"https://" + host + "/pay?id=" + num() + "\">Payer les frais</a></p>");
  }

  private MailComposer signature() {
    String person = pick(PEOPLE);
    String domain = pick("osteo-" + slug(person).replace(".", "-") + ".fr", "cabinet-podologie-centre.fr", "infirmiers-du-lac.fr");
    String target = pick("https://esign-review-" + num() + ".com/review?token=" + num(), "https://" + num() + ".netlify.app/sign",
        "https://docs-approval.online/document/login?u=" + num());
    return mail(person, slug(person) + "@" + domain, true).subject("Document à signer : convention de partenariat")
        .html("<p>Bonjour,</p><p>" + person + " vous a envoyé un document à signer électroniquement : « Convention " + num() + " ».</p>"
            + "<p><a href=\"" + target + "\">Examiner le document</a></p><p>Ce lien expire sous 24 heures.</p>");
  }

  private MailComposer hostedInvoice() {
    String person = pick(PEOPLE);
    String domain = pick("plomberie-" + slug(person).replace(".", "-") + ".fr", "imprimerie-du-centre.fr", "traiteur-les-saveurs.fr");
    String target = pick("https://pub-" + num() + ".r2.dev/facture.html", "https://facture-" + num() + ".netlify.app/",
        "https://firebasestorage.googleapis.com/v0/b/f-" + num() + "/o/facture.html", "https://ipfs.io/ipfs/Qm" + num() + "abc");
    return mail(person, slug(person) + "@" + domain, true).subject("Facture " + num())
        .text("Bonjour,\n\nVoici le lien pour consulter la facture : " + target + "\n\nMerci et bonne journée,\n" + person);
  }

  private MailComposer pdfLure() {
    String person = pick(PEOPLE);
    String target = pick("https://bit.ly/3x" + num(), "https://ipfs.io/ipfs/Qm" + num(), "https://t.ly/" + num(),
        "https://view-secure-doc.com/d/" + num());
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of(pick("Fichier securise", "Pour lire ce document, cliquez ici", "Scan 0042")),
        target, r.nextBoolean());
    return mail(person, slug(person) + "@" + pick("btp-services-ouest.fr", "agence-conseil-" + num() + ".com"), r.nextBoolean())
        .subject(pick("Scan", "Document", "Relevé")).text("Bonjour,\n\nCi-joint.\n\nCordialement")
        .attach(pick("Scan_" + num() + ".pdf", "Releve.pdf"), "application/pdf", pdf);
  }

  // ------------------------------------------------------------------ legitimate

  private MailComposer practitioner() {
    return mail(pick("Benoît Carrel", "Benoit Carrel"), "benoit.carrel@icloud.com", true).subject(pick("Retard", "Urgent", "Demain"))
        .text(pick("Je serai en retard ce matin, urgent : préviens les patients de 9h et 9h30.\n\nBenoît",
            "Peux-tu imprimer les bilans de Mme R. pour demain ? Merci !\n\nBenoît",
            "Rappel : la réunion d'équipe est avancée à 12h30 jeudi.\n\nB."));
  }

  private MailComposer partnerNewsletter() {
    String track = "https://click.orthoshop-pro.fr/t/" + num() + "?u=";
    return mail("Orthoshop Pro", "newsletter@orthoshop-pro.fr", true).subject("Nouveautés du mois")
        .html("<p>Nouveautés : électrostimulateurs, tables de massage, paiement en 3 fois sans frais dès 300 €.</p>"
            + "<p><a href=\"" + track + "https%3A%2F%2Fwww.orthoshop-pro.fr%2Fnouveautes\">Voir les nouveautés</a></p>"
            + "<p><a href=\"https://www.orthoshop-pro.fr/desinscription\">Se désinscrire</a></p>");
  }

  private MailComposer association() {
    return mail("Amicale des kinés de Loire-Atlantique", "contact@amicale-kine44.fr", true).subject("Cotisation " + 2026)
        .html("<p>Chers membres,</p><p>La cotisation annuelle (35 €) peut être réglée en ligne par carte bancaire :</p>"
            + "<p><a href=\"https://www.helloasso.com/associations/amicale-kine-44/adhesions/cotisation-2026\">Payer ma cotisation</a></p>");
  }

  private MailComposer locum() {
    String person = pick(PEOPLE);
    return mail(person, slug(person) + ".kine@" + pick(FREE), true).subject("Rétrocession de mars")
        .text("Bonjour Benoît,\n\nVoici le relevé de mes actes de mars ; la rétrocession s'élève à " + (1800 + r.nextInt(1500))
            + " €. Tu peux faire le virement sur le RIB joint, comme le mois dernier.\n\nMerci et à bientôt,\n" + person)
        .attach("RIB_" + slug(person) + ".pdf", "application/pdf", SyntheticAttachments.pdf("RIB " + person));
  }

  private MailComposer energyBill() {
    return mail("ENGIE", "factures@engie.fr", true).subject("Votre facture est disponible")
        .html("<p>Votre facture de " + (60 + r.nextInt(200)) + ",40 € est disponible. Elle sera prélevée le 10.</p>"
            + "<p><a href=\"https://particuliers.engie.fr/espace-client\">Consulter mon espace client</a></p>");
  }

  private MailComposer brochure() {
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("Gamme 2026 de semelles orthopediques", "Semelles thermoformables, talonnettes,"
            + " orthèses plantaires sur mesure pour le sport et le quotidien.", "Prise d'empreinte en cabinet, livraison sous dix jours.",
        "Formation a la prise d'empreinte : deux sessions par trimestre, inscription en ligne.", "Tarifs professionnels sur demande."),
        "https://www.podo-semelles-pro.fr/gamme-2026", r.nextBoolean());
    return mail("Podo Semelles Pro", "info@mailing-podo.fr", true).subject("Notre gamme 2026")
        .text("Bonjour,\n\nVeuillez trouver notre brochure 2026 en pièce jointe.\n\nL'équipe Podo Semelles Pro")
        .attach("brochure-2026.pdf", "application/pdf", pdf);
  }

  private MailComposer driveShare() {
    String person = pick(PEOPLE);
    return mail(person + " (via Google Drive)", "drive-shares-dm-noreply@google.com", true)
        .subject("Document partagé avec vous : \"Planning juin\"")
        .html("<p>" + person + " a partagé un document avec vous.</p><p><a href=\"https://docs.google.com/spreadsheets/d/" + num()
            + "/edit?usp=sharing\">Ouvrir</a></p>");
  }

  private MailComposer docusign() {
    return mail("Orthoshop Pro via DocuSign", "dse@eumail.docusign.net", true).subject("Veuillez signer : contrat de location")
        .html("<p>Orthoshop Pro vous a envoyé un document à signer.</p><p><a href=\"https://eu.docusign.net/Signing/EmailStart.aspx?a="
            + num() + "\">Examiner le document</a></p>");
  }
}
