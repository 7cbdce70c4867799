package dev.ins.phishing.internal;

import dev.ins.phishing.ReasonCode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges the links and forms found by {@link LinkScanner}: visible text against target, IP hosts,
 * shorteners, open redirects outside the sender's own tracking, script schemes, user-info tricks,
 * look-alike and internationalised hosts, credential forms and QR-code-only lures.
 */
final class LinkChecks {

  /** URL shorteners whose links hide the destination. */
  static final Set<String> SHORTENERS = Set.of(
      "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rebrand.ly",
      "shorturl.at", "tiny.cc", "rb.gy", "s.id", "t.ly", "bl.ink", "short.io", "qrco.de", "urlz.fr", "v.gd", "shorte.st",
      "adf.ly", "tinyurl.fr", "lstu.fr", "u.to", "clck.ru", "qr.io", "n9.cl", "surl.li", "shorturl.asia", "x.gd", "l.ead.me");

  private static final Pattern VISIBLE_URL = Pattern.compile(
      "(?i)(?:https?://)?(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,24}(?::\\d{1,5})?(?:[/?#]\\S*)?");

  private final LookalikeDetector detector;
  private final SenderChecks sender;

  LinkChecks(LookalikeDetector detector, SenderChecks sender) {
    this.detector = detector;
    this.sender = sender;
  }

  void check(LinkScanner.Found found, SenderChecks.Sender s, String foldedText, Findings f) {
    Set<String> domainsSeen = new HashSet<>();
    int webLinks = 0;
    for (LinkScanner.Link link : found.links) {
      Url u = link.url();
      String where = link.source() == null ? "Un lien du message" : "Un lien de la pièce jointe " + Evidence.quote(link.source());
      String scheme = u.scheme();
      if (scheme.equals("javascript") || scheme.equals("vbscript") || scheme.equals("data") && !u.rest().toLowerCase(Locale.ROOT).startsWith("image/")) {
        f.add(ReasonCode.LINK_SCRIPT_SCHEME, 40, where + " utilise le schéma « " + scheme + ": », qui exécute du code ou ouvre un"
            + " contenu caché au lieu d'aller sur un site.");
        continue;
      }
      if (!u.isWeb()) {
        continue;
      }
      webLinks++;
      String shown = Evidence.quote(u.shortForm());
      String domain = u.domain();
      if (domain == null) {
        if (DomainNames.isIpLiteral(u.host())) {
          f.add(ReasonCode.LINK_IP_HOST, 30, where + " mène à une adresse IP brute " + shown + " plutôt qu'à un nom de domaine.");
        }
        continue;
      }
      if (u.userinfo() != null && !u.userinfo().isEmpty()) {
        f.add(ReasonCode.LINK_USERINFO, 30, where + " commence par " + Evidence.quote(u.userinfo()) + " suivi de @ : le navigateur ira en"
            + " réalité sur " + Evidence.quote(DomainNames.unicode(domain)) + ".");
      }
      if (domainsSeen.add(domain)) {
        sender.domain(domain, where + " pointe vers", false, f);
      }
      if (SHORTENERS.contains(DomainNames.registrable(domain)) || SHORTENERS.contains(domain)) {
        f.add(ReasonCode.LINK_SHORTENER, 15, where + " passe par le raccourcisseur d'adresses " + Evidence.quote(domain)
            + ", qui cache sa destination (" + shown + ").");
      }
      for (Url carried : u.carried()) {
        String cd = carried.domain();
        if (cd == null || DomainNames.sameOrganisation(cd, domain)) {
          continue;
        }
        if (s.fromDomain() != null && (sender.sameOrganisation(cd, s.fromDomain()) || sender.sameOrganisation(domain, s.fromDomain()))) {
          continue; // the sender's own tracking redirect, or a redirect to the sender's own site
        }
        f.add(ReasonCode.LINK_OPEN_REDIRECT, 25, where + " passe par " + Evidence.quote(DomainNames.unicode(domain))
            + " pour rediriger vers " + Evidence.quote(DomainNames.unicode(cd)) + " (redirection ouverte).");
        if (domainsSeen.add(cd)) {
          sender.domain(cd, where + " redirige vers", false, f);
        }
      }
      mismatch(link, u, domain, s, where, f);
    }
    for (LinkScanner.Form form : found.forms) {
      Url action = Url.parse(form.action());
      String target = action.domain() != null ? Evidence.quote(DomainNames.unicode(action.domain()))
          : form.action().isBlank() ? "la page elle-même" : Evidence.quote(action.shortForm());
      String where = form.source() == null ? "Un formulaire du message" : "Un formulaire de la pièce jointe " + Evidence.quote(form.source());
      if (form.password()) {
        f.add(ReasonCode.CREDENTIAL_FORM, 50, where + " demande un mot de passe ou un code secret et l'envoie à " + target + ".");
      } else {
        f.add(ReasonCode.CREDENTIAL_FORM, 30, where + " demande des informations (" + form.fields() + " champ" + (form.fields() > 1 ? "s" : "")
            + ") et les envoie à " + target + ".");
      }
    }
    if (found.images > 0 && webLinks <= 1 && (foldedText.contains("scann") || foldedText.contains("qr code")
        || foldedText.contains("code qr") || foldedText.contains("qrcode") || foldedText.contains("flashez"))) {
      f.add(ReasonCode.QR_CODE_LURE, 20, "Le message demande de scanner un QR code et ne contient presque aucun lien : la destination,"
          + " cachée dans l'image, échappe à la vérification.");
    }
    if (found.truncated) {
      f.add(ReasonCode.ANALYSIS_TRUNCATED, 0, "Le message contient trop de liens : seuls les premiers ont été vérifiés.");
    }
  }

