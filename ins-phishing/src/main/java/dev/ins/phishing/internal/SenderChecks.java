package dev.ins.phishing.internal;

import dev.ins.phishing.Institution;
import dev.ins.phishing.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the sender: the receiving server's Authentication-Results (SPF, DKIM, DMARC and alignment
 * with From), display-name impersonation of institutions, Reply-To and Return-Path on another
 * organisation, and look-alike sender domains.
 */
final class SenderChecks {

  /** Free mail providers: fine for a colleague, not for an institution. */
  static final Set<String> FREEMAIL = Set.of(
      "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "hotmail.fr", "hotmail.com", "outlook.fr", "outlook.com",
      "live.fr", "live.com", "msn.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net",
      "bbox.fr", "icloud.com", "me.com", "gmx.fr", "gmx.com", "aol.com", "protonmail.com", "proton.me", "yandex.com",
      "mail.com", "numericable.fr");

  /** How the sender's authentication came out. */
  enum Auth { PASS, FAIL, UNALIGNED, NONE }

  /**
   * What the other checks need to know of the sender.
   *
   * @param fromDomain the From domain, or null
   * @param auth the authentication outcome
   * @param owner who owns the From domain when it is trusted, or null
   */
  record Sender(String fromDomain, Auth auth, String owner) {
    boolean authenticated() {
      return auth == Auth.PASS;
    }
  }

  private final TriageConfig config;
  private final LookalikeDetector detector;
  /** A claim: the words (folded, in order) that name an institution. */
  private record Claim(Institution institution, String[] words) {}

  /** Word claims indexed by their first word, for the display name and the address. */
  private final java.util.Map<String, List<Claim>> claimsByFirstWord = new java.util.HashMap<>();
  /** Claims of at most four capitals, matched as whole tokens in capitals only. */
  private final java.util.Map<String, Institution> acronyms = new java.util.HashMap<>();
  /** Address claims (four letters or more, with spaced and joined forms) indexed by their first word. */
  private final java.util.Map<String, List<Claim>> addressClaimsByFirstWord = new java.util.HashMap<>();

  SenderChecks(TriageConfig config, LookalikeDetector detector) {
    this.config = config;
    this.detector = detector;
    for (Institution i : config.institutions()) {
      for (String c : i.claims()) {
        String spaced = spaced(TextFold.fold(c, 200));
        if (c.length() <= 4 && c.equals(c.toUpperCase(Locale.ROOT))) {
          acronyms.putIfAbsent(c, i);
        } else if (!spaced.isEmpty()) {
          index(claimsByFirstWord, i, spaced);
        }
        if (spaced.replace(" ", "").length() >= 4) {
          index(addressClaimsByFirstWord, i, spaced);
          if (spaced.indexOf(' ') > 0) {
            index(addressClaimsByFirstWord, i, spaced.replace(" ", ""));
          }
        }
      }
    }
  }

  private static void index(java.util.Map<String, List<Claim>> map, Institution i, String spaced) {
    String[] words = spaced.split(" ");
    map.computeIfAbsent(words[0], k -> new ArrayList<>(1)).add(new Claim(i, words));
  }

  /** The first claim found in a sequence of words, of an institution the sender's domain does not belong to. */
  private Claim find(java.util.Map<String, List<Claim>> map, String[] tokens, String fd) {
    for (int t = 0; t < tokens.length; t++) {
      List<Claim> candidates = map.get(tokens[t]);
      if (candidates == null) {
        continue;
      }
      next:
      for (Claim c : candidates) {
        if (t + c.words().length > tokens.length) {
          continue;
        }
        for (int k = 1; k < c.words().length; k++) {
          if (!tokens[t + k].equals(c.words()[k])) {
            continue next;
          }
        }
        if (fd == null || !within(fd, c.institution())) {
          return c;
        }
      }
    }
    return null;
  }

  Sender check(MailContent c, Findings f) {
    String fd = c.fromDomain;
    String owner = fd == null ? null : detector.owner(fd);
    Auth auth = authentication(c, fd, owner, f);
    impersonation(c, fd, f);
    if (fd != null) {
      domain(fd, "L'expéditeur écrit depuis", true, f);
      for (String rt : c.replyToDomains) {
        if (!sameOrganisation(rt, fd)) {
          boolean free = FREEMAIL.contains(DomainNames.registrable(rt));
          f.add(ReasonCode.REPLY_TO_OTHER_DOMAIN, owner != null || free && !FREEMAIL.contains(DomainNames.registrable(fd)) ? 25 : 15,
              "Les réponses partiraient vers " + Evidence.quote(DomainNames.unicode(rt)) + (free ? ", une messagerie gratuite," : "")
                  + " et non vers le domaine de l'expéditeur " + Evidence.quote(DomainNames.unicode(fd)) + " (en-tête Reply-To).");
          domain(rt, "L'adresse de réponse (Reply-To) est sur", true, f);
        }
      }
      String rp = c.returnPathDomain;
      if (rp != null && auth != Auth.PASS && !sameOrganisation(rp, fd)) {
        f.add(ReasonCode.RETURN_PATH_OTHER_DOMAIN, 10, "L'adresse de retour (Return-Path) " + Evidence.quote(DomainNames.unicode(rp))
            + " n'appartient pas à l'organisation de l'expéditeur " + Evidence.quote(DomainNames.unicode(fd))
            + ", et aucun résultat d'authentification ne confirme ce dernier.");
      }
    }
    return new Sender(fd, auth, owner);
  }

