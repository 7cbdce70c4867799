package dev.ins.practice.internal;

import dev.ins.practice.PracticeConfig;
import dev.ins.practice.incident.IncidentStatus;
import dev.ins.practice.incident.IncidentStep;
import dev.ins.security.breach.CnilNotificationDraft;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The French texts of incident mode: what to do, the messages and the pre-filled declarations. */
public final class IncidentTexts {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm (XXX)", Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

  private IncidentTexts() {}

  private static String when(Instant t) {
    return WHEN.format(t);
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "(à compléter)" : s;
  }

  /**
   * The cut step's instructions.
   *
   * @param id the incident
   * @param at when the switch was engaged
   * @return the text
   */
  public static String cut(String id, Instant at) {
    return "INCIDENT " + id + " — ÉTAPE 1 : COUPER\n\n"
        + "Le logiciel a coupé ses connexions sortantes le " + when(at) + " : téléservice INSi et copies de sauvegarde\n"
        + "vers l'extérieur sont refusés jusqu'à la clôture de l'incident.\n\n"
        + "À FAIRE MAINTENANT (le logiciel ne peut pas le faire pour vous) :\n"
        + "  1. Débranchez le câble réseau de chaque poste touché et coupez le Wi-Fi (et le partage de connexion du téléphone).\n"
        + "  2. N'éteignez pas les postes : mettez-les en veille prolongée (hibernation) si le support le demande.\n"
        + "  3. Ne branchez AUCUN disque ou clé de sauvegarde sur un poste touché.\n"
        + "  4. Ne payez pas de rançon. Ne supprimez rien, ne réinstallez rien avant la plainte.\n"
        + "  5. Photographiez l'écran (message de rançon, alertes) et notez l'heure de chaque constat.\n";
  }

  /**
   * The message for the IT support.
   *
   * @param p the practice
   * @param s the incident
   * @return the text
   */
  public static String alert(PracticeConfig.Practice p, IncidentStatus s) {
    StringBuilder b = new StringBuilder();
    b.append("Objet : URGENT — incident de sécurité au ").append(p.name()).append(" (").append(s.incidentId()).append(")\n\n")
        .append("Bonjour,\n\n")
        .append("Nous subissons un incident de sécurité informatique et avons besoin de votre intervention.\n\n")
        .append("Cabinet : ").append(p.name()).append(p.city().isBlank() ? "" : ", " + p.city()).append('\n')
        .append("Découvert le : ").append(when(s.discoveredAt())).append('\n')
        .append("Mode incident déclenché le : ").append(when(s.startedAt())).append('\n')
        .append("Constats :\n");
    for (String sym : s.symptoms()) {
      b.append("  - ").append(sym).append('\n');
    }
    b.append("\nDéjà fait :\n")
        .append("  - connexions sortantes du logiciel coupées (INSi, sauvegardes externes) ;\n")
        .append("  - consigne donnée de débrancher le réseau et le Wi-Fi, sans éteindre les postes ;\n")
        .append("  - rien n'a été supprimé ni réinstallé.\n\n")
        .append("Merci de nous rappeler au plus vite. Notre contact habituel chez vous : ").append(orUnknown(p.itSupport())).append(".\n\n")
        .append("Si vous ne pouvez pas intervenir : cybermalveillance.gouv.fr oriente vers des prestataires de proximité ;\n")
        .append("CERT Santé (ANS) : 09 72 43 91 25.\n");
    return b.toString();
  }

  /**
   * The content of the ARS / signalement portal declaration.
   *
   * @param p the practice
   * @param s the incident
   * @param now when it was prepared
   * @return the text
   */
  public static String ars(PracticeConfig.Practice p, IncidentStatus s, Instant now) {
    StringBuilder b = new StringBuilder();
    b.append("DÉCLARATION D'INCIDENT DE SÉCURITÉ DES SYSTÈMES D'INFORMATION (préparée le ").append(when(now)).append(")\n\n")
        .append("Où : portail de signalement https://signalement.social-sante.gouv.fr — « Vous êtes un professionnel de santé »,\n")
        .append("     puis « Cybersécurité / Incident de sécurité des systèmes d'information ». La déclaration est transmise\n")
        .append("     à l'ARS et au CERT Santé. Si le portail est indisponible, transmettez ce contenu à votre ARS par tout moyen.\n")
        .append("Quand : sans délai.\n\n")
        .append("Structure : ").append(p.name()).append(p.city().isBlank() ? "" : " (" + p.city() + ")").append('\n')
        .append("Déclarant : (à compléter : nom, qualité, téléphone)\n")
        .append("Date et heure de détection : ").append(when(s.discoveredAt())).append('\n')
        .append("Description : ").append(String.join(" ; ", s.symptoms())).append('\n')
        .append("Acte malveillant suspecté : oui (à confirmer par le support)\n")
        .append("Périmètre : (à compléter : postes, serveur, logiciel métier, messagerie touchés)\n")
        .append("Impacts sur la prise en charge des patients : (à compléter : rendez-vous, accès aux dossiers)\n")
        .append("Données de santé concernées : possible (confidentialité, intégrité ou disponibilité) — à évaluer\n")
        .append("Mesures prises : connexions sortantes coupées le ").append(when(s.startedAt()))
        .append(", réseau débranché, preuves préservées, support informatique alerté.\n")
        .append("Appui demandé : (à compléter)\n");
    return b.toString();
  }