  /** Generic top-level domains seen in links; two-letter ones are country codes. */
  private static final Set<String> TLDS = Set.of(
      "com", "net", "org", "info", "biz", "edu", "gov", "int", "io", "app", "dev", "xyz", "online", "site", "top", "club",
      "shop", "live", "link", "click", "help", "support", "email", "bank", "health", "care", "services", "page", "cloud",
      "store", "tech", "website", "space", "icu", "vip", "work", "life", "world", "today", "news", "pro", "mobi", "name",
      "paris", "bzh", "alsace", "corsica", "eus", "gouv");

  private static boolean plausibleTld(String domain) {
    int dot = domain.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String tld = domain.substring(dot + 1);
    return tld.length() == 2 && Character.isLetter(tld.charAt(0)) && Character.isLetter(tld.charAt(1))
        || TLDS.contains(tld) || tld.startsWith("xn--");
  }

  private void mismatch(LinkScanner.Link link, Url u, String domain, SenderChecks.Sender s, String where, Findings f) {
    String text = link.text() == null ? "" : link.text().strip();
    if (text.isEmpty() || text.length() > 200 || !VISIBLE_URL.matcher(text).matches()) {
      return;
    }
    Url visible = Url.parse(text.contains("://") ? text : "http://" + text);
    String vd = visible.domain();
    if (vd == null || !plausibleTld(vd) || DomainNames.sameOrganisation(vd, domain) || sender.sameOrganisation(vd, domain)) {
      return;
    }
    for (Url carried : u.carried()) {
      if (carried.domain() != null && DomainNames.sameOrganisation(carried.domain(), vd)) {
        return; // a tracking redirect to the very address shown
      }
    }
    if (s.authenticated() && s.fromDomain() != null && sender.sameOrganisation(vd, s.fromDomain())) {
      return; // an authenticated sender showing its own site through its mailing tracker
    }
    String owner = detector.owner(vd);
    f.add(ReasonCode.LINK_TEXT_MISMATCH, owner != null ? 50 : 35, where + " affiche " + Evidence.quote(text) + " mais mène à "
        + Evidence.quote(DomainNames.unicode(domain)) + (owner != null ? ", qui n'est pas un site de " + owner : "") + ".");
  }
}
