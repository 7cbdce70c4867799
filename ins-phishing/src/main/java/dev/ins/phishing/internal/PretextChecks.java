package dev.ins.phishing.internal;

import dev.ins.phishing.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the pretexts that need no institution table and no malware: a payment or bank-detail
 * request from someone taking the name of the practice or of a declared partner (CEO and supplier
 * fraud), a brand named in the display name that neither the address nor the links belong to, a
 * "shared document" whose link leads to a page-hosting service or a login page (the usual lure of a
 * compromised account), and a PDF holding a link and almost no text.
 *
 * <p>Each needs structural evidence (a name against a domain, a link's host, a PDF's structure)
 * besides wording, and none is decisive alone: wording alone never makes a message suspicious.
 */
final class PretextChecks {

  /** Points of a payment request under a borrowed name (from another organisation). */
  static final int PAYMENT_NAME = 40;
  /** Points of the same when the name was already reported as an institution's. */
  static final int PAYMENT_NAME_AGAIN = 10;
  /** Points of a payment request whose answers go to free mail (Reply-To). */
  static final int PAYMENT_REPLY_TO = 30;
  /** Points of a brand named by a sender and links that are not the brand's. */
  static final int BRAND = 35;
  /** Points of a shared-document lure leading to a hosted page, a login page or another service. */
  static final int SHARED_STRONG = 35;
  /** Points of a shared-document lure leading to an unrelated site that is not a sharing service. */
  static final int SHARED_WEAK = 20;
  /** Points of a PDF with almost no text and a link elsewhere. */
  static final int PDF_LURE = 35;
  /** Below this many characters of text, a PDF holding a link is a lure. */
  static final int PDF_TEXT_FLOOR = 200;

  /** Words of practice and partner domains that name nobody (cabinet-dr-martin.fr names "martin"). */
  private static final Set<String> GENERIC = Set.of("cabinet", "dr", "docteur", "doc", "medical", "medicale", "medecin", "medecins",
      "dentaire", "dentaires", "dentiste", "dentistes", "sante", "centre", "maison", "pole", "clinique", "kine", "infirmier",
      "infirmiere", "infirmiers", "sage", "femme", "orthodontie", "orthodontiste", "pediatre", "podologue", "osteopathe", "pharmacie",
      "labo", "laboratoire", "groupe", "scm", "selarl", "sel", "des", "du", "de", "la", "le", "les", "et", "en", "sur", "mail", "www",
      "contact", "info", "pro", "france", "paris", "lyon", "ouest", "est", "nord", "sud");

  /** Words that make a display name an organisation's rather than a person's. */
  private static final Set<String> ORG_WORDS = Set.of("service", "services", "client", "clients", "clientele", "support", "equipe",
      "suivi", "livraison", "livraisons", "colis", "notification", "notifications", "securite", "banque", "assurance", "express",
      "poste", "compte", "comptes", "facturation", "administration", "direction", "centre", "messagerie", "infos", "relation",
      "espace", "portail", "plateforme", "team", "noreply", "no-reply", "alerte", "alertes", "courrier", "france", "group", "groupe",
      "assistance", "abonnement", "abonnements", "paiement", "paiements", "commande", "commandes", "expedition", "transport",
      "logistique", "distribution", "mutuelle", "energie", "telecom", "mobile", "fibre", "online", "officiel", "official", "sas", "sa");

  /** Titles and words too common to name anyone or anything. */
  private static final Set<String> TITLES = Set.of("madame", "monsieur", "docteur", "professeur", "dr", "pr", "mme", "mlle", "the",
      "votre", "vos", "notre", "nos", "pour", "avec", "via", "par");

  /** A request for a transfer, bank details or gift cards (CEO and supplier fraud). */
  private static final List<String> TRANSFER = List.of("virement", "virements", "iban", "rib", "coordonnees bancaires",
      "compte bancaire", "references bancaires", "carte cadeau", "cartes cadeaux", "cartes cadeau", "carte-cadeau", "cartes-cadeaux",
      "google play", "itunes", "gift card", "transcash", "neosurf", "paysafecard", "pcs mastercard", "recharge pcs", "recharges pcs",
      "coupon pcs", "coupons pcs", "cartes pcs", "carte prepayee", "cartes prepayees", "steam", "western union", "moneygram",
      "transfert d'argent", "transfert de fonds");

