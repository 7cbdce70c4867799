package dev.ins.phishing.eval;

import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.LabelledMail.Label;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evaluation corpus, kept apart from {@link dev.ins.phishing.testing.MailCorpus} (the corpus the
 * rules were developed on): another practice, another mail provider, other suppliers, and messages
 * written as raw RFC 5322 text from scenarios seen in public alerts and in a practice's inbox, not
 * from the rules. It includes hard cases the rules are not expected to catch (phishing sent from a
 * compromised legitimate account, a PDF whose only content is a link, a brand absent from the
 * institution table, a "président" fraud from a free-mail address); they count against detection.
 */
public final class EvalCorpus {

  /** The evaluated practice's domain. */
  public static final String PRACTICE = "cabinet-dr-lefevre.fr";
  /** Its mail provider's authserv-id. */
  public static final String MX = "mx1.messagerie-sante-pro.fr";
  /** Its supplier and laboratory. */
  public static final List<String> TRUSTED = List.of("fournitures-dentaires-ouest.fr", "biolab-atlantique.fr");

  /**
   * The kinds written as hard cases that no signal of issue 15 covers (stated before the first run):
   * a président fraud from a free-mail address using the practitioner's name (mitigated by declaring
   * the practitioner's name as an {@link dev.ins.phishing.Institution} claim), a compromised legitimate
   * account linking to cloud storage, a brand absent from the institution table, and a PDF whose
   * only content is a link (PDF content is not analysed).
   */
  public static final java.util.Set<String> OUT_OF_SCOPE = java.util.Set.of("phishing-ceo-freemail",
      "phishing-compromised-account-webmail", "phishing-parcel-unknown-brand", "phishing-pdf-link-only");

  private static final String TO = "Dr Hélène Lefèvre <dr.lefevre@" + PRACTICE + ">";
  private static final String[] NAMES = {"Marc Aubert", "Céline Roche", "Olivier Perrin", "Sandrine Colin", "Pierre Vidal",
      "Aurélie Marchand", "Benoît Caron", "Lucie Picard", "Damien Renaud", "Émilie Gauthier", "Rachid Benali", "Manon Lucas"};
  private static final String[] WEBMAIL = {"orange.fr", "gmail.com", "free.fr", "wanadoo.fr", "sfr.fr", "outlook.com", "laposte.net"};

  private final SplittableRandom r;
  private int n;

  private EvalCorpus(long seed) {
    this.r = new SplittableRandom(seed);
  }

  /** A scenario and its label. */
  private record Template(Label label, String kind, Supplier<String> make) {}

