package dev.ins.phishing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organisation a practice hears from and that phishing imitates: its name, the words that claim
 * it in a sender's display name, and the domains it really sends from.
 *
 * <p>A sender whose display name or address claims the institution but whose address is not on one
 * of its domains (or a sub-domain) is an impersonation; a domain that imitates one of its domains is
 * a look-alike. Domains are lower-case ASCII (punycode for internationalised names), without a
 * trailing dot. Claims are matched on whole words, ignoring case and accents; a claim written in
 * capitals of at most four letters (e.g. {@code "ARS"}, {@code "CIC"}) is matched only in capitals,
 * so that ordinary words do not trigger it.
 *
 * <pre>{@code
 * Institution lab = Institution.of("Laboratoire Biomed", List.of("biomed"), List.of("biomed-labo.fr"));
 * MailTriage triage = MailTriage.builder().institution(lab).build();
 * }</pre>
 *
 * @param name the name shown in reasons, e.g. {@code "Assurance Maladie"}
 * @param claims the words that claim the institution in a display name, at least one
 * @param domains the domains it sends from, at least one
 */
public record Institution(String name, List<String> claims, List<String> domains) {

  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");

  /**
   * Validates the institution.
   *
   * @param name see the record component
   * @param claims see the record component
   * @param domains see the record component
   * @throws NullPointerException when a field or an element is null
   * @throws IllegalArgumentException when the name or a claim is blank, a list is empty, or a domain
   *     is not a lower-case ASCII domain name
   */
  public Institution {
    Objects.requireNonNull(name, "name == null");
    claims = List.copyOf(Objects.requireNonNull(claims, "claims == null"));
    domains = List.copyOf(Objects.requireNonNull(domains, "domains == null"));
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be blank");
    }
    if (claims.isEmpty() || domains.isEmpty()) {
      throw new IllegalArgumentException("institution " + name + ": needs at least one claim and one domain");
    }
    for (String c : claims) {
      if (c.isBlank()) {
        throw new IllegalArgumentException("institution " + name + ": blank claim");
      }
    }
    for (String d : domains) {
      if (!DOMAIN.matcher(d).matches() || !d.equals(d.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("institution " + name + ": domain '" + d
            + "' is not a lower-case ASCII domain name (use punycode for internationalised names)");
      }
    }
  }

  /**
   * Creates an institution.
   *
   * @param name the name shown in reasons
   * @param claims the words that claim it in a display name
   * @param domains the domains it sends from
   * @return the institution
   */
  public static Institution of(String name, List<String> claims, List<String> domains) {
    return new Institution(name, claims, domains);
  }

  /**
   * Returns the institutions a French dental or medical practice hears from, with the sender
   * domains they publish: health insurance, Urssaf, tax office, CNIL, ARS, ANS and e-CPS, MSSanté,
   * the Ordres, appointment services and the main banks.
   *
   * <p>The table is a starting point from public sources (see {@code docs/ins-phishing.md}); add the
   * practice's own suppliers and software vendor with {@link MailTriage.Builder#institution}.
   *
   * @return the default institutions, in a fixed order
   */
  public static List<Institution> defaults() {
    return List.of(
        of("Assurance Maladie", List.of("Assurance Maladie", "ameli", "amelipro", "CPAM", "caisse primaire",
            "carte Vitale", "Mon espace santé"), List.of("ameli.fr", "monespacesante.fr")),
        of("MSA", List.of("MSA", "mutualité sociale agricole"), List.of("msa.fr")),
        of("Urssaf", List.of("Urssaf", "Acoss"), List.of("urssaf.fr", "urssaf.org", "acoss.fr", "votre-urssaf.fr")),
        of("Finances publiques", List.of("impots", "impôts", "DGFiP", "finances publiques", "trésor public"),
            List.of("impots.gouv.fr", "dgfip.finances.gouv.fr")),
        of("CNIL", List.of("CNIL"), List.of("cnil.fr")),
        of("ARS", List.of("ARS", "agence régionale de santé"), List.of("ars.sante.fr")),
        of("Agence du numérique en santé", List.of("ANS", "agence du numérique en santé", "e-CPS", "eCPS", "carte CPS",
            "esante"), List.of("esante.gouv.fr")),
        of("MSSanté", List.of("MSSanté", "MSSante", "Mailiz"), List.of("mssante.fr")),
        of("Ordre des chirurgiens-dentistes", List.of("ordre des chirurgiens-dentistes", "ordre national des chirurgiens-dentistes",
            "ONCD"), List.of("ordre-chirurgiens-dentistes.fr")),
        of("Ordre des médecins", List.of("ordre des médecins", "conseil national de l'ordre", "CNOM"), List.of("medecin.fr")),
        of("Ordre des pharmaciens", List.of("ordre des pharmaciens"), List.of("ordre.pharmacien.fr")),
        of("Doctolib", List.of("Doctolib"), List.of("doctolib.fr", "doctolib.com")),
        of("Maiia", List.of("Maiia"), List.of("maiia.com")),
        of("PayPal", List.of("PayPal"), List.of("paypal.com", "paypal.fr", "paypal.me")),
        of("Crédit Agricole", List.of("Crédit Agricole"), List.of("credit-agricole.fr", "credit-agricole.com")),
        of("BNP Paribas", List.of("BNP Paribas", "BNP"), List.of("bnpparibas.com", "bnpparibas.fr", "mabanque.bnpparibas")),
        of("Société Générale", List.of("Société Générale"), List.of("societegenerale.fr", "societegenerale.com")),
        of("LCL", List.of("LCL"), List.of("lcl.fr")),
        of("La Banque Postale", List.of("Banque Postale"), List.of("labanquepostale.fr")),
        of("Caisse d'Epargne", List.of("Caisse d'Epargne", "Caisse d’Epargne"), List.of("caisse-epargne.fr")),
        of("Banque Populaire", List.of("Banque Populaire"), List.of("banquepopulaire.fr")),
        of("Crédit Mutuel", List.of("Crédit Mutuel"), List.of("creditmutuel.fr")),
        of("CIC", List.of("CIC"), List.of("cic.fr")));
  }
}
