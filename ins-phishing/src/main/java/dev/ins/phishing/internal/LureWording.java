package dev.ins.phishing.internal;

import dev.ins.phishing.ReasonCode;
import java.util.List;

/**
 * French lure wording, as weak signals only: urgency, suspension, refund, credentials, card renewal
 * and bank-detail changes. Each category found adds its points once; all together they add at most
 * {@link ReasonCode#LURE_CAP}, so wording alone never makes a message suspicious.
 */
final class LureWording {

  private record Category(ReasonCode code, int points, String what, List<String> phrases) {}

  private static final List<Category> CATEGORIES = List.of(
      new Category(ReasonCode.LURE_URGENCY, 8, "une urgence", List.of(
          "urgent", "immediatement", "sans delai", "dans les 24 heures", "sous 24 heures", "sous 24h", "sous 48h",
          "dans les 48 heures", "sous 48 heures", "dernier rappel", "derniere relance", "dernier avertissement", "action requise",
          "au plus vite", "des aujourd'hui", "avant minuit", "delai de 24", "delai de 48", "faute de quoi")),
      new Category(ReasonCode.LURE_SUSPENSION, 10, "une menace de suspension", List.of(
          "suspendu", "suspension", "sera bloque", "sera bloquee", "a ete bloque", "a ete bloquee", "sera desactive",
          "sera desactivee", "desactivation", "sera ferme", "cloture de votre", "restreint", "verrouille", "resilie",
          "perdrez", "perte de vos droits", "radiation", "mise en demeure", "poursuites", "expire aujourd'hui",
          "expirera aujourd'hui", "seront rejetes", "sera supprime", "sera supprimee", "amende")),
      new Category(ReasonCode.LURE_REFUND, 10, "un remboursement", List.of(
          "remboursement", "rembourse", "trop-percu", "trop percu", "montant de", "en votre faveur", "vous etes eligible",
          "versement en attente", "credit d'impot", "indemnisation")),
      new Category(ReasonCode.LURE_CREDENTIALS, 12, "une demande d'identifiants", List.of(
          "mot de passe", "identifiant", "code d'activation", "code de verification", "code confidentiel", "code secret",
          "confirmer vos informations", "confirmez vos informations", "verifier votre compte", "verifiez votre compte",
          "mettre a jour vos informations", "mettez a jour vos informations", "numero de securite sociale",
          "connectez-vous", "reconnectez-vous", "valider votre identite", "validez votre identite", "piece d'identite",
          "selfie", "cryptogramme", "numero de carte", "authentification forte", "double authentification",
          "re-authentifier", "reauthentifier", "session a expire", "boite aux lettres est pleine", "quota de messagerie",
          "multifacteur", "multi-facteur", "authentification a deux facteurs", "a atteint son quota", "valider votre compte",
          "validez votre compte", "verifier votre identite", "verifiez votre identite")),
      new Category(ReasonCode.LURE_CARD_RENEWAL, 10, "le renouvellement d'une carte", List.of(
          "carte vitale", "vitale 3", "nouvelle carte", "renouvellement de votre carte", "renouveler votre carte",
          "e-cps", "carte cps", "carte de professionnel de sante", "mise a jour de votre carte", "carte expire",
          "carte arrive a expiration")),
      new Category(ReasonCode.LURE_BANK_DETAILS, 12, "un changement de coordonnées bancaires", List.of(
          "iban", "nouveau rib", "notre rib", "nouvelles coordonnees bancaires", "changement de coordonnees bancaires",
          "changement de banque", "coordonnees bancaires", "nouveau compte bancaire", "releve d'identite bancaire")));

  private LureWording() {}

  /**
   * Reports the lure categories found in a folded text.
   *
   * @param folded the subject and body, folded by {@link TextFold}
   * @param findings where the reasons go
   */
  static void check(String folded, Findings findings) {
    for (Category c : CATEGORIES) {
      for (String phrase : c.phrases()) {
        if (containsWord(folded, phrase)) {
          findings.add(c.code(), c.points(), "Le texte évoque " + c.what() + " (« " + phrase + " ») : formulation fréquente"
              + " des hameçonnages, indice faible à lui seul.");
          break;
        }
      }
    }
  }

  /** Finds a phrase starting at a word boundary. */
  static boolean containsWord(String text, String phrase) {
    return containsWord(text, phrase, false);
  }

  /**
   * Finds a phrase starting at a word boundary, and when {@code wholeWord} also ending at one
   * ("rib" is not found in "ribambelle").
   */
  static boolean containsWord(String text, String phrase, boolean wholeWord) {
    int from = 0;
    while (true) {
      int i = text.indexOf(phrase, from);
      if (i < 0) {
        return false;
      }
      int end = i + phrase.length();
      if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (!wholeWord || end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
      from = i + 1;
    }
  }
}