  /**
   * Generates the evaluation corpus: about 60 % legitimate, 22 % phishing, 13 % malware, 5 % malformed.
   *
   * @param seed the seed
   * @param count how many messages
   * @return the messages
   */
  public static List<LabelledMail> generate(long seed, int count) {
    EvalCorpus c = new EvalCorpus(seed);
    List<Template> legit = c.legit();
    List<Template> phishing = c.phishing();
    List<Template> malware = c.malware();
    List<Template> malformed = c.malformed();
    List<LabelledMail> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double x = c.r.nextDouble();
      List<Template> list = x < 0.60 ? legit : x < 0.82 ? phishing : x < 0.95 ? malware : malformed;
      Template t = list.get(c.r.nextInt(list.size()));
      c.n = i;
      String raw = t.make().get();
      out.add(new LabelledMail(String.format(Locale.ROOT, "eval-%04d-%s.eml", i, t.kind()), t.label(), t.kind(),
          raw.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return out;
  }

  // ---------------------------------------------------------------- building blocks

  private String name() {
    return NAMES[r.nextInt(NAMES.length)];
  }

  private static String local(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replace(' ', '.');
  }

  private String webmail() {
    return WEBMAIL[r.nextInt(WEBMAIL.length)];
  }

  private String id() {
    return Long.toHexString(r.nextLong() & 0xFFFFFFFFFFL);
  }

  private String date() {
    String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri"};
    return days[r.nextInt(5)] + ", " + (1 + r.nextInt(28)) + " Apr 2026 " + String.format(Locale.ROOT, "%02d:%02d:%02d", 7 + r.nextInt(12),
        r.nextInt(60), r.nextInt(60)) + " +0200";
  }

  /** Header block of a received message; {@code auth} is the provider's verdict on the From domain, or null. */
  private String head(String fromDisplay, String fromAddress, String subject, String auth) {
    String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
    StringBuilder b = new StringBuilder();
    b.append("Return-Path: <").append(fromAddress).append(">\r\n");
    b.append("Delivered-To: dr.lefevre@").append(PRACTICE).append("\r\n");
    b.append("Received: from smtp.").append(domain).append(" (smtp.").append(domain).append(" [192.0.2.").append(1 + r.nextInt(250))
        .append("]) by ").append(MX).append(" with ESMTPS id ").append(id()).append("; ").append(date()).append("\r\n");
    if (auth != null) {
      b.append("Authentication-Results: ").append(MX).append(";\r\n\t").append(auth).append("\r\n");
    }
    b.append("From: ").append(fromDisplay == null ? fromAddress : word(fromDisplay) + " <" + fromAddress + ">").append("\r\n");
    b.append("To: ").append(word("Dr Hélène Lefèvre")).append(" <dr.lefevre@").append(PRACTICE).append(">\r\n");
    b.append("Subject: ").append(word(subject)).append("\r\n");
    b.append("Date: ").append(date()).append("\r\n");
    b.append("Message-ID: <").append(id()).append('.').append(n).append('@').append(domain).append(">\r\n");
    b.append("MIME-Version: 1.0\r\n");
    return b.toString();
  }

  /** An RFC 2047 encoded word when the text is not ASCII (UTF-8, B or Q at random). */
  private String word(String s) {
    if (s.chars().allMatch(c -> c < 128)) {
      return s.contains(",") || s.contains(".") ? "\"" + s + "\"" : s;
    }
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    if (r.nextBoolean()) {
      return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(u) + "?=";
    }
    StringBuilder q = new StringBuilder("=?utf-8?Q?");
    for (byte x : u) {
      int c = x & 0xFF;
      if (c == ' ') {
        q.append('_');
      } else if (c < 128 && Character.isLetterOrDigit(c)) {
        q.append((char) c);
      } else {
        q.append('=').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return q.append("?=").toString();
  }

  private static String pass(String domain) {
    return "dkim=pass header.i=@" + domain + " header.s=mail header.b=Ab12Cd34;\r\n\tspf=pass (domain of " + domain
        + " designates 192.0.2.10 as permitted sender) smtp.mailfrom=" + domain + ";\r\n\tdmarc=pass (policy=quarantine) header.from=" + domain;
  }

  private static String spfOnly(String domain) {
    return "spf=pass smtp.mailfrom=" + domain + "; dkim=none; dmarc=none";
  }

  /** A single-part text body in a given charset and transfer encoding. */
  private String textBody(String text, String subtype) {
    Charset cs = r.nextInt(3) == 0 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    int enc = r.nextInt(3);
    String cte = enc == 0 ? "8bit" : enc == 1 ? "quoted-printable" : "base64";
    return "Content-Type: text/" + subtype + "; charset=\"" + cs.name() + "\"\r\nContent-Transfer-Encoding: " + cte + "\r\n\r\n"
        + encode(text.getBytes(cs), cte) + "\r\n";
  }

  private static String encode(byte[] b, String cte) {
    switch (cte) {
      case "base64":
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(b);
      case "quoted-printable": {
        StringBuilder q = new StringBuilder();
        int line = 0;
        for (byte x : b) {
          int c = x & 0xFF;
          String piece = c == '\n' ? "\r\n" : c == '\r' ? "" : (c >= 33 && c <= 126 && c != '=') || c == ' ' ? String.valueOf((char) c)
              : String.format(Locale.ROOT, "=%02X", c);
          if (c == '\n') {
            line = 0;
          } else if (line + piece.length() > 73) {
            q.append("=\r\n");
            line = 0;
          }
          q.append(piece);
          line += piece.equals("\r\n") ? -line : piece.length();
        }
        return q.toString();
      }
      default:
        return new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
    }
  }

  private static String attachment(String fileName, String type, byte[] content) {
    return "Content-Type: " + type + "; name=\"" + fileName + "\"\r\nContent-Disposition: attachment; filename=\"" + fileName
        + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + encode(content, "base64") + "\r\n";
  }

  /** A multipart/mixed body with a text part and attachments (each a full part, headers included). */
  private String mixed(String text, String... parts) {
    String boundary = "=_mx" + id();
    StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
        + "This is a multi-part message in MIME format.\r\n");
    b.append("--").append(boundary).append("\r\n").append(textBody(text, "plain"));
    for (String p : parts) {
      b.append("--").append(boundary).append("\r\n").append(p);
    }
    return b.append("--").append(boundary).append("--\r\n").toString();
  }

  /** A multipart/alternative body with text and HTML. */
  private String alternative(String text, String html) {
    String boundary = "alt-" + id();
    return "Content-Type: multipart/alternative; boundary=" + boundary + "\r\n\r\n--" + boundary + "\r\n" + textBody(text, "plain")
        + "--" + boundary + "\r\n" + textBody(html, "html") + "--" + boundary + "--\r\n";
  }

  private static String page(String... blocks) {
    StringBuilder b = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html\"></head><body>"
        + "<table width=\"600\"><tr><td>");
    for (String x : blocks) {
      b.append(x.startsWith("<") ? x : "<p style=\"margin:0 0 12px\">" + x + "</p>");
    }
    return b.append("</td></tr></table></body></html>").toString();
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    return SyntheticAttachments.zip(entries);
  }

  /** An Excel macro workbook: xl/workbook.xml, xl/vbaProject.bin (written here, not by the fixtures). */
  private static byte[] xlsm() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String[] e : new String[][] {{"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"},
          {"_rels/.rels", "<Relationships/>"}, {"xl/workbook.xml", "<workbook/>"}}) {
        z.putNextEntry(new ZipEntry(e[0]));
        z.write(e[1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
      z.write(oleExcelMacros());
      z.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An OLE2 header followed by Excel's macro storage names in UTF-16LE directory entries. */
  private static byte[] oleExcelMacros() {
    ByteBuffer b = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
    b.putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE).putShort(0x1E, (short) 9);
    String[] names = {"Root Entry", "Workbook", "_VBA_PROJECT_CUR", "VBA", "Sheet1", "dir"};
    for (int i = 0; i < names.length; i++) {
      b.position(512 + 128 * i);
      b.put(names[i].getBytes(StandardCharsets.UTF_16LE));
    }
    return b.array();
  }

  /** A 32-bit PE header (i386), different from the fixtures' 64-bit one. */
  private static byte[] pe32() {
    ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0xE8);
    b.position(0xE8);
    b.put(new byte[] {'P', 'E', 0, 0}).putShort((short) 0x014C).putShort((short) 1);
    return b.array();
  }

  // ---------------------------------------------------------------- legitimate

  private List<Template> legit() {
    return List.of(
        new Template(Label.LEGIT, "legit-colleague-wifi-password", () -> {
          String who = name();
          String a = local(who) + "@" + webmail();
          return head(who, a, "Petite question", pass(a.substring(a.indexOf('@') + 1)))
              + textBody("Bonjour Hélène,\n\nC'est urgent : peux-tu me renvoyer le mot de passe du wifi du cabinet ? Le technicien"
                  + " passe cet après-midi.\n\nMerci !\n" + who, "plain");
        }),
        new Template(Label.LEGIT, "legit-accountant-pdf", () -> head("Cabinet Comptable Martel", "contact@martel-expertise.fr",
            "Liasse fiscale 2025", pass("martel-expertise.fr"))
            + mixed("Docteur,\n\nVous trouverez ci-joint votre liasse fiscale. Le prélèvement se fera sur votre IBAN habituel,"
                + " rien ne change.\n\nBien cordialement,\nCabinet Martel", attachment("Liasse_2025.pdf", "application/pdf",
                SyntheticAttachments.pdf("Liasse")))),
        new Template(Label.LEGIT, "legit-ordre-newsletter", () -> {
          String track = "https://mailing.ordre-chirurgiens-dentistes.fr/c/" + id() + "?u=";
          return head("Ordre national des chirurgiens-dentistes", "lettre@mailing.ordre-chirurgiens-dentistes.fr", "La Lettre n°" + r.nextInt(250),
              pass("mailing.ordre-chirurgiens-dentistes.fr"))
              + alternative("La Lettre de l'Ordre. Lire en ligne : https://www.ordre-chirurgiens-dentistes.fr/lettre",
                  page("Chère consœur, cher confrère,", "Retrouvez les actualités de la profession et les dates des élections ordinales.",
                      "<a href=\"" + track + "https%3A%2F%2Fwww.ordre-chirurgiens-dentistes.fr%2Factualites\">Lire la lettre</a>",
                      "<a href=\"" + track + "https%3A%2F%2Fwww.ordre-chirurgiens-dentistes.fr%2F\">www.ordre-chirurgiens-dentistes.fr</a>"));
        }),
        new Template(Label.LEGIT, "legit-supplier-mailchimp", () -> {
          String base = "https://fournitures-dentaires-ouest.us" + (1 + r.nextInt(20)) + ".list-manage.com/track/click?u=" + id() + "&id=";
          return head("Fournitures Dentaires Ouest", "promo@fournitures-dentaires-ouest.fr", "-20 % sur les composites ce mois-ci",
              pass("fournitures-dentaires-ouest.fr")).replaceFirst("Return-Path: <[^>]*>", "Return-Path: <bounce-mc.us12_" + id()
              + "@mail" + r.nextInt(300) + ".atl" + r.nextInt(90) + ".mcsv.net>")
              + textBody(page("<img src=\"https://mcusercontent.com/" + id() + "/banner.jpg\" width=\"600\">",
                  "Profitez de nos offres sur les composites et les fraises.", "<a href=\"" + base + id() + "\">Découvrir les offres</a>",
                  "<a href=\"" + base + id() + "\">www.fournitures-dentaires-ouest.fr</a>",
                  "<a href=\"https://fournitures-dentaires-ouest.us12.list-manage.com/unsubscribe?u=" + id() + "\">Se désabonner</a>"), "html");
        }),
        new Template(Label.LEGIT, "legit-appointment-confirmation", () -> head("Doctolib", "no-reply@doctolib.fr", "Rendez-vous confirmé",
            pass("doctolib.fr")) + textBody(page("Bonjour,", "Votre patient a confirmé son rendez-vous du " + (1 + r.nextInt(28)) + "/05 à 10h30.",
            "<a href=\"https://pro.doctolib.fr/calendar\">Ouvrir l'agenda</a>", "<a href=\"https://www.doctolib.fr/cgu\">Conditions</a>"), "html")),
        new Template(Label.LEGIT, "legit-patient-photo", () -> {
          String who = name();
          String a = local(who) + r.nextInt(99) + "@" + webmail();
          return head(who, a, "Ma radio", pass(a.substring(a.indexOf('@') + 1)))
              + mixed("Bonjour docteur,\n\nComme convenu je vous envoie la photo de ma radio.\n\nCordialement,\n" + who,
                  attachment("IMG_" + (1000 + r.nextInt(9000)) + ".png", "image/png", SyntheticAttachments.png(r.nextLong())));
        }),
        new Template(Label.LEGIT, "legit-hospital-mssante", () -> {
          String who = name();
          return head("Dr " + who, local(who) + "@chu-ouest.mssante.fr", "Compte rendu opératoire", pass("chu-ouest.mssante.fr"))
              + mixed("Chère consœur,\n\nVeuillez trouver le compte rendu opératoire de votre patient et le document CDA.\n\nDr " + who,
                  attachment("CRO.pdf", "application/pdf", SyntheticAttachments.pdf("CRO")),
                  attachment("CRO.xml", "text/xml", "<?xml version=\"1.0\"?><ClinicalDocument/>".getBytes(StandardCharsets.UTF_8)));
        }),
        new Template(Label.LEGIT, "legit-software-invoice", () -> head("Facturation DentiSoft", "noreply@facturation.dentisoft.fr",
            "Votre facture d'abonnement", pass("facturation.dentisoft.fr"))
            + mixed("Bonjour,\n\nVotre facture d'abonnement est disponible, également sur https://espace-client.dentisoft.fr/factures.\n\n"
                + "L'équipe DentiSoft", attachment("Facture_2026-04.pdf", "application/pdf", SyntheticAttachments.pdf("Facture")))),
        new Template(Label.LEGIT, "legit-calendar-invite", () -> {
          String who = name();
          String a = local(who) + "@cabinet-ortho-" + local(name()).replace('.', '-') + ".fr";
          return head(who, a, "Invitation : réunion de groupe", pass(a.substring(a.indexOf('@') + 1)))
              + mixed("Réunion du groupe de pairs jeudi à 20h.", attachment("invite.ics", "text/calendar",
                  ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Groupe de pairs\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                      .getBytes(StandardCharsets.UTF_8)));
        }),
        new Template(Label.LEGIT, "legit-mutuelle-refund", () -> head("Harmonie Mutuelle", "information@harmonie-mutuelle.fr",
            "Un remboursement vient d'être effectué", pass("harmonie-mutuelle.fr"))
            + textBody(page("Bonjour,", "Un remboursement de " + (10 + r.nextInt(90)) + ",00 € a été versé sur votre compte.",
                "<a href=\"https://www.harmonie-mutuelle.fr/espace-adherent\">Consulter mon espace</a>"), "html")),
        new Template(Label.LEGIT, "legit-urssaf-reminder", () -> head("Urssaf", "ne-pas-repondre@info.urssaf.fr", "Rappel d'échéance",
            pass("info.urssaf.fr")) + textBody("Madame,\n\nNous vous rappelons que votre prochaine échéance interviendra le 15."
            + " Sans paiement, des majorations de retard pourraient s'appliquer.\n\nVotre espace : https://www.urssaf.fr\n\nVotre Urssaf", "plain")),
        new Template(Label.LEGIT, "legit-colleague-docx-xlsx", () -> {
          String who = name();
          String a = local(who) + "@" + webmail();
          return head(who, a, "Planning et courrier", pass(a.substring(a.indexOf('@') + 1)))
              + mixed("Salut,\n\nVoici le planning des gardes et le courrier pour le patient.\n\n" + who,
                  attachment("planning.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SyntheticAttachments.ooxml(false)),
                  attachment("courrier patient.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      SyntheticAttachments.ooxml(false)));
        }),
        new Template(Label.LEGIT, "legit-wetransfer", () -> head("WeTransfer", "noreply@wetransfer.com", "Des fichiers vous ont été envoyés",
            pass("wetransfer.com")) + textBody(page("Vous avez reçu 3 fichiers de la part d'un confrère.",
            "<a href=\"https://wetransfer.com/downloads/" + id() + "\">Obtenir les fichiers</a>"), "html")),
        new Template(Label.LEGIT, "legit-ars-alert", () -> head("ARS Pays de la Loire", "ars-pdl-alerte@ars.sante.fr",
            "Alerte sanitaire", pass("ars.sante.fr")) + textBody("Madame, Monsieur,\n\nVeuillez trouver les recommandations en vigueur :"
            + " https://www.pays-de-la-loire.ars.sante.fr/alertes et https://www.legifrance.gouv.fr\n\nL'ARS", "plain")),
        new Template(Label.LEGIT, "legit-association-shortlink", () -> head("Association dentaire 44", "bureau@asso-dentaire44.fr",
            "Soirée formation", pass("asso-dentaire44.fr")) + textBody("Bonjour à tous,\n\nInscription à la soirée : https://bit.ly/"
            + id() + "\n\nLe bureau", "plain")),
        new Template(Label.LEGIT, "legit-reply-thread", () -> {
          String who = name();
          String a = local(who) + "@" + webmail();
          return head(who, a, "RE: RE: urgent - remplacement", pass(a.substring(a.indexOf('@') + 1)))
              + textBody("Ok pour moi, je serai là lundi.\n\n> Le 3 avr. 2026, Hélène a écrit :\n> C'est urgent, peux-tu me remplacer"
                  + " lundi ?\n>> Dernier rappel : il faut répondre avant ce soir.", "plain");
        }),
        new Template(Label.LEGIT, "legit-bank-new-card", () -> head("Crédit Mutuel", "service-clients@creditmutuel.fr",
            "Votre nouvelle carte est disponible", pass("creditmutuel.fr")) + textBody(page("Bonjour,",
            "Votre nouvelle carte bancaire arrive à expiration de l'ancienne : elle est disponible en agence.",
            "<a href=\"https://www.creditmutuel.fr/fr/particuliers.html\">www.creditmutuel.fr</a>"), "html")),
        new Template(Label.LEGIT, "legit-lab-results-zip", () -> head("Biolab Atlantique", "resultats@biolab-atlantique.fr",
            "Résultats", pass("biolab-atlantique.fr")) + mixed("Bonjour,\n\nRésultats en pièce jointe.\n\nBiolab", attachment("resultats.zip",
            "application/x-zip-compressed", zip(new LinkedHashMap<>(Map.of("bilan.pdf", SyntheticAttachments.pdf("b"), "courbe.png",
                SyntheticAttachments.png(r.nextLong()))))))),
        new Template(Label.LEGIT, "legit-small-domain-spf-only", () -> {
          String d = "kine-" + local(name()).replace('.', '-') + ".fr";
          return head("Cabinet de kinésithérapie", "secretariat@" + d, "Bilan du patient", spfOnly(d))
              + textBody("Bonjour Docteur,\n\nLe bilan de votre patient est terminé, je vous appelle demain.\n\nLe secrétariat", "plain");
        }));
  }

  // ---------------------------------------------------------------- phishing

  private List<Template> phishing() {
    return List.of(
        new Template(Label.PHISHING, "phishing-mon-espace-sante", () -> head("Mon Espace Santé", "notification@mon-espace-sante-info.com",
            "Action requise sur votre dossier", pass("mon-espace-sante-info.com")) + textBody(page("Bonjour,",
            "Votre dossier Mon Espace Santé sera fermé faute de validation. Confirmez votre identité avec FranceConnect.",
            "<a href=\"https://mon-espace-sante-info.com/fc/login\">Valider mon dossier</a>"), "html")),
        new Template(Label.PHISHING, "phishing-ecps-code-by-reply", () -> head("Service client e-CPS", "support.ecps" + r.nextInt(99) + "@outlook.fr",
            "Réactivation de votre e-CPS", pass("outlook.fr")) + textBody("Bonjour Docteur,\n\nSuite à une mise à jour, votre e-CPS doit"
            + " être réactivée. Merci de nous répondre avec le code d'activation reçu par SMS.\n\nLe service client CPS", "plain")),
        new Template(Label.PHISHING, "phishing-ordre-identity", () -> head("Ordre National des Chirurgiens-Dentistes", "cotisation@ordre-cd-paiement.fr",
            "Mise à jour de votre inscription", pass("ordre-cd-paiement.fr")) + textBody(page("Cher confrère,",
            "Afin de maintenir votre inscription, envoyez une copie de votre pièce d'identité et un selfie avant le 30.",
            "<a href=\"https://ordre-cd-paiement.fr/depot\">Déposer mes documents</a>"), "html")),
        new Template(Label.PHISHING, "phishing-cnil-rgpd", () -> head("CNIL - Service Conformité", "conformite@rgpd-sante-cabinet.fr",
            "Contrôle RGPD de votre cabinet", pass("rgpd-sante-cabinet.fr")) + textBody(page("Madame,",
            "Votre cabinet n'est pas en conformité avec le RGPD. Sans régularisation sous 48h, une amende de 15 000 € pourra être prononcée.",
            "<a href=\"https://rgpd-sante-cabinet.fr/regulariser\">Régulariser</a>"), "html")),
        new Template(Label.PHISHING, "phishing-urssaf-foreign-iban", () -> head("Urssaf Recouvrement", "recouvrement@urssaf-recouvrement.com",
            "Mise en demeure", pass("urssaf-recouvrement.com")) + textBody("Madame,\n\nSauf règlement de " + (400 + r.nextInt(900))
            + " € sous 8 jours sur le compte IBAN LT12 1000 0111 0100 1000, des poursuites seront engagées.\n\nL'Urssaf", "plain")),
        new Template(Label.PHISHING, "phishing-compromised-account-webmail", () -> {
          String d = "cabinet-kine-" + local(name()).replace('.', '-') + ".fr";
          return head("Administrateur messagerie", "contact@" + d, "Votre boîte aux lettres est pleine", pass(d))
              + textBody(page("Votre boîte aux lettres a atteint son quota. Vos messages entrants seront rejetés.",
                  "<a href=\"https://storage.googleapis.com/" + id() + "/index.html#dr.lefevre@" + PRACTICE + "\">Augmenter le quota</a>"), "html");
        }),
        new Template(Label.PHISHING, "phishing-doctolib-lookalike", () -> head("Doctolib", "no-reply@doctolib-rdv.net",
            "Des rendez-vous ont été annulés", pass("doctolib-rdv.net")) + textBody(page("Bonjour Docteur,",
            "Plusieurs rendez-vous ont été annulés suite à un problème de paiement de votre abonnement.",
            "<a href=\"https://doctolib-rdv.net/pro/paiement\">Mettre à jour mon moyen de paiement</a>"), "html")),
        new Template(Label.PHISHING, "phishing-brand-subdomain-mismatch", () -> head("Assurance Maladie", "info@relance-assures.org",
            "Remboursement en attente", spfOnly("relance-assures.org")) + textBody(page("Vous avez un remboursement en attente.",
            "<a href=\"https://ameli.secure-verification.info/assure\">https://www.ameli.fr/assure</a>"), "html")),
        new Template(Label.PHISHING, "phishing-html-statement", () -> head("Ameli Relevés", "releves@releves-mensuels.net", "Votre relevé",
            pass("releves-mensuels.net")) + mixed("Votre relevé de remboursements est joint.", attachment("Releve_ameli.html", "text/html",
            SyntheticAttachments.loginPage("ameli", "https://releves-mensuels.net/r.php")))),
        new Template(Label.PHISHING, "phishing-pdf-link-only", () -> head("Service Facturation", "facturation@gestion-factures.net",
            "Facture en attente", pass("gestion-factures.net")) + mixed("Bonjour,\n\nVotre facture est en pièce jointe.\n\nCordialement",
            attachment("Facture.pdf", "application/pdf", SyntheticAttachments.pdf("Consulter la facture: https://gestion-factures.net/f")))),
        new Template(Label.PHISHING, "phishing-bank-impersonation", () -> head("BNP Paribas", "service@bnp-paribas-securite.com",
            "Activité inhabituelle", pass("bnp-paribas-securite.com")) + textBody(page("Nous avons bloqué votre carte suite à une activité"
            + " inhabituelle.", "<a href=\"https://bnp-paribas-securite.com/debloquer\">Débloquer ma carte</a>"), "html")),
        new Template(Label.PHISHING, "phishing-parcel-unknown-brand", () -> head("Suivi Colis", "suivi@colis-livraison-express.info",
            "Votre colis est en attente", pass("colis-livraison-express.info")) + textBody(page("Votre colis n'a pas pu être livré."
            + " Des frais de 1,99 € sont à régler.", "<a href=\"https://colis-livraison-express.info/pay\">Programmer la livraison</a>"), "html")),
        new Template(Label.PHISHING, "phishing-homograph-doctolib", () -> head("Doctolib Pro", "contact@" + java.net.IDN.toASCII("dоctolib.fr"),
            "Sécurité de votre compte", pass(java.net.IDN.toASCII("dоctolib.fr"))) + textBody(page("Connectez-vous pour sécuriser votre"
            + " compte.", "<a href=\"https://" + java.net.IDN.toASCII("dоctolib.fr") + "/login\">Se connecter</a>"), "html")),
        new Template(Label.PHISHING, "phishing-amelipro-ip", () -> head("AmeliPro", "amelipro@notifications-pro.net", "Votre compte AmeliPro",
            spfOnly("notifications-pro.net")) + textBody("Votre accès AmeliPro expire. Reconnectez-vous : http://" + (100 + r.nextInt(100))
            + ".64." + r.nextInt(250) + "." + r.nextInt(250) + "/amelipro/\n", "plain")),
        new Template(Label.PHISHING, "phishing-supplier-lookalike-invoice", () -> head("Fournitures Dentaires Ouest", "compta@fournitures-dentaires-0uest.fr",
            "Facture et nouvelles coordonnées", pass("fournitures-dentaires-0uest.fr")) + textBody("Bonjour,\n\nMerci de régler la facture"
            + " jointe sur notre nouveau compte.\n\nComptabilité", "plain")),
        new Template(Label.PHISHING, "phishing-practice-spoof-transfer", () -> head("Dr Hélène Lefèvre", "dr.lefevre@" + PRACTICE,
            "Virement urgent", "spf=fail smtp.mailfrom=" + PRACTICE + "; dkim=none; dmarc=fail (p=none) header.from=" + PRACTICE)
            + textBody("Peux-tu faire un virement aujourd'hui pour le nouveau fournisseur ? Je t'envoie le RIB.\n\nHélène", "plain")),
        new Template(Label.PHISHING, "phishing-ceo-freemail", () -> head("Hélène Lefèvre", "helene.lefevre.cabinet@gmail.com",
            "Urgent", pass("gmail.com")) + textBody("Es-tu au cabinet ? J'ai besoin que tu règles une facture aujourd'hui, discrètement."
            + " Je suis en réunion.\n\nHélène", "plain")),
        new Template(Label.PHISHING, "phishing-google-redirect", () -> head("Caisse primaire", "cpam@remboursement-assures.net",
            "Dossier incomplet", spfOnly("remboursement-assures.net")) + textBody(page("Votre dossier est incomplet.",
            "<a href=\"https://www.google.com/url?sa=t&url=https%3A%2F%2Fdossier-assure-maj.top%2F\">Compléter le dossier</a>"), "html")),
        new Template(Label.PHISHING, "phishing-qr-mfa", () -> {
          String boundary = "rel-" + id();
          return head("Microsoft 365", "no-reply@secure-office-auth.com", "Authentification à renouveler", pass("secure-office-auth.com"))
              + "Content-Type: multipart/related; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
              + textBody(page("Votre authentification multifacteur expire aujourd'hui.", "<img src=\"cid:qr@x\">",
                  "Scannez le code avec votre téléphone pour la renouveler."), "html")
              + "--" + boundary + "\r\nContent-Type: image/png\r\nContent-ID: <qr@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
              + encode(SyntheticAttachments.png(r.nextLong()), "base64") + "\r\n--" + boundary + "--\r\n";
        }),
        new Template(Label.PHISHING, "phishing-javascript-link", () -> head("Partage de fichiers", "share@docs-partages.net", "Document partagé",
            pass("docs-partages.net")) + textBody(page("Un document vous a été partagé.",
            "<a href=\"javascript:location.href='https://docs-partages.net/o'\">Ouvrir</a>"), "html")));
  }

  // ---------------------------------------------------------------- malware

  private String carrier(String subject) {
    String who = name();
    String a = r.nextBoolean() ? local(who) + "@" + webmail() : "factures@" + new String[] {"transports-lemoine.fr", "imprimerie-atlantique.com",
        "groupe-medical-sud.net"}[r.nextInt(3)];
    return head(who, a, subject, r.nextBoolean() ? pass(a.substring(a.indexOf('@') + 1)) : null);
  }

  private List<Template> malware() {
    return List.of(
        new Template(Label.MALWARE, "malware-xlsm", () -> carrier("Commande") + mixed("Bonjour, voici la commande à valider.",
            attachment("Commande_" + r.nextInt(999) + ".xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", xlsm()))),
        new Template(Label.MALWARE, "malware-xls-macro", () -> carrier("Relevé") + mixed("Relevé en pièce jointe.",
            attachment("releve.xls", "application/vnd.ms-excel", oleExcelMacros()))),
        new Template(Label.MALWARE, "malware-zip-js", () -> carrier("Facture") + mixed("Facture ci-jointe.", attachment("Facture.zip",
            "application/zip", zip(Map.of("Facture_2026.js", "var s=1;".getBytes(StandardCharsets.US_ASCII)))))),
        new Template(Label.MALWARE, "malware-iso", () -> carrier("Documents") + mixed("Les documents demandés.",
            attachment("Documents.iso", "application/octet-stream", SyntheticAttachments.isoImage()))),
        new Template(Label.MALWARE, "malware-zip-lnk", () -> carrier("Photos") + mixed("Les photos de la soirée.",
            attachment("Photos.zip", "application/zip", zip(Map.of("Photo.jpg.lnk", SyntheticAttachments.shortcut()))))),
        new Template(Label.MALWARE, "malware-exe-as-docx", () -> carrier("Contrat") + mixed("Le contrat à signer.",
            attachment("Contrat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", pe32()))),
        new Template(Label.MALWARE, "malware-hta", () -> carrier("Information") + mixed("Information importante.",
            attachment("Info.hta", "application/hta", "<html><script>var a=1;</script></html>".getBytes(StandardCharsets.US_ASCII)))),
        new Template(Label.MALWARE, "malware-encrypted-zip-mdp", () -> {
          String pw = Integer.toString(100 + r.nextInt(900)) + "abc";
          return carrier("Documents confidentiels") + mixed("Bonjour,\nMDP: " + pw + "\nCordialement", attachment("Docs.zip", "application/zip",
              SyntheticAttachments.encryptedZip("Docs.exe", pe32(), pw, r.nextLong())));
        }),
        new Template(Label.MALWARE, "malware-encrypted-zip-code-phrase", () -> {
          String pw = Integer.toString(1000 + r.nextInt(9000));
          return carrier("Relevé") + mixed("Bonjour,\nLe code pour ouvrir le fichier est " + pw + ".\nBonne journée",
              attachment("Releve.zip", "application/zip", SyntheticAttachments.encryptedZip("Releve.pdf.exe", pe32(), pw, r.nextLong())));
        }),
        new Template(Label.MALWARE, "malware-7z", () -> carrier("Scan") + mixed("Voici le scan.", attachment("Scan.7z",
            "application/x-7z-compressed", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))),
        new Template(Label.MALWARE, "malware-zip-vbs-double", () -> carrier("Relevé") + mixed("Relevé joint.", attachment("Releve.zip",
            "application/zip", zip(Map.of("Releve.pdf.vbs", "MsgBox 1".getBytes(StandardCharsets.US_ASCII)))))),
        new Template(Label.MALWARE, "malware-scr", () -> carrier("Photos") + mixed("Regarde !", attachment("Photos.scr",
            "application/octet-stream", pe32()))),
        new Template(Label.MALWARE, "malware-zip-docm", () -> carrier("Contrat") + mixed("Contrat joint.", attachment("Contrat.zip",
            "application/zip", zip(Map.of("Contrat.docm", SyntheticAttachments.ooxml(true)))))),
        new Template(Label.MALWARE, "malware-jar", () -> carrier("Facture") + mixed("Facture jointe.", attachment("Facture.jar",
            "application/java-archive", zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII)))))),
        new Template(Label.MALWARE, "malware-pdf-exe-padded-underscore", () -> carrier("Commande") + mixed("Commande.",
            attachment("Commande.pdf" + "_".repeat(30) + ".exe", "application/octet-stream", pe32()))));
  }

  // ---------------------------------------------------------------- malformed

  private List<Template> malformed() {
    return List.of(
        new Template(Label.MALFORMED, "malformed-nul-headers", () -> "From: a@b.fr\u0000\u0000\r\nSubject\u0000: x\r\n\u0000\r\n"),
        new Template(Label.MALFORMED, "malformed-only-body", () -> "\r\n\r\nBonjour, ceci n'a pas d'en-tête.\r\n"),
        new Template(Label.MALFORMED, "malformed-missing-boundary", () -> "From: x@expediteur-inconnu.fr\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed\r\n\r\n--abc\r\nContent-Type: text/plain\r\n\r\nx\r\n--abc--\r\n"),
        new Template(Label.MALFORMED, "malformed-nested-messages", () -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < 60; i++) {
            b.append("From: x@expediteur-inconnu.fr\r\nContent-Type: message/rfc822\r\n\r\n");
          }
          return b.append("From: x@expediteur-inconnu.fr\r\n\r\nfond\r\n").toString();
        }),
        new Template(Label.MALFORMED, "malformed-binary", () -> {
          byte[] b = new byte[100 + r.nextInt(500)];
          r.nextBytes(b);
          return new String(b, StandardCharsets.ISO_8859_1);
        }));
  }
}
