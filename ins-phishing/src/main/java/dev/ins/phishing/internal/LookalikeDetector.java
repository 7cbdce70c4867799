package dev.ins.phishing.internal;

import com.ibm.icu.text.SpoofChecker;
import dev.ins.phishing.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds domains that imitate a trusted one (an institution's, the practice's, or one the vendor
 * declared): visually confusable through Unicode UTS #39 skeletons (ICU4J {@link SpoofChecker}),
 * at one or two edits, with inserted words ({@code ameli-remboursement.fr}), with another top-level
 * domain ({@code urssaf.com}), or with the brand as a sub-domain of a foreign domain
 * ({@code ameli.fr.secure-login.example}).
 *
 * <p>Thread-safe: ICU's spoof checker is safe for concurrent checks once built.
 */
public final class LookalikeDetector {

  /** Labels too generic to be a brand (they only take part in the skeleton comparison). */
  private static final Set<String> GENERIC = Set.of(
      "sante", "medecin", "pharmacien", "info", "mail", "gouv", "service", "services", "france", "banque");

  /** Words that phishing domains add around a brand. */
  private static final Set<String> LURE_WORDS = Set.of(
      "mon", "ma", "mes", "votre", "vos", "espace", "compte", "comptes", "service", "services", "client", "clients",
      "secure", "securite", "secu", "verif", "verification", "verifier", "connexion", "connect", "login", "portail",
      "info", "infos", "gouv", "gov", "fr", "france", "online", "en", "ligne", "enligne", "remboursement",
      "remboursements", "rembourse", "aide", "support", "assistance", "web", "mail", "notification", "notif",
      "update", "maj", "acces", "sante", "assure", "assures", "pro", "carte", "vitale", "renouvellement",
      "dossier", "paiement", "pay", "app", "id", "auth", "portal", "account", "my", "the", "officiel", "officielle",
      "direct", "particulier", "particuliers", "pros", "net", "team", "securise", "alerte", "contact", "cps", "ecps");

  /**
   * A trusted domain and what is known of it.
   *
   * @param domain the lower-case ASCII domain
   * @param owner who owns it, for messages (an institution, "votre cabinet")
   * @param registrable its organisational domain
   * @param label the label before the public suffix
   * @param suffix the public suffix
   * @param skeleton the UTS #39 skeleton of the Unicode form
   * @param registrableSkeleton the skeleton of the organisational domain
   * @param brand whether the label is distinctive enough for edit-distance and word checks
   */
  record Target(String domain, String owner, String registrable, String label, String suffix, String skeleton,
      String registrableSkeleton, boolean brand) {}

  /**
   * A look-alike found.
   *
   * @param code {@link ReasonCode#CONFUSABLE_DOMAIN} or {@link ReasonCode#LOOKALIKE_DOMAIN}
   * @param target the imitated domain
   * @param how how it imitates, in French
   */
  public record Match(ReasonCode code, Target target, String how) {
    /**
     * Returns the imitated domain.
     *
     * @return the trusted domain
     */
    public String imitated() {
      return target.domain();
    }

    /**
     * Returns the owner of the imitated domain.
     *
     * @return e.g. {@code "Assurance Maladie"}
     */
    public String owner() {
      return target.owner();
    }
  }

  private final SpoofChecker spoof;
  private final SpoofChecker mixedScript;
  private final List<Target> targets;
  private final java.util.Map<String, String> owners;