  /** A change of bank details. */
  private static final List<String> CHANGE = List.of("nouveau rib", "nouvel iban", "nouvelles coordonnees bancaires",
      "changement de coordonnees bancaires", "changement de banque", "nouveau compte", "changement de rib", "changement d'iban",
      "modification de nos coordonnees", "modification de coordonnees bancaires", "mise a jour de nos coordonnees bancaires",
      "modifier le rib", "modifier l'iban", "nouvelle banque");

  /** The secrecy and availability openers of CEO fraud ("es-tu disponible ?", "reste discrète"). */
  private static final List<String> SECRECY = List.of("es-tu disponible", "etes-vous disponible", "es-tu dispo", "tu es disponible",
      "vous etes disponible", "as-tu un moment", "avez-vous un moment", "as-tu deux minutes", "avez-vous deux minutes", "discret",
      "discrete", "discretion", "confidentiel", "confidentielle", "en toute confidentialite", "une tache urgente",
      "un service a te demander", "un service a vous demander", "service rapide", "es-tu au cabinet", "etes-vous au cabinet",
      "es-tu joignable", "etes-vous joignable", "je suis en reunion", "je suis en rendez-vous", "ne m'appelle pas", "ne m'appelez pas",
      "je ne peux pas telephoner", "je ne peux pas parler", "reponds-moi uniquement par mail", "repondez-moi uniquement par mail");

  /** A request for a payment of any kind (brand lures: parcel fees, a card number). */
  private static final List<String> PAYMENT = List.of("paiement", "payer", "regler", "reglement", "frais de livraison",
      "frais de port", "frais de douane", "droits de douane", "frais d'expedition", "frais de reexpedition", "frais de reexpedition",
      "carte bancaire", "numero de carte", "facture impayee", "solde impaye", "montant du", "frais de traitement", "frais d'envoi",
      "frais supplementaires", "frais de dedouanement", "frais de stockage");

  /** Calls to action of parcel and account lures that collect data rather than money. */
  private static final List<String> DATA_ASK = List.of("confirmer votre adresse", "confirmez votre adresse", "reprogrammer la livraison",
      "reprogrammer votre livraison", "reprogrammez votre livraison", "planifier une nouvelle livraison", "choisir un nouveau creneau",
      "choisissez un nouveau creneau", "mettre a jour vos coordonnees", "mettez a jour vos coordonnees", "mettre a jour votre moyen de paiement",
      "mettez a jour votre moyen de paiement");

  /** Wording announcing a document to open. */
  private static final List<String> SHARE = List.of("document partage", "documents partages", "fichier partage", "fichiers partages",
      "a partage", "vous a partage", "partage un document", "partage un fichier", "partage avec vous", "vous a envoye un document",
      "vous a envoye des fichiers", "vous a envoye un fichier", "document securise", "message securise", "fichier securise",
      "consulter le document", "acceder au document", "ouvrir le document", "voir le document", "telecharger le document",
      "afficher le document", "consulter la facture", "voir la facture", "telecharger la facture", "consulter le fichier",
      "ouvrir le fichier", "document a signer", "en attente de signature", "signature electronique", "onedrive", "sharepoint",
      "dropbox", "google drive", "docusign", "wetransfer");

  /** Hosts where anyone can publish a page (suffixes). */
  static final List<String> PAGE_HOSTS = List.of("storage.googleapis.com", "firebasestorage.googleapis.com", "firebaseapp.com",
      "web.app", "appspot.com", "blob.core.windows.net", "web.core.windows.net", "azurewebsites.net", "azureedge.net",
      "amazonaws.com", "r2.dev", "pages.dev", "workers.dev", "ipfs.io", "dweb.link", "cloudflare-ipfs.com", "netlify.app",
      "vercel.app", "herokuapp.com", "glitch.me", "000webhostapp.com", "weebly.com", "wixsite.com", "webflow.io", "github.io",
      "gitlab.io", "onrender.com", "repl.co", "jimdosite.com", "godaddysites.com", "yolasite.com", "square.site",
      "mystrikingly.com", "notion.site", "ngrok.io", "ngrok-free.app", "trycloudflare.com", "duckdns.org", "backblazeb2.com",
      "digitaloceanspaces.com", "framer.website", "carrd.co", "sites.google.com", "forms.gle", "firebaseio.com", "surge.sh");