  /**
   * The CNIL notification draft, in French, from the breach register and the audit log.
   *
   * @param p the practice
   * @param s the incident
   * @param d the draft
   * @return the text
   */
  public static String cnil(PracticeConfig.Practice p, IncidentStatus s, CnilNotificationDraft d) {
    StringBuilder b = new StringBuilder();
    b.append("NOTIFICATION DE VIOLATION DE DONNÉES À LA CNIL (projet)\n\n")
        .append("Où : téléservice de notification des violations sur cnil.fr. Quand : dans les 72 heures après la découverte,\n")
        .append("même incomplète (un complément peut suivre). Au-delà, expliquez le retard.\n\n")
        .append("Échéance : ").append(when(d.breach().deadline())).append(" — ");
    long h = s.cnilTimeLeft().toHours();
    b.append(h >= 0 ? h + " h restantes" : "DÉPASSÉE de " + (-h) + " h : joindre les raisons du retard").append("\n\n")
        .append("Responsable du traitement : ").append(p.name()).append('\n')
        .append("Contact (DPO ou référent) : ").append(orUnknown(d.contact())).append('\n')
        .append("Référence interne : ").append(d.breach().id()).append('\n')
        .append("Prise de connaissance : ").append(when(d.breach().awareAt())).append('\n')
        .append("Nature : ").append(d.breach().nature()).append('\n')
        .append("Catégories de données : ").append(d.breach().categories()).append('\n')
        .append("Nombre approximatif de personnes concernées (sujets distincts dans le journal) : ").append(d.affectedPersons()).append('\n')
        .append("Nombre approximatif d'enregistrements concernés : ").append(d.affectedRecords()).append('\n')
        .append("Conséquences probables : ").append(d.breach().likelyConsequences()).append('\n')
        .append("Mesures prises ou envisagées : ").append(d.breach().measures()).append("\n\n")
        .append("Les personnes concernées doivent être informées si le risque pour elles est élevé (RGPD art. 34).\n")
        .append("Le détail chiffré figure dans 4-notification-cnil.json.\n");
    return b.toString();
  }

  /**
   * What to bring to the police or gendarmerie.
   *
   * @param p the practice
   * @param s the incident
   * @return the text
   */
  public static String police(PracticeConfig.Practice p, IncidentStatus s) {
    return "PLAINTE — CE QU'IL FAUT APPORTER AU COMMISSARIAT OU À LA GENDARMERIE\n\n"
        + "Déposez plainte AVANT toute réinstallation (ou écrivez au procureur de la République du tribunal judiciaire).\n"
        + "Le service 17Cyber oriente les victimes d'une cyberattaque.\n\n"
        + "  - Le dossier de preuves signé (dossier 3-preuves-…), avec son registre de remise (custody.jsonl) ;\n"
        + "    faites inscrire la remise : practice incident step preserve a créé le premier enregistrement.\n"
        + "  - Les photos de l'écran de rançon ou des alertes, avec l'heure.\n"
        + "  - Les courriels suspects en fichier d'origine (.eml/.msg avec les en-têtes), pas en transfert.\n"
        + "  - Quelques fichiers chiffrés et la note de rançon (copies, jamais les originaux).\n"
        + "  - Les journaux (pare-feu, box, serveur) que le support a pu exporter.\n"
        + "  - La chronologie : découverte le " + when(s.discoveredAt()) + " ; mode incident le " + when(s.startedAt()) + ".\n"
        + "  - L'identité du cabinet (" + p.name() + ") et les contrats du support informatique et de l'assurance.\n\n"
        + "Prévenez aussi votre assureur (" + orUnknown(p.insurer()) + ").\n";
  }

  /**
   * The closing record.
   *
   * @param s the incident before closing
   * @param note the post-incident note
   * @param skipped the steps not done
   * @param at when it was closed
   * @return the text
   */
  public static String close(IncidentStatus s, String note, List<String> skipped, Instant at) {
    StringBuilder b = new StringBuilder("INCIDENT " + s.incidentId() + " — CLÔTURE le " + when(at) + "\n\n");
    for (Map.Entry<IncidentStep, Instant> e : s.done().entrySet()) {
      b.append("  ✔ ").append(e.getKey().title()).append(" : ").append(when(e.getValue())).append('\n');
    }
    for (String k : skipped) {
      b.append("  ✖ ").append(IncidentStep.of(k).title()).append(" : non fait\n");
    }
    b.append("\nNote post-incident : ").append(note).append('\n')
        .append("Les connexions sortantes du logiciel sont rétablies. Rebranchez le réseau seulement sur les postes remis en état.\n");
    return b.toString();
  }
}