  /**
   * Builds the detector over trusted domains.
   *
   * @param trusted pairs of (domain, owner) as {@code String[2]}
   */
  public LookalikeDetector(List<String[]> trusted) {
    this.spoof = new SpoofChecker.Builder().build();
    this.mixedScript = new SpoofChecker.Builder()
        .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE)
        .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
        .build();
    List<Target> t = new ArrayList<>();
    for (String[] d : trusted) {
      String reg = DomainNames.registrable(d[0]);
      String label = TextFold.fold(DomainNames.label(DomainNames.unicode(reg)), 253);
      boolean brand = label.length() >= 4 && !GENERIC.contains(label);
      t.add(new Target(d[0], d[1], reg, label, DomainNames.suffix(reg), skeleton(DomainNames.unicode(d[0])),
          skeleton(DomainNames.unicode(reg)), brand));
    }
    this.targets = List.copyOf(t);
    java.util.Map<String, String> o = new java.util.HashMap<>();
    o.put("gouv.fr", "l'administration");
    for (int i = trusted.size() - 1; i >= 0; i--) {
      o.put(trusted.get(i)[0], trusted.get(i)[1]); // the first declaration of a domain wins
    }
    this.owners = java.util.Map.copyOf(o);
  }

  /**
   * Returns the owner of a trusted domain (or of its parent), or null.
   *
   * @param domain a normalised domain
   * @return the owner, or null when the domain is not trusted
   */
  public String owner(String domain) {
    // The domain, then each parent: as many look-ups as labels.
    for (String d = domain; d != null; ) {
      String o = owners.get(d);
      if (o != null) {
        return o;
      }
      int dot = d.indexOf('.');
      d = dot < 0 ? null : d.substring(dot + 1);
    }
    return null;
  }

  /**
   * Tells whether an internationalised domain mixes scripts in a way no legitimate name does
   * (e.g. Latin with Cyrillic in one label).
   *
   * @param domain a normalised domain
   * @return true when a label fails the highly restrictive UTS #39 level
   */
  public boolean mixesScripts(String domain) {
    String uni = DomainNames.unicode(domain);
    for (String label : uni.split("\\.")) {
      if (!label.isEmpty() && mixedScript.failsChecks(label)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a domain against the trusted ones.
   *
   * @param domain a normalised domain
   * @return the imitation found, or null when it is trusted or imitates nothing known
   */
  public Match check(String domain) {
    if (owner(domain) != null) {
      return null;
    }
    String reg = DomainNames.registrable(domain);
    String uni = DomainNames.unicode(domain);
    String sk = skeleton(uni);
    String regSk = skeleton(DomainNames.unicode(reg));
    for (Target t : targets) {
      if (sk.equals(t.skeleton()) || regSk.equals(t.registrableSkeleton())) {
        return new Match(ReasonCode.CONFUSABLE_DOMAIN, t, "se lit comme " + t.domain() + " (caractères trompeurs)");
      }
    }
    // Labels are compared in their Unicode form without accents: "améli" is "ameli" written otherwise.
    String label = TextFold.fold(DomainNames.label(DomainNames.unicode(reg)), 253);
    String suffix = DomainNames.suffix(reg);
    String flat = label.replace("-", "");
    String[] tokens = TOKEN_SEPARATORS.split(label);
    String sub = domain.length() > reg.length() ? domain.substring(0, domain.length() - reg.length() - 1) : "";
    String[] subLabels = sub.isEmpty() ? new String[0] : LABEL_SEPARATORS.split(TextFold.fold(DomainNames.unicode(sub), 253));
    for (Target t : targets) {
      if (!t.brand()) {
        continue;
      }
      String brand = t.label();
      if (label.equals(brand)) {
        return new Match(ReasonCode.LOOKALIKE_DOMAIN, t, suffix.equals(t.suffix())
            ? "s'écrit comme " + t.registrable() + " avec des caractères accentués ou spéciaux"
            : "reprend le nom de " + t.registrable() + " avec une autre extension (." + suffix + ")");
      }
      String brandFlat = brand.replace("-", "");
      if (brandFlat.length() >= 5 && !label.equals(brand)) {
        int d = Edits.distance(flat, brandFlat, 2);
        if (d <= maxEdits(brandFlat)) {
          return new Match(ReasonCode.LOOKALIKE_DOMAIN, t, d == 0
              ? "reprend le nom de " + t.registrable() + " autrement écrit"
              : "diffère de " + t.registrable() + " par " + (d == 1 ? "une lettre" : "deux lettres"));
        }
      }
      if (embeds(label, tokens, brand)) {
        return new Match(ReasonCode.LOOKALIKE_DOMAIN, t, "ajoute des mots au nom de " + t.registrable());
      }
      for (String s : subLabels) {
        if (s.equals(brand) || s.equals(brandFlat)) {
          return new Match(ReasonCode.LOOKALIKE_DOMAIN, t, "place le nom de " + t.registrable() + " devant un autre domaine (" + reg + ")");
        }
      }
    }
    return null;
  }

  private static int maxEdits(String brand) {
    return brand.length() >= 9 ? 2 : 1;
  }

  private static final java.util.regex.Pattern LABEL_SEPARATORS = java.util.regex.Pattern.compile("[.-]");
  private static final java.util.regex.Pattern TOKEN_SEPARATORS = java.util.regex.Pattern.compile("[-0-9]+");

  /** Tells whether a label (not the brand itself) is the brand plus other words, at word boundaries. */
  static boolean embeds(String label, String[] tokens, String brand) {
    if (brand.indexOf('-') >= 0) {
      return ("-" + label + "-").contains("-" + brand + "-");
    }
    for (String token : tokens) {
      if (token.equals(brand) && !token.equals(label)) {
        return true;
      }
      if (token.length() > brand.length()) {
        if (token.startsWith(brand) && lureWords(token.substring(brand.length()))) {
          return true;
        }
        if (token.endsWith(brand) && lureWords(token.substring(0, token.length() - brand.length()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tells whether a string is a concatenation of lure words (at most four). */
  static boolean lureWords(String s) {
    return segment(s, 0, 0);
  }

  private static boolean segment(String s, int from, int words) {
    if (from == s.length()) {
      return words > 0;
    }
    if (words == 4) {
      return false;
    }
    for (int end = s.length(); end > from; end--) {
      if (LURE_WORDS.contains(s.substring(from, end)) && segment(s, end, words + 1)) {
        return true;
      }
    }
    return false;
  }

  private String skeleton(String s) {
    return spoof.getSkeleton(s);
  }
}