  /** Document-sharing and signature services (organisational domains): a share link there is ordinary. */
  static final Set<String> SHARING = Set.of("wetransfer.com", "we.tl", "dropbox.com", "dropboxusercontent.com", "db.tt", "1drv.ms",
      "live.com", "sharepoint.com", "office.com", "microsoft.com", "google.com", "box.com", "fromsmash.com", "swisstransfer.com",
      "transfernow.net", "grosfichiers.com", "icloud.com", "docusign.net", "docusign.com", "yousign.com", "yousign.app", "adobe.com",
      "mega.nz", "pcloud.com", "infomaniak.com", "filemail.com");

  /** Sharing services a link text may name, with their domains. */
  private static final List<String[]> NAMED_SERVICES = List.of(new String[] {"onedrive", "live.com 1drv.ms sharepoint.com microsoft.com office.com"},
      new String[] {"sharepoint", "sharepoint.com microsoft.com office.com"}, new String[] {"dropbox", "dropbox.com db.tt dropboxusercontent.com"},
      new String[] {"google drive", "google.com"}, new String[] {"wetransfer", "wetransfer.com we.tl"},
      new String[] {"docusign", "docusign.net docusign.com"}, new String[] {"office 365", "microsoft.com office.com live.com"});

  /** Local parts of role addresses (an organisation's, not a person's). */
  private static final Pattern ROLE_ADDRESS = Pattern.compile(
      "noreply|no-reply|ne-pas-repondre|nepasrepondre|notif|alert|mailer|tracking|suivi|billing|service.?client");

  /** Payment and ticketing services a legitimate sender links to (organisational domains): not "another organisation" here. */
  private static final Set<String> PAYMENT_SERVICES = Set.of("helloasso.com", "paypal.com", "paypal.me", "stripe.com", "sumup.com",
      "lydia-app.com", "payplug.com", "weezevent.com", "eventbrite.fr", "eventbrite.com", "billetweb.fr", "assoconnect.com",
      "yapla.com", "gocardless.com", "payzen.eu", "lemonway.com");

  private static final Pattern LOGIN_PATH = Pattern.compile(
      "(?:^|[/_.?=&#-])(?:login|log-in|signin|sign-in|logon|connexion|auth|authenticate|verify|verification|owa|webmail|account"
          + "|compte|password|passwd|secure|session|sso|identification)(?:$|[/_.?=&#-])");

  /** A party whose name a fraudster borrows: the practice or a declared partner. */
  private record Party(String domain, List<String> tokens, String joined, String who) {}

  private final List<Party> parties = new ArrayList<>();
  private final SenderChecks sender;

  PretextChecks(TriageConfig config, SenderChecks sender) {
    this.sender = sender;
    for (String d : config.practiceDomains()) {
      party(d, "votre cabinet");
    }
    for (String d : config.trustedDomains()) {
      party(d, "un partenaire déclaré");
    }
    String home = config.practiceDomains().isEmpty() ? null : DomainNames.registrable(config.practiceDomains().get(0));
    for (String name : config.practiceMembers()) {
      List<String> tokens = new ArrayList<>();
      for (String t : words(TextFold.fold(name, 200))) {
        if (t.length() >= 2 && !TITLES.contains(t)) {
          tokens.add(t);
        }
      }
      if (!tokens.isEmpty()) {
        parties.add(new Party(home, List.copyOf(tokens), "", "un membre déclaré du cabinet"));
      }
    }
  }

  private void party(String domain, String who) {
    String label = DomainNames.label(DomainNames.registrable(domain));
    List<String> tokens = new ArrayList<>();
    for (String t : label.split("[^a-z]+")) {
      if (t.length() >= 3 && !GENERIC.contains(t)) {
        tokens.add(t);
      }
    }
    String joined = label.replaceAll("[^a-z]", "");
    if (!tokens.isEmpty() || joined.length() >= 6 && !GENERIC.contains(joined)) {
      parties.add(new Party(DomainNames.registrable(domain), List.copyOf(tokens), joined, who));
    }
  }