  /** Two domains of one organisation, or of one institution. */
  boolean sameOrganisation(String a, String b) {
    if (DomainNames.sameOrganisation(a, b)) {
      return true;
    }
    for (Institution i : config.institutions()) {
      if (within(a, i) && within(b, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(String domain, Institution i) {
    for (String d : i.domains()) {
      if (DomainNames.within(domain, d)) {
        return true;
      }
    }
    return false;
  }

  /** Reports a look-alike or internationalised domain; returns true when one was reported. */
  boolean domain(String domain, String where, boolean decisive, Findings f) {
    LookalikeDetector.Match m = detector.check(domain);
    String shown = Evidence.quote(DomainNames.unicode(domain)) + (domain.contains("xn--") ? " (écrit " + domain + ")" : "");
    if (m != null) {
      int points = decisive || m.code() == ReasonCode.CONFUSABLE_DOMAIN ? ReasonCode.DECISIVE : 40;
      f.add(m.code(), points, where + " " + shown + ", qui " + m.how() + " (" + m.owner() + ").");
      return true;
    }
    if (domain.contains("xn--")) {
      boolean mixed = detector.mixesScripts(domain);
      f.add(ReasonCode.PUNYCODE_DOMAIN, mixed ? 25 : 10, where + " " + shown + ", un nom de domaine internationalisé"
          + (mixed ? ", qui mélange plusieurs alphabets dans un même nom." : "."));
    }
    return false;
  }

  private Auth authentication(MailContent c, String fd, String owner, Findings f) {
    AuthResults chosen = null;
    for (String v : c.authenticationResults) {
      AuthResults ar = AuthResults.parse(v);
      if (ar != null && (config.authservIds().isEmpty() || config.authservIds().contains(ar.authservId()))) {
        chosen = ar;
        break;
      }
    }
    if (fd == null) {
      return Auth.NONE;
    }
    if (chosen == null) {
      if (owner != null) {
        f.add(ReasonCode.AUTH_UNVERIFIED, 15, "Le message se dit envoyé par " + Evidence.quote(DomainNames.unicode(fd)) + " (" + owner
            + "), mais aucun résultat d'authentification (Authentication-Results) de votre serveur de réception ne le confirme.");
      }
      return Auth.NONE;
    }
    String dmarc = null;
    for (AuthResults.Result r : chosen.of("dmarc")) {
      String hf = r.property("header.from");
      if (hf == null || fd.equals(DomainNames.normalize(hf))) {
        dmarc = r.result();
        break;
      }
    }
    boolean dkimAligned = false;
    boolean dkimOther = false;
    boolean dkimFail = false;
    String dkimDomain = null;
    for (AuthResults.Result r : chosen.of("dkim")) {
      String d = r.property("header.d");
      if (d == null) {
        d = addressDomain(r.property("header.i"));
      }
      d = DomainNames.normalize(d);
      if (r.result().equals("pass")) {
        if (d != null && DomainNames.sameOrganisation(d, fd)) {
          dkimAligned = true;
        } else {
          dkimOther = true;
          dkimDomain = d;
        }
      } else if (r.result().equals("fail") || r.result().equals("permerror")) {
        dkimFail = true;
      }
    }
    String spf = null;
    String spfDomain = null;
    for (AuthResults.Result r : chosen.of("spf")) {
      spf = r.result();
      String mf = r.property("smtp.mailfrom");
      spfDomain = DomainNames.normalize(mf == null ? r.property("smtp.helo") : addressDomain(mf));
      break;
    }
    boolean spfAligned = "pass".equals(spf) && spfDomain != null && DomainNames.sameOrganisation(spfDomain, fd);
    // Only dmarc=pass and dmarc=fail are the receiver's verdict; otherwise (none, neutral, temperror,
    // no DMARC record) alignment is computed here from the SPF and DKIM results.
    boolean verdict = "pass".equals(dmarc) || "fail".equals(dmarc);
    Auth auth;
    if ("pass".equals(dmarc) || !verdict && (dkimAligned || spfAligned)) {
      return Auth.PASS;
    } else if ("fail".equals(dmarc) || !verdict && ("fail".equals(spf) || dkimFail && !dkimOther)) {
      auth = Auth.FAIL;
    } else if ("pass".equals(spf) || dkimOther || "softfail".equals(spf)) {
      auth = Auth.UNALIGNED;
    } else {
      auth = Auth.NONE;
    }
    if (auth == Auth.NONE && owner == null) {
      return auth;
    }
    String shownFrom = Evidence.quote(DomainNames.unicode(fd));
    String ownerText = owner == null ? "" : " (" + owner + ")";
    StringBuilder results = new StringBuilder();
    if (dmarc != null) {
      results.append("dmarc=").append(dmarc);
    }
    if (spf != null) {
      results.append(results.length() > 0 ? ", " : "").append("spf=").append(spf);
    }
    if (dkimAligned || dkimOther || dkimFail) {
      results.append(results.length() > 0 ? ", " : "").append("dkim=").append(dkimAligned || dkimOther ? "pass" : "fail");
    }
    String server = Evidence.quote(chosen.authservId());
    switch (auth) {
      case FAIL -> {
        if (owner != null) {
          f.add(ReasonCode.AUTH_SPOOFED_DOMAIN, ReasonCode.DECISIVE, "Le message se dit envoyé par " + shownFrom + ownerText
              + ", mais votre serveur de réception " + server + " indique que ce domaine ne l'a pas autorisé (" + Evidence.clean(results.toString(), 60) + ") : usurpation.");
        } else {
          f.add(ReasonCode.AUTH_FAIL, 35, "Votre serveur de réception " + server + " signale un échec d'authentification de l'expéditeur "
              + shownFrom + " (" + Evidence.clean(results.toString(), 60) + ").");
        }
      }
      case UNALIGNED -> {
        String other = dkimDomain != null ? dkimDomain : spfDomain;
        f.add(ReasonCode.AUTH_NOT_ALIGNED, owner != null ? 35 : 10, "Le message est authentifié (" + Evidence.clean(results.toString(), 60)
            + ")" + (other != null ? " pour " + Evidence.quote(DomainNames.unicode(other)) : "") + " mais pas pour le domaine affiché "
            + shownFrom + ownerText + " : pas d'alignement DMARC.");
      }
      case NONE -> {
        if (owner != null) {
          f.add(ReasonCode.AUTH_UNVERIFIED, 15, "Le message se dit envoyé par " + shownFrom + ownerText + ", mais votre serveur de réception "
              + server + " ne l'a pas authentifié" + (results.length() > 0 ? " (" + Evidence.clean(results.toString(), 60) + ")" : "") + ".");
        }
      }
      default -> {
        // Authenticated and aligned.
      }
    }
    return auth;
  }

  private static String addressDomain(String s) {
    if (s == null) {
      return null;
    }
    int at = s.lastIndexOf('@');
    return at >= 0 ? s.substring(at + 1) : s;
  }

  private void impersonation(MailContent c, String fd, Findings f) {
    String name = c.displayName;
    Institution claimed = null;
    String claim = null;
    if (name != null && !name.isBlank()) {
      Claim w = find(claimsByFirstWord, spaced(TextFold.fold(name, 300)).split(" "), fd);
      if (w != null) {
        claimed = w.institution();
      } else {
        for (String token : ACRONYM_SEPARATORS.split(name)) {
          Institution i = acronyms.get(token);
          if (i != null && (fd == null || !within(fd, i))) {
            claimed = i;
            break;
          }
        }
      }
      claim = name;
    }
    if (claimed != null) {
      f.add(ReasonCode.DISPLAY_NAME_IMPERSONATION, 45, "Le nom affiché " + Evidence.quote(claim) + " se présente comme "
          + Evidence.quote(claimed.name()) + ", mais l'adresse vient de " + shownDomain(fd) + free(fd)
          + " qui n'est pas un domaine de cet organisme (" + String.join(", ", claimed.domains()) + ").");
      return;
    }
    if (c.fromLocalPart != null) {
      Claim a = find(addressClaimsByFirstWord, spaced(TextFold.fold(c.fromLocalPart, 100)).split(" "), fd);
      if (a != null) {
        f.add(ReasonCode.DISPLAY_NAME_IMPERSONATION, 30, "L'adresse de l'expéditeur reprend le nom " + Evidence.quote(String.join(" ", a.words()))
            + " (" + a.institution().name() + "), mais elle vient de " + shownDomain(fd) + free(fd)
            + " qui n'est pas un domaine de cet organisme (" + String.join(", ", a.institution().domains()) + ").");
      }
    }
  }

  private static final java.util.regex.Pattern ACRONYM_SEPARATORS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  private static String shownDomain(String fd) {
    return fd == null ? "un domaine inconnu" : Evidence.quote(DomainNames.unicode(fd));
  }

  private static String free(String fd) {
    return fd != null && FREEMAIL.contains(DomainNames.registrable(fd)) ? ", une messagerie gratuite," : "";
  }

  /** Replaces each run of characters other than a-z and 0-9 by one space. */
  private static String spaced(String folded) {
    StringBuilder b = new StringBuilder(folded.length());
    boolean gap = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.append(c);
      } else {
        gap = true;
      }
    }
    return b.toString();
  }


}