  /**
   * Runs the checks; call it after the sender, link, attachment and wording checks.
   *
   * @param c the message
   * @param s the sender
   * @param found the links (those of PDF attachments included)
   * @param folded the folded subject and text
   * @param pdfs the PDF attachments scanned
   * @param f the findings so far, where the reasons go
   */
  void check(MailContent c, SenderChecks.Sender s, LinkScanner.Found found, String folded, List<Pdf> pdfs, Findings f) {
    payment(c, s, folded, f);
    brand(c, s, found, folded, f);
    shared(s, found, folded, f);
    for (Pdf p : pdfs) {
      pdf(p, s, f);
    }
  }

  /**
   * A scanned PDF attachment.
   *
   * @param name its file name, or null
   * @param scan what the scan found
   */
  record Pdf(String name, PdfScan.Result scan) {}

  // ------------------------------------------------------------------ CEO and supplier fraud

  private void payment(MailContent c, SenderChecks.Sender s, String folded, Findings f) {
    String fd = s.fromDomain();
    if (fd == null) {
      return;
    }
    // Structure first (cheap), wording only when a name is borrowed or the answers go elsewhere.
    boolean free = SenderChecks.FREEMAIL.contains(DomainNames.registrable(fd));
    String replyElsewhere = null;
    for (String rt : c.replyToDomains) {
      if (!sender.sameOrganisation(rt, fd)) {
        replyElsewhere = rt;
        break;
      }
    }
    Party p = claimed(c.displayName);
    boolean borrowed = p != null && (p.domain() == null || !sender.sameOrganisation(fd, p.domain()));
    boolean replyToFree = replyElsewhere != null && !free && SenderChecks.FREEMAIL.contains(DomainNames.registrable(replyElsewhere));
    if (!borrowed && !replyToFree) {
      return;
    }
    String transfer = first(folded, TRANSFER);
    if (borrowed) {
      String payment = transfer != null ? transfer : first(folded, PAYMENT);
      String request = payment != null ? payment : first(folded, SECRECY);
      String change = request == null ? null : first(folded, CHANGE);
      if (request != null && (free || !s.authenticated() || replyElsewhere != null || change != null)) {
        String how = free ? ", une messagerie gratuite" : !s.authenticated() ? ", un domaine que rien n'authentifie" : "";
        // A name already reported as an institution's (DISPLAY_NAME_IMPERSONATION) is not counted twice.
        int points = f.has(ReasonCode.DISPLAY_NAME_IMPERSONATION) ? PAYMENT_NAME_AGAIN : PAYMENT_NAME;
        f.add(ReasonCode.PAYMENT_IMPERSONATION, points, "Le nom affiché " + Evidence.quote(c.displayName) + " reprend celui de "
            + p.who() + (p.domain() != null ? " (" + p.domain() + ")" : "") + ", mais l'adresse vient de "
            + Evidence.quote(DomainNames.unicode(fd)) + how
            + (replyElsewhere != null ? ", les réponses partent vers " + Evidence.quote(DomainNames.unicode(replyElsewhere)) : "")
            + ", et le message demande " + (change != null ? "un changement de coordonnées bancaires (« " + change + " »)"
                : payment != null ? "un paiement (« " + payment + " »)" : "un service discret ou urgent (« " + request + " »)")
            + " : fraude au président ou au fournisseur, vérifiez par téléphone avant tout paiement.");
        return;
      }
    }
    if (transfer != null && replyToFree) {
      f.add(ReasonCode.PAYMENT_IMPERSONATION, PAYMENT_REPLY_TO, "Le message demande un paiement ou des coordonnées bancaires (« "
          + transfer + " ») et ses réponses partent vers la messagerie gratuite " + Evidence.quote(DomainNames.unicode(replyElsewhere))
          + " au lieu de " + Evidence.quote(DomainNames.unicode(fd)) + " (en-tête Reply-To) : vérifiez par téléphone avant tout paiement.");
    }
  }

  /** The practice or partner a display name takes, or null. */
  private Party claimed(String displayName) {
    if (displayName == null || displayName.isBlank() || parties.isEmpty()) {
      return null;
    }
    List<String> tokens = words(TextFold.fold(displayName, 200));
    String joined = String.join("", tokens);
    for (Party p : parties) {
      if (!p.tokens().isEmpty() && tokens.containsAll(p.tokens()) || p.joined().length() >= 6 && joined.contains(p.joined())) {
        return p;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ brands outside the table

  private void brand(MailContent c, SenderChecks.Sender s, LinkScanner.Found found, String folded, Findings f) {
    String fd = s.fromDomain();
    String name = c.displayName;
    if (fd == null || name == null || name.isBlank() || s.owner() != null || f.has(ReasonCode.DISPLAY_NAME_IMPERSONATION)
        || f.has(ReasonCode.PAYMENT_IMPERSONATION)) {
      return;
    }
    List<String> tokens = words(TextFold.fold(name, 200));
    boolean organisational = tokens.size() == 1 || c.fromLocalPart != null && ROLE_ADDRESS.matcher(TextFold.fold(c.fromLocalPart, 64)).find();
    List<String> distinctive = new ArrayList<>(2);
    for (String t : tokens) {
      if (ORG_WORDS.contains(t)) {
        organisational = true;
      } else if (t.length() >= 4 && !TITLES.contains(t) && !GENERIC.contains(t)) {
        distinctive.add(t);
      }
    }
    for (String raw : name.split("[^\\p{L}\\p{N}]+")) {
      if (raw.length() >= 2 && raw.length() <= 3 && raw.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))
          && raw.chars().anyMatch(Character::isLetter)) {
        organisational = true;
        String low = TextFold.fold(raw, 40);
        if (!distinctive.contains(low) && !TITLES.contains(low)) {
          distinctive.add(low);
        }
      }
    }
    if (!organisational || distinctive.isEmpty()) {
      return;
    }
    String joined = String.join("", distinctive);
    String allJoined = String.join("", tokens);
    if (brandSite(fd, distinctive, joined, allJoined)) {
      return;
    }
    StringBuilder initials = new StringBuilder();
    for (String t : tokens) {
      if (!TITLES.contains(t) && !GENERIC.contains(t) || ORG_WORDS.contains(t)) {
        initials.append(t.charAt(0));
      }
    }
    String fromLabel = DomainNames.label(DomainNames.registrable(fd)).replaceAll("[^a-z0-9]", "");
    if (initials.length() >= 2 && fromLabel.equals(initials.toString())) {
      return;
    }
    String ask = first(folded, PAYMENT);
    if (ask == null) {
      ask = first(folded, TRANSFER);
    }
    if (ask == null) {
      ask = first(folded, DATA_ASK);
    }
    if (ask == null && (f.has(ReasonCode.LURE_CREDENTIALS) || !found.forms.isEmpty())) {
      ask = "identifiants";
    }
    if (ask == null) {
      return;
    }
    String foreign = null;
    for (LinkScanner.Link l : found.links) {
      String d = l.url().isWeb() ? l.url().domain() : null;
      if (d == null) {
        continue;
      }
      if (brandSite(d, distinctive, joined, allJoined)) {
        return; // the brand's own site is linked: a brand writing through a mailing service
      }
      if (foreign == null && !sender.sameOrganisation(d, fd) && !PAYMENT_SERVICES.contains(DomainNames.registrable(d))) {
        foreign = d;
      }
    }
    if (foreign == null && found.forms.isEmpty()) {
      return;
    }
    f.add(ReasonCode.BRAND_IMPERSONATION, BRAND, "Le nom affiché " + Evidence.quote(name) + " présente une organisation que l'on ne"
        + " retrouve ni dans l'adresse de l'expéditeur " + Evidence.quote(DomainNames.unicode(fd)) + " ni dans les liens, et le message"
        + " demande " + (ask.equals("identifiants") ? "des identifiants" : "un paiement ou des données (« " + ask + " »)")
        + (foreign != null ? " via un lien vers " + Evidence.quote(DomainNames.unicode(foreign)) : " dans un formulaire") + ".");
  }

  /**
   * Tells whether a domain is the brand's own: its organisational label (hyphens dropped) is one of
   * the distinctive words or all of them joined ({@code mondialrelay.fr} for "Mondial Relay"). A label
   * adding words to the brand ({@code chronopost-suivi.com}) is not the brand's.
   */
  private static boolean brandSite(String domain, List<String> distinctive, String joined, String allJoined) {
    String label = DomainNames.label(DomainNames.registrable(domain)).replace("-", "");
    return distinctive.contains(label) || label.equals(joined) || label.equals(allJoined);
  }

  // ------------------------------------------------------------------ shared-document lures

  private void shared(SenderChecks.Sender s, LinkScanner.Found found, String folded, Findings f) {
    String fd = s.fromDomain();
    boolean elsewhere = false;
    for (LinkScanner.Link l : found.links) {
      String d = l.url().isWeb() ? l.url().domain() : null;
      if (d != null && (fd == null || !sender.sameOrganisation(d, fd))) {
        elsewhere = true;
        break;
      }
    }
    String share = elsewhere ? first(folded, SHARE) : null;
    if (share == null) {
      return;
    }
    for (LinkScanner.Link l : found.links) {
      Url u = l.url();
      String d = u.isWeb() ? u.domain() : null;
      if (d == null || fd != null && sender.sameOrganisation(d, fd)) {
        continue;
      }
      String where = l.source() == null ? "le lien" : "le lien de la pièce jointe " + Evidence.quote(l.source());
      String host = pageHost(d, u.rest());
      String org = DomainNames.registrable(d);
      String shown = Evidence.quote(u.shortForm());
      if (host != null) {
        f.add(ReasonCode.SHARED_DOCUMENT_LURE, SHARED_STRONG, "Le message annonce un document (« " + share + " ») mais " + where
            + " mène à " + shown + ", hébergé sur " + Evidence.quote(host) + " où n'importe qui peut publier une page : fausse page"
            + " de partage ou de connexion, même si l'expéditeur est connu.");
        continue;
      }
      if (SHARING.contains(org) || SHARING.contains(d)) {
        continue;
      }
      String named = namedService(l.text());
      if (named != null) {
        f.add(ReasonCode.SHARED_DOCUMENT_LURE, SHARED_STRONG, "Le lien affiche " + Evidence.quote(l.text().strip()) + " (" + named
            + ") mais mène à " + Evidence.quote(DomainNames.unicode(d)) + ", qui n'est pas ce service.");
      } else if (LOGIN_PATH.matcher(u.rest().toLowerCase(Locale.ROOT)).find()) {
        f.add(ReasonCode.SHARED_DOCUMENT_LURE, SHARED_STRONG, "Le message annonce un document (« " + share + " ») mais " + where
            + " ouvre une page de connexion " + shown + " sur un site qui n'est ni celui de l'expéditeur ni un service de partage :"
            + " vos identifiants seraient volés.");
      } else {
        f.add(ReasonCode.SHARED_DOCUMENT_LURE, SHARED_WEAK, "Le message annonce un document (« " + share + " ») mais " + where
            + " mène à " + Evidence.quote(DomainNames.unicode(d)) + ", qui n'est ni le site de l'expéditeur ni un service de partage"
            + " connu.");
      }
    }
  }

  /** The page-hosting suffix a host is on, or null; {@code docs.google.com/forms} counts. */
  static String pageHost(String domain, String rest) {
    for (String h : PAGE_HOSTS) {
      if (DomainNames.within(domain, h)) {
        return h;
      }
    }
    if (domain.equals("docs.google.com") && rest.startsWith("/forms")) {
      return "docs.google.com/forms";
    }
    return null;
  }

  private static String namedService(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = TextFold.fold(text, 200);
    for (String[] s : NAMED_SERVICES) {
      if (t.contains(s[0])) {
        return s[0];
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ PDF lures

  private void pdf(Pdf p, SenderChecks.Sender s, Findings f) {
    if (p.scan().textChars() >= PDF_TEXT_FLOOR) {
      return;
    }
    String fd = s.fromDomain();
    for (String uri : p.scan().uris()) {
      Url u = Url.parse(uri);
      String d = u.isWeb() ? u.domain() : null;
      if (u.isWeb() && (d == null || fd == null || !sender.sameOrganisation(d, fd))) {
        f.add(ReasonCode.PDF_LINK_LURE, PDF_LURE, "La pièce jointe " + Evidence.quote(p.name() == null ? "(sans nom)" : p.name())
            + " ne montre presque pas de texte (" + p.scan().textChars() + " caractères) mais contient un lien vers "
            + Evidence.quote(u.shortForm()) + " : un document fait pour être cliqué.");
        return;
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The first phrase of a list found as whole words in a folded text, or null. */
  static String first(String folded, List<String> phrases) {
    for (String p : phrases) {
      if (LureWording.containsWord(folded, p, true)) {
        return p;
      }
    }
    return null;
  }

  /** The words of a folded text (letters and digits). */
  private static List<String> words(String folded) {
    List<String> out = new ArrayList<>(4);
    for (String w : folded.split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

}
