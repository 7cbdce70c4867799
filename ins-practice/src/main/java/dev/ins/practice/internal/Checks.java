package dev.ins.practice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ins.insi.doctor.CertificateDoctor;
import dev.ins.insi.doctor.Diagnosis;
import dev.ins.insi.doctor.Finding;
import dev.ins.practice.PostureCheck;
import dev.ins.practice.PostureReport;
import dev.ins.practice.PostureStatus;
import dev.ins.practice.PracticeConfig;
import dev.ins.practice.PracticeException;
import dev.ins.practice.RuntimeVersions;
import dev.ins.practice.backup.DestinationKind;
import dev.ins.practice.backup.FolderDestination;
import dev.ins.practice.updates.FloorList;
import dev.ins.practice.updates.Versions;
import dev.ins.security.KeysetVault;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditFinding;
import dev.ins.security.audit.AuditReport;
import dev.ins.security.audit.AuditVerifier;
import dev.ins.security.audit.Checkpoint;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupManifest;
import dev.ins.security.backup.BackupReport;
import dev.ins.security.breach.BreachRecord;
import dev.ins.security.breach.BreachRegisterFile;
import dev.ins.security.certs.IgcSanteCertificate;
import dev.ins.security.killswitch.KillSwitch;
import dev.ins.security.killswitch.KillSwitchState;
import dev.ins.security.password.PasswordHash;
import dev.ins.security.password.PasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The posture checks. Each reads its own inputs and turns any problem into a finding. */
public final class Checks {
  private static final String BACKUPS = "Sauvegardes";
  private static final String KEYS = "Clés et certificats";
  private static final String AUDIT = "Journal d'audit";
  private static final String BREACHES = "Violations de données";
  private static final String UPDATES = "Mises à jour";
  private static final String PASSWORDS = "Mots de passe";
  private static final String INCIDENT = "Mode incident";
  /** The window in which copies count for the 3-2-1 rule (a weekly offline rotation). */
  private static final Duration COPY_WINDOW = Duration.ofDays(8);

  private final PracticeConfig config;
  private final Instant now;
  private final UnaryOperator<String> environment;
  private final RuntimeVersions versions;
  private final KillSwitch killSwitch;
  private final List<PostureCheck> out = new ArrayList<>();
  private List<AuditEntry> auditEntries;
  private String auditProblem;

  /**
   * Prepares the checks.
   *
   * @param config the configuration
   * @param now the reference time
   * @param environment environment lookup
   * @param versions the versions to check
   * @param killSwitch the kill switch
   */
  public Checks(PracticeConfig config, Instant now, UnaryOperator<String> environment, RuntimeVersions versions,
      KillSwitch killSwitch) {
    this.config = config;
    this.now = now;
    this.environment = environment;
    this.versions = versions;
    this.killSwitch = killSwitch;
  }

  /**
   * Runs every check.
   *
   * @return the report
   */
  public PostureReport run() {
    loadAudit();
    incident();
    backups();
    keys();
    certificates();
    audit();
    breaches();
    updates();
    passwords();
    return new PostureReport(now, config.practice().name(), out);
  }

  private void add(String id, String area, String title, PostureStatus s, String finding, String why, String fix,
      Map<String, Object> facts) {
    out.add(new PostureCheck(id, area, title, s, finding, why, s == PostureStatus.GREEN ? "" : fix, facts));
  }

  private static Map<String, Object> facts(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static long hours(Duration d) {
    return d.toHours();
  }

  private static String age(Duration d) {
    long h = d.toHours();
    if (h < 48) {
      return h + " h";
    }
    return (h / 24) + " jours";
  }

  private void loadAudit() {
    if (config.audit().isEmpty()) {
      return;
    }
    Path log = config.audit().get().log();
    try {
      auditEntries = new ArrayList<>();
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          auditEntries.add(AuditEntry.parse(line.getBytes(StandardCharsets.UTF_8)));
        }
      } else {
        auditProblem = "le journal d'audit est introuvable";
      }
    } catch (IOException | RuntimeException e) {
      auditEntries = null;
      auditProblem = "le journal d'audit ne peut pas être lu (" + e.getClass().getSimpleName() + ")";
    }
  }

  // ---------------------------------------------------------------------------------- incident

  private void incident() {
    KillSwitchState s = killSwitch.state();
    String why = "Pendant une attaque, couper les connexions sortantes limite la fuite de données et la propagation.";
    switch (s.status()) {
      case ENGAGED:
        add("incident.kill-switch", INCIDENT, "Coupure d'urgence", PostureStatus.RED,
            "Incident " + s.incidentId() + " en cours : les connexions sortantes (INSi, sauvegardes externes) sont coupées.",
            why, "Suivre les étapes du mode incident (practice incident status) puis le clore avec une note.",
            facts("status", s.status().name(), "incidentId", s.incidentId()));
        break;
      case UNVERIFIABLE:
        add("incident.kill-switch", INCIDENT, "Coupure d'urgence", PostureStatus.RED,
            "Le fichier de coupure d'urgence est illisible ou a été modifié : les connexions sortantes restent bloquées.",
            why, "Faire vérifier le poste par le support informatique (modification suspecte), puis réécrire l'état.",
            facts("status", s.status().name()));
        break;
      default:
        add("incident.kill-switch", INCIDENT, "Coupure d'urgence", PostureStatus.GREEN,
            "Aucun incident en cours ; la coupure d'urgence est prête.", why, "", facts("status", s.status().name()));
    }
  }

  // ---------------------------------------------------------------------------------- backups

  private record Found(PracticeConfig.Destination destination, Path file, BackupReport report) {}

  private void backups() {
    String whyAge = "Face à un rançongiciel ou une panne, seule une sauvegarde récente évite de perdre des jours de dossiers patients.";
    String whyDrill = "Une sauvegarde jamais restaurée peut se révéler inutilisable le jour où on en a besoin.";
    String why321 = "Un rançongiciel chiffre aussi les sauvegardes branchées : il faut une copie hors ligne ou hors du cabinet, et une clé de secours.";
    if (config.backups().isEmpty()) {
      String fix = "Déclarer les sauvegardes (signataire, destinations) dans la configuration.";
      add("backups.last", BACKUPS, "Dernière sauvegarde", PostureStatus.UNKNOWN, "Sauvegardes non déclarées dans la configuration.", whyAge, fix, facts());
      add("backups.drill", BACKUPS, "Test de restauration", PostureStatus.UNKNOWN, "Sauvegardes non déclarées dans la configuration.", whyDrill, fix, facts());
      add("backups.321", BACKUPS, "Règle 3-2-1", PostureStatus.UNKNOWN, "Sauvegardes non déclarées dans la configuration.", why321, fix, facts());
      return;
    }
    PracticeConfig.Backups b = config.backups().get();
    List<Found> newest = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    Set<String> folderCopies = new HashSet<>();
    for (PracticeConfig.Destination d : b.destinations()) {
      Optional<Path> file = newestFile(d.path());
      if (file.isEmpty()) {
        continue;
      }
      BackupReport r;
      try {
        r = Backup.verify(file.get(), b.signer());
      } catch (RuntimeException e) {
        broken.add(d.id());
        continue;
      }
      if (!r.intact() || r.manifest().isEmpty()) {
        broken.add(d.id());
        continue;
      }
      newest.add(new Found(d, file.get(), r));
      if (Duration.between(r.manifest().get().createdAt(), now).compareTo(COPY_WINDOW) <= 0) {
        folderCopies.add(d.id());
      }
    }
    Optional<Found> last = newest.stream().max(Comparator.comparing(f -> f.report().manifest().get().createdAt()));
    // Age of the last backup.
    if (last.isEmpty()) {
      add("backups.last", BACKUPS, "Dernière sauvegarde", PostureStatus.RED,
          broken.isEmpty() ? "Aucune sauvegarde trouvée sur les destinations accessibles."
              : "Les sauvegardes trouvées ne se vérifient pas (signature ou contenu altéré) sur : " + String.join(", ", broken) + ".",
          whyAge, "Lancer une sauvegarde chiffrée et signée maintenant, puis l'automatiser chaque jour.",
          facts("destinations", b.destinations().size(), "unverifiable", broken));
    } else {
      BackupManifest m = last.get().report().manifest().get();
      Duration age = Duration.between(m.createdAt(), now);
      PostureStatus s = !broken.isEmpty() ? PostureStatus.RED
          : hours(age) <= b.maxAgeHours() ? PostureStatus.GREEN
          : hours(age) <= 2L * b.maxAgeHours() ? PostureStatus.AMBER : PostureStatus.RED;
      String finding = "Dernière sauvegarde vérifiée il y a " + age(age) + " (" + last.get().destination().id() + "), chiffrée et signée."
          + (broken.isEmpty() ? "" : " Sauvegarde altérée ou illisible sur : " + String.join(", ", broken) + ".");
      add("backups.last", BACKUPS, "Dernière sauvegarde", s, finding, whyAge,
          broken.isEmpty() ? "Vérifier la tâche de sauvegarde automatique (elle doit tourner au moins toutes les " + b.maxAgeHours() + " h)."
              : "Remplacer le support défaillant et refaire une sauvegarde ; faire examiner la sauvegarde altérée.",
          facts("ageHours", hours(age), "maxAgeHours", b.maxAgeHours(), "backupId", m.backupId(), "unverifiable", broken));
    }
    // Restore drill.
    if (auditEntries == null) {
      add("backups.drill", BACKUPS, "Test de restauration", PostureStatus.UNKNOWN,
          auditProblem != null ? "Impossible de lire l'historique des tests : " + auditProblem + "." : "Journal d'audit non déclaré : l'historique des tests de restauration est inconnu.",
          whyDrill, "Déclarer le journal d'audit dans la configuration.", facts());
    } else {
      Optional<AuditEntry> drill = auditEntries.stream().filter(e -> e.action().equals("backup.restore-drill"))
          .max(Comparator.comparing(AuditEntry::time));
      if (drill.isEmpty()) {
        add("backups.drill", BACKUPS, "Test de restauration", PostureStatus.RED, "Aucun test de restauration n'a jamais été fait.",
            whyDrill, "Faire un test de restauration (RestoreDrill) maintenant, puis chaque mois.", facts());
      } else {
        Duration age = Duration.between(drill.get().time(), now);
        boolean ok = drill.get().outcome().equals("ok");
        PostureStatus s = !ok ? PostureStatus.RED : age.toDays() <= b.drillMaxAgeDays() ? PostureStatus.GREEN : PostureStatus.AMBER;
        add("backups.drill", BACKUPS, "Test de restauration", s,
            (ok ? "Dernier test de restauration réussi" : "Le dernier test de restauration a ÉCHOUÉ") + " il y a " + age(age) + ".",
            whyDrill, ok ? "Refaire un test de restauration (au moins tous les " + b.drillMaxAgeDays() + " jours)."
                : "Faire examiner la sauvegarde et la refaire, puis refaire le test de restauration.",
            facts("ageDays", age.toDays(), "success", ok, "maxAgeDays", b.drillMaxAgeDays()));
      }
    }
    // 3-2-1.
    if (last.isEmpty()) {
      add("backups.321", BACKUPS, "Règle 3-2-1", PostureStatus.RED, "Aucune sauvegarde vérifiée : la règle 3-2-1 n'est pas respectée.",
          why321, "Sauvegarder sur au moins deux destinations, dont une hors ligne (support débranché) ou hors du cabinet.", facts());
      return;
    }
    List<String> recipients = recipients(last.get().file());
    Map<String, DestinationKind> copies = new LinkedHashMap<>();
    Map<String, DestinationKind> kinds = new LinkedHashMap<>();
    b.destinations().forEach(d -> kinds.put(d.id(), d.kind()));
    if (auditEntries != null) {
      for (AuditEntry e : auditEntries) {
        if (e.action().equals(FolderDestination.AUDIT_ACTION) && e.outcome().equals("ok")
            && Duration.between(e.time(), now).compareTo(COPY_WINDOW) <= 0) {
          String dest = e.details().getOrDefault("destination", "");
          DestinationKind k = kinds.get(dest);
          if (k != null) {
            copies.put(dest, k);
          }
        }
      }
    }
    for (String d : folderCopies) {
      copies.put(d, kinds.get(d));
    }
    boolean offlineRecipient = recipients.contains(b.offlineRecipient());
    boolean away = copies.values().stream().anyMatch(k -> k == DestinationKind.OFFLINE || k == DestinationKind.OFFSITE);
    List<String> problems = new ArrayList<>();
    if (recipients.size() < 2 || !offlineRecipient) {
      problems.add("la sauvegarde n'est pas chiffrée aussi pour la clé de secours hors ligne « " + b.offlineRecipient() + " »");
    }
    if (copies.size() < 2) {
      problems.add("copies récentes sur " + copies.size() + " destination(s) seulement (il en faut 2)");
    }
    if (!away) {
      problems.add("aucune copie récente hors ligne ou hors du cabinet");
    }
    PostureStatus s = problems.isEmpty() ? PostureStatus.GREEN : !offlineRecipient || copies.size() < 2 ? PostureStatus.RED : PostureStatus.AMBER;
    add("backups.321", BACKUPS, "Règle 3-2-1", s,
        problems.isEmpty() ? "Copies récentes sur " + copies.size() + " destinations dont une hors ligne ou hors du cabinet ; clé de secours hors ligne destinataire ; chiffrées et signées."
            : "Règle 3-2-1 incomplète : " + String.join(" ; ", problems) + ".",
        why321, "Ajouter la clé de secours hors ligne comme destinataire et copier chaque semaine sur un support débranché ensuite, ou hors du cabinet.",
        facts("recipients", recipients, "destinationsWithRecentCopies", new ArrayList<>(copies.keySet()), "offlineOrOffsite", away));
  }

  private static Optional<Path> newestFile(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    Path best = null;
    long bestTime = Long.MIN_VALUE;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*" + FolderDestination.EXTENSION)) {
      for (Path p : ds) {
        long t = Files.getLastModifiedTime(p).toMillis();
        if (t > bestTime) {
          bestTime = t;
          best = p;
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(best);
  }

  /** The recipient ids of a backup whose signature was verified (the header is authenticated by the manifest). */
  private static List<String> recipients(Path backup) {
    try (InputStream in = Files.newInputStream(backup)) {
      byte[] head = in.readNBytes(12);
      if (head.length < 12 || !new String(head, 0, 8, StandardCharsets.US_ASCII).equals("INSBAK01")) {
        return List.of();
      }
      int len = ByteBuffer.wrap(head, 8, 4).getInt();
      if (len <= 0 || len > 1 << 20) {
        return List.of();
      }
      JsonNode h = JsonMapper.builder().build().readTree(in.readNBytes(len));
      List<String> ids = new ArrayList<>();
      for (JsonNode r : h.path("recipients")) {
        ids.add(r.path("id").asText());
      }
      return ids;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  // ---------------------------------------------------------------------------------- keys

  private void keys() {
    String whyAge = "Une clé utilisée trop longtemps multiplie ce qu'un vol de poste ou une fuite expose.";
    String whyPerm = "Un fichier de clé lisible par d'autres comptes du poste se vole sans effort en cas d'intrusion.";
    if (config.keys().isEmpty() || config.keys().get().sealedFiles().isEmpty()) {
      String f = "Fichiers de clés non déclarés dans la configuration.";
      add("keys.rotation", KEYS, "Âge des clés", PostureStatus.UNKNOWN, f, whyAge, "Déclarer les fichiers de clés scellés.", facts());
      add("keys.permissions", KEYS, "Protection des fichiers de clés", PostureStatus.UNKNOWN, f, whyPerm, "Déclarer les fichiers de clés scellés.", facts());
      return;
    }
    PracticeConfig.Keys k = config.keys().get();
    List<String> due = new ArrayList<>();
    List<String> overdue = new ArrayList<>();
    List<String> exposed = new ArrayList<>();
    List<String> unknownPerms = new ArrayList<>();
    long oldest = 0;
    for (Path p : k.sealedFiles()) {
      String name = p.getFileName().toString();
      try {
        long days = Duration.between(Files.getLastModifiedTime(p).toInstant(), now).toDays();
        oldest = Math.max(oldest, days);
        if (days > 2L * k.rotationDays()) {
          overdue.add(name);
        } else if (days > k.rotationDays()) {
          due.add(name);
        }
        byte[] bytes = Files.readAllBytes(p);
        try {
          KeysetVault.kekKind(bytes);
        } catch (RuntimeException e) {
          exposed.add(name + " (pas un fichier scellé)");
          continue;
        }
        try {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
          for (PosixFilePermission perm : perms) {
            if (perm.name().startsWith("GROUP") || perm.name().startsWith("OTHERS")) {
              exposed.add(name);
              break;
            }
          }
        } catch (UnsupportedOperationException e) {
          unknownPerms.add(name);
        }
      } catch (IOException e) {
        exposed.add(name + " (introuvable)");
      }
    }
    PostureStatus rot = !overdue.isEmpty() ? PostureStatus.RED : !due.isEmpty() ? PostureStatus.AMBER : PostureStatus.GREEN;
    add("keys.rotation", KEYS, "Âge des clés", rot,
        rot == PostureStatus.GREEN ? "Toutes les clés ont été renouvelées il y a moins de " + k.rotationDays() + " jours (la plus ancienne : " + oldest + " jours)."
            : "Clés à renouveler : " + String.join(", ", concat(overdue, due)) + " (politique : " + k.rotationDays() + " jours).",
        whyAge, "Faire une rotation des clés (ajout d'une nouvelle clé, diffusion, puis promotion).",
        facts("oldestDays", oldest, "rotationDays", k.rotationDays(), "due", due, "overdue", overdue));
    PostureStatus perm = !exposed.isEmpty() ? PostureStatus.RED : !unknownPerms.isEmpty() ? PostureStatus.UNKNOWN : PostureStatus.GREEN;
    add("keys.permissions", KEYS, "Protection des fichiers de clés", perm,
        perm == PostureStatus.GREEN ? "Les " + k.sealedFiles().size() + " fichiers de clés sont scellés et lisibles par leur seul propriétaire."
            : perm == PostureStatus.UNKNOWN ? "Droits non vérifiables sur ce système de fichiers : " + String.join(", ", unknownPerms) + "."
            : "Fichiers de clés exposés : " + String.join(", ", exposed) + ".",
        whyPerm, "Restreindre les droits au seul compte du logiciel (chmod 600) et ne garder que des clés scellées.",
        facts("files", k.sealedFiles().size(), "exposed", exposed));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  // ---------------------------------------------------------------------------------- certificates

  private void certificates() {
    String whyInsi = "Un certificat INSi expiré ou invalide arrête la qualification des identités ; un faux serveur ne doit pas être accepté.";
    String whyOthers = "Une carte ou un certificat expiré bloque l'accès aux téléservices au mauvais moment.";
    Optional<PracticeConfig.Certificates> c = config.certificates();
    if (c.isEmpty() || c.get().insi().isEmpty()) {
      add("certs.insi", KEYS, "Certificat INSi", PostureStatus.UNKNOWN, "Certificat INSi non déclaré dans la configuration.", whyInsi,
          "Déclarer le fichier PKCS#12 INSi et les racines IGC-Santé.", facts());
    } else {
      insi(c.get().insi().get(), whyInsi);
    }
    if (c.isEmpty() || c.get().others().isEmpty()) {
      add("certs.others", KEYS, "Autres certificats (CPS…)", PostureStatus.UNKNOWN, "Aucun autre certificat déclaré (CPS, serveur).",
          whyOthers, "Déclarer les certificats à surveiller (export PEM du certificat CPS, par exemple).", facts());
      return;
    }
    PostureStatus worst = PostureStatus.GREEN;
    List<String> lines = new ArrayList<>();
    for (PracticeConfig.LabelledCertificate lc : c.get().others()) {
      try (InputStream in = Files.newInputStream(lc.pem())) {
        X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        IgcSanteCertificate.ExpiryStatus e = IgcSanteCertificate.classify(x).expiry(now);
        long days = Duration.between(now, x.getNotAfter().toInstant()).toDays();
        PostureStatus s;
        switch (e) {
          case VALID:
            s = PostureStatus.GREEN;
            break;
          case EXPIRES_WITHIN_60_DAYS:
          case EXPIRES_WITHIN_30_DAYS:
            s = PostureStatus.AMBER;
            break;
          default:
            s = PostureStatus.RED;
        }
        lines.add(lc.label() + (days < 0 ? " : expiré" : e == IgcSanteCertificate.ExpiryStatus.NOT_YET_VALID ? " : pas encore valide" : " : expire dans " + days + " jours"));
        worst = s.severity() > worst.severity() ? s : worst;
      } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
        lines.add(lc.label() + " : illisible");
        worst = PostureStatus.RED;
      }
    }
    add("certs.others", KEYS, "Autres certificats (CPS…)", worst, String.join(" ; ", lines) + ".", whyOthers,
        "Commander le renouvellement auprès de l'ANS (carte CPS, certificat) avant l'échéance.", facts("certificates", lines));
  }

  private void insi(PracticeConfig.InsiCredential cred, String why) {
    String password = environment.apply(cred.passwordEnv());
    if (password == null) {
      add("certs.insi", KEYS, "Certificat INSi", PostureStatus.UNKNOWN,
          "Le mot de passe du certificat INSi n'est pas fourni (variable " + cred.passwordEnv() + ").", why,
          "Fournir le mot de passe par la variable d'environnement déclarée pour que le bilan puisse vérifier le certificat.", facts());
      return;
    }
    CertificateDoctor.Builder b = CertificateDoctor.builder()
        .environment(CertificateDoctor.Environment.valueOf(cred.environment()))
        .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    try {
      for (Path root : cred.roots()) {
        try (InputStream in = Files.newInputStream(root)) {
          b.trustAnchor((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
      }
      List<java.security.cert.X509CRL> crls = new ArrayList<>();
      for (Path crl : cred.crls()) {
        try (InputStream in = Files.newInputStream(crl)) {
          crls.add((java.security.cert.X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        }
      }
      if (!crls.isEmpty()) {
        b.revocation(new dev.ins.security.certs.RevocationPolicy(dev.ins.security.certs.RevocationPolicy.Order.CRL_ONLY, false, true), crls);
      }
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      add("certs.insi", KEYS, "Certificat INSi", PostureStatus.RED, "Les racines IGC-Santé ou les listes de révocation déclarées sont illisibles.", why,
          "Remettre les certificats racines IGC-Santé (PEM) et les listes de révocation à l'endroit déclaré.", facts());
      return;
    }
    char[] pw = password.toCharArray();
    Diagnosis d;
    try {
      d = b.build().examinePkcs12(cred.pkcs12(), pw);
    } finally {
      Arrays.fill(pw, '\0');
    }
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Finding f : d.findings()) {
      if (f.severity() == Finding.Severity.ERROR) {
        errors.add(french(f.check()));
      } else if (f.severity() == Finding.Severity.WARNING) {
        warnings.add(french(f.check()));
      }
    }
    PostureStatus s = !errors.isEmpty() ? PostureStatus.RED : !warnings.isEmpty() ? PostureStatus.AMBER : PostureStatus.GREEN;
    List<String> details = new ArrayList<>();
    d.findings().forEach(f -> details.add(f.severity() + " " + f.check() + ": " + f.message()));
    add("certs.insi", KEYS, "Certificat INSi", s,
        s == PostureStatus.GREEN ? "Le certificat INSi est valide, de la bonne autorité et accepté par INSi."
            : (errors.isEmpty() ? "À surveiller : " + String.join(", ", new java.util.LinkedHashSet<>(warnings))
                : "Problèmes bloquants : " + String.join(", ", new java.util.LinkedHashSet<>(errors))) + ".",
        why, "Commander ou réinstaller le certificat INSi (INSI-AUTO) de l'IGC-Santé avec votre éditeur.", facts("doctor", details));
  }

  private static String french(Finding.Check c) {
    switch (c) {
      case READABLE:
        return "fichier ou mot de passe illisible";
      case PRIVATE_KEY:
        return "clé privée absente ou ne correspondant pas";
      case CN:
        return "nom du certificat non accepté par INSi";
      case ISSUER:
        return "autorité émettrice inattendue";
      case VALIDITY:
        return "date de validité (expiré ou proche de l'expiration)";
      case KEY_USAGE:
        return "usage de la clé incompatible";
      case KEY_STRENGTH:
        return "clé trop faible";
      case CHAIN:
        return "chaîne de certification vers l'IGC-Santé non valide";
      default:
        return "révocation non vérifiée ou certificat révoqué";
    }
  }

  // ---------------------------------------------------------------------------------- audit

  private void audit() {
    String whyIntegrity = "Un journal modifiable permet à un intrus d'effacer ses traces ; sa vérification prouve ce qui s'est passé.";
    String whyAge = "Sans point de contrôle récent, une modification des dernières entrées passerait inaperçue.";
    String whyOff = "Un point de contrôle gardé seulement sur le poste peut être effacé avec le journal par un rançongiciel.";
    if (config.audit().isEmpty()) {
      String f = "Journal d'audit non déclaré dans la configuration.";
      add("audit.integrity", AUDIT, "Intégrité du journal", PostureStatus.UNKNOWN, f, whyIntegrity, "Déclarer le journal d'audit et ses points de contrôle.", facts());
      add("audit.checkpoint-age", AUDIT, "Dernier point de contrôle", PostureStatus.UNKNOWN, f, whyAge, "Déclarer le journal d'audit et ses points de contrôle.", facts());
      add("audit.off-host", AUDIT, "Points de contrôle hors du poste", PostureStatus.UNKNOWN, f, whyOff, "Déclarer le journal d'audit et ses points de contrôle.", facts());
      return;
    }
    PracticeConfig.Audit a = config.audit().get();
    List<Path> files = listFiles(a.checkpoints());
    List<Checkpoint> cps = new ArrayList<>();
    Instant newestTime = null;
    long newestSize = -1;
    int unreadable = 0;
    for (Path p : files) {
      try {
        Checkpoint cp = Checkpoint.parse(Files.readString(p, StandardCharsets.UTF_8));
        cps.add(cp);
        Instant t = Files.getLastModifiedTime(p).toInstant();
        newestTime = newestTime == null || t.isAfter(newestTime) ? t : newestTime;
        newestSize = Math.max(newestSize, cp.size());
      } catch (IOException | RuntimeException e) {
        unreadable++;
      }
    }
    if (!Files.exists(a.log())) {
      add("audit.integrity", AUDIT, "Intégrité du journal", PostureStatus.RED, "Le journal d'audit est introuvable.", whyIntegrity,
          "Rétablir le journal d'audit (restauration) et prévenir le support : sa disparition est suspecte.", facts());
    } else if (cps.isEmpty()) {
      add("audit.integrity", AUDIT, "Intégrité du journal", PostureStatus.AMBER, "Aucun point de contrôle signé : l'intégrité du journal ne peut pas être prouvée.",
          whyIntegrity, "Signer un point de contrôle chaque jour (audit checkpoint) et le copier hors du poste.", facts("unreadableCheckpoints", unreadable));
    } else {
      AuditReport r = AuditVerifier.verify(a.log(), cps, a.keyName(), a.publicKey());
      List<String> kinds = new ArrayList<>();
      for (AuditFinding f : r.findings()) {
        if (f.fatal()) {
          kinds.add(f.kind().name());
        }
      }
      PostureStatus s = r.intact() && unreadable == 0 ? PostureStatus.GREEN : PostureStatus.RED;
      add("audit.integrity", AUDIT, "Intégrité du journal", s,
          r.intact() ? "Le journal (" + r.entries() + " entrées) correspond à ses " + cps.size() + " points de contrôle signés."
              + (unreadable > 0 ? " " + unreadable + " point(s) de contrôle illisible(s)." : "")
              : "Le journal a été modifié, tronqué ou réordonné depuis un point de contrôle signé (" + String.join(", ", kinds) + ").",
          whyIntegrity, "Ne rien effacer ; prévenir le support et traiter comme un incident (practice incident start).",
          facts("entries", r.entries(), "checkpoints", cps.size(), "fatal", kinds));
    }
    if (newestTime == null) {
      add("audit.checkpoint-age", AUDIT, "Dernier point de contrôle", PostureStatus.RED, "Aucun point de contrôle signé.", whyAge,
          "Signer un point de contrôle chaque jour.", facts());
    } else {
      Duration age = Duration.between(newestTime, now);
      PostureStatus s = hours(age) <= a.maxCheckpointAgeHours() ? PostureStatus.GREEN
          : hours(age) <= 4L * a.maxCheckpointAgeHours() ? PostureStatus.AMBER : PostureStatus.RED;
      add("audit.checkpoint-age", AUDIT, "Dernier point de contrôle", s, "Dernier point de contrôle signé il y a " + age(age) + ".", whyAge,
          "Automatiser un point de contrôle au moins toutes les " + a.maxCheckpointAgeHours() + " h.",
          facts("ageHours", hours(age), "maxAgeHours", a.maxCheckpointAgeHours()));
    }
    if (a.offHostCheckpoints().isEmpty()) {
      add("audit.off-host", AUDIT, "Points de contrôle hors du poste", PostureStatus.UNKNOWN, "Aucun emplacement hors du poste déclaré pour les points de contrôle.",
          whyOff, "Copier chaque point de contrôle hors du poste (partage, messagerie, coffre de l'éditeur) et déclarer l'emplacement.", facts());
      return;
    }
    long offSize = -1;
    for (Path p : listFiles(a.offHostCheckpoints().get())) {
      try {
        Checkpoint cp = Checkpoint.parse(Files.readString(p, StandardCharsets.UTF_8));
        if (cp.verify(a.keyName(), a.publicKey())) {
          offSize = Math.max(offSize, cp.size());
        }
      } catch (IOException | RuntimeException e) {
        // not a checkpoint: ignored
      }
    }
    PostureStatus s = offSize < 0 ? PostureStatus.RED : offSize >= newestSize ? PostureStatus.GREEN : PostureStatus.AMBER;
    add("audit.off-host", AUDIT, "Points de contrôle hors du poste", s,
        offSize < 0 ? "Aucun point de contrôle signé n'est copié hors du poste."
            : offSize >= newestSize ? "Le dernier point de contrôle est copié hors du poste."
            : "Les points de contrôle copiés hors du poste sont en retard (" + offSize + " entrées sur " + newestSize + ").",
        whyOff, "Copier le dernier point de contrôle hors du poste après chaque signature.", facts("offHostSize", offSize, "localSize", newestSize));
  }

  private static List<Path> listFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p) && Files.size(p) < 65536) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------- breaches

  private void breaches() {
    String why = "Une violation de données doit être notifiée à la CNIL dans les 72 heures ; au-delà, il faut justifier le retard.";
    if (config.breaches().isEmpty()) {
      add("breaches.deadline", BREACHES, "Délai CNIL de 72 h", PostureStatus.UNKNOWN, "Registre des violations non déclaré dans la configuration.",
          why, "Tenir le registre des violations (obligatoire, RGPD art. 33-5) et le déclarer.", facts());
      return;
    }
    List<BreachRecord> open = new ArrayList<>();
    try {
      for (BreachRecord r : BreachRegisterFile.load(config.breaches().get()).all()) {
        if (r.notifiedAt().isEmpty() && r.reasonNotNotifiedOrLate().isBlank()) {
          open.add(r);
        }
      }
    } catch (RuntimeException e) {
      add("breaches.deadline", BREACHES, "Délai CNIL de 72 h", PostureStatus.RED, "Le registre des violations est illisible.", why,
          "Restaurer le registre des violations depuis une sauvegarde.", facts());
      return;
    }
    if (open.isEmpty()) {
      add("breaches.deadline", BREACHES, "Délai CNIL de 72 h", PostureStatus.GREEN, "Aucune violation en attente de notification.", why, "", facts("open", 0));
      return;
    }
    List<String> lines = new ArrayList<>();
    boolean overdue = false;
    List<Object> left = new ArrayList<>();
    for (BreachRecord r : open) {
      long h = r.timeLeft(now).toHours();
      left.add(h);
      if (r.isLate(now)) {
        overdue = true;
        lines.add(r.id() + " : délai DÉPASSÉ de " + (-h) + " h");
      } else {
        lines.add(r.id() + " : " + h + " h restantes");
      }
    }
    add("breaches.deadline", BREACHES, "Délai CNIL de 72 h", overdue ? PostureStatus.RED : PostureStatus.AMBER,
        open.size() + " violation(s) à notifier : " + String.join(" ; ", lines) + ".", why,
        overdue ? "Notifier la CNIL immédiatement en expliquant le retard (téléservice de notification)."
            : "Préparer et envoyer la notification à la CNIL avant l'échéance (practice incident step declare).",
        facts("open", open.size(), "hoursLeft", left));
  }

  // ---------------------------------------------------------------------------------- updates

  private void updates() {
    String whyList = "La liste des versions vulnérables doit être à jour pour que ce bilan reconnaisse les nouvelles failles.";
    FloorList shipped = FloorList.shipped();
    FloorList list = shipped;
    Optional<PracticeConfig.Updates> u = config.updates();
    String advisoryProblem = null;
    if (u.isPresent() && u.get().advisory().isPresent()) {
      try {
        byte[] bytes = Files.readAllBytes(u.get().advisory().get());
        list = FloorList.inForce(shipped, Optional.of(bytes), u.get().trustedKeys());
      } catch (IOException e) {
        advisoryProblem = "le fichier d'avis de sécurité déclaré est illisible";
      } catch (PracticeException e) {
        advisoryProblem = "le fichier d'avis de sécurité est REFUSÉ (non signé, modifié ou signé par une clé non reconnue)";
      }
    }
    PostureStatus ls = advisoryProblem != null ? PostureStatus.RED : now.isAfter(list.validUntil()) ? PostureStatus.AMBER : PostureStatus.GREEN;
    add("updates.floor-list", UPDATES, "Liste des versions vulnérables", ls,
        advisoryProblem != null ? "Attention : " + advisoryProblem + " ; la liste livrée avec le SDK est utilisée."
            : "Liste " + (list.source().equals("advisory") ? "issue d'un avis signé" : "livrée avec le SDK") + " du "
                + list.generatedAt().toString().substring(0, 10) + (ls == PostureStatus.AMBER ? ", périmée depuis le " + list.validUntil().toString().substring(0, 10) : "") + ".",
        whyList, advisoryProblem != null ? "Ne pas utiliser ce fichier ; récupérer l'avis signé auprès de l'éditeur et prévenir le support."
            : "Installer le dernier avis de sécurité signé de l'éditeur (ou la dernière version du SDK).",
        facts("source", list.source(), "generatedAt", list.generatedAt().toString(), "validUntil", list.validUntil().toString()));
    jdk(list);
    library(list, "org.bouncycastle:bcprov-jdk18on", "Bouncy Castle", versions.bouncyCastle(), "updates.bouncycastle");
    String whySdk = "Les correctifs de sécurité du SDK ne protègent le cabinet qu'une fois installés.";
    boolean sdkOk;
    try {
      sdkOk = Versions.compare(versions.sdk(), list.sdkMin()) >= 0;
    } catch (IllegalArgumentException e) {
      sdkOk = false;
    }
    add("updates.sdk", UPDATES, "SDK INS", sdkOk ? PostureStatus.GREEN : PostureStatus.RED,
        "ins-sdk " + versions.sdk() + (sdkOk ? " (minimum " + list.sdkMin() + ")." : " est sous la version minimale " + list.sdkMin() + "."), whySdk,
        "Mettre à jour le logiciel du cabinet (il embarque le SDK).", facts("version", versions.sdk(), "min", list.sdkMin()));
  }

  private void jdk(FloorList list) {
    String why = "Une machine Java sans les derniers correctifs expose le logiciel à des failles connues et exploitées.";
    String fix = "Installer la dernière mise à jour de Java (JDK) de votre distribution.";
    Runtime.Version v;
    try {
      v = Runtime.Version.parse(versions.jdk());
    } catch (IllegalArgumentException e) {
      add("updates.jdk", UPDATES, "Java (JDK)", PostureStatus.UNKNOWN, "Version de Java illisible.", why, fix, facts("version", versions.jdk()));
      return;
    }
    String shown = v.feature() + "." + v.interim() + "." + v.update();
    if (list.eolFeatures().contains(v.feature())) {
      add("updates.jdk", UPDATES, "Java (JDK)", PostureStatus.RED, "Java " + shown + " : cette version ne reçoit plus de correctifs de sécurité.",
          why, "Passer à une version de Java maintenue (17, 21 ou 25).", facts("version", shown));
      return;
    }
    Optional<FloorList.JdkFloor> f = list.jdkFloor(v.feature());
    if (f.isEmpty()) {
      add("updates.jdk", UPDATES, "Java (JDK)", PostureStatus.AMBER, "Java " + shown + " : version absente de la liste, non vérifiable.", why,
          "Utiliser une version de Java suivie par le SDK (17, 21 ou 25).", facts("version", shown));
      return;
    }
    boolean ok = v.update() >= f.get().minUpdate();
    add("updates.jdk", UPDATES, "Java (JDK)", ok ? PostureStatus.GREEN : PostureStatus.RED,
        "Java " + shown + (ok ? " (minimum " + v.feature() + ".0." + f.get().minUpdate() + ")." : " est sous le minimum " + v.feature() + ".0." + f.get().minUpdate() + " (failles connues)."),
        why, fix, facts("version", shown, "minUpdate", f.get().minUpdate()));
  }

  private void library(FloorList list, String ga, String name, String version, String id) {
    String why = name + " assure le chiffrement et les signatures : une version vulnérable affaiblit toute la protection des données.";
    Optional<FloorList.LibraryFloor> f = list.libraryFloor(ga);
    if (f.isEmpty()) {
      add(id, UPDATES, name, PostureStatus.UNKNOWN, name + " " + version + " : absent de la liste.", why, "Obtenir une liste à jour.", facts("version", version));
      return;
    }
    boolean ok;
    try {
      ok = Versions.compare(version, f.get().min()) >= 0;
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    add(id, UPDATES, name, ok ? PostureStatus.GREEN : PostureStatus.RED,
        name + " " + version + (ok ? " (minimum " + f.get().min() + ")." : " est sous le minimum " + f.get().min() + " (failles connues)."),
        why, "Mettre à jour le logiciel du cabinet (il embarque " + name + ").", facts("version", version, "min", f.get().min()));
  }

  // ---------------------------------------------------------------------------------- passwords

  private void passwords() {
    String why = "Si la base des comptes est volée, des empreintes Argon2id au bon coût rendent les mots de passe très longs à retrouver.";
    if (config.passwords().isEmpty()) {
      add("passwords.argon2", PASSWORDS, "Stockage des mots de passe", PostureStatus.UNKNOWN, "Empreintes de mots de passe non déclarées dans la configuration.",
          why, "Exporter les empreintes (sans les identifiants) et déclarer le fichier.", facts());
      return;
    }
    PracticeConfig.Passwords p = config.passwords().get();
    PasswordHasher target = PasswordHasher.of(p.target());
    PasswordHasher floor = PasswordHasher.of(dev.ins.security.Argon2Params.owaspMinimum());
    int total = 0;
    int upgrade = 0;
    int weak = 0;
    int malformed = 0;
    try {
      for (String line : Files.readAllLines(p.hashes(), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        total++;
        try {
          PasswordHash.parse(line.strip());
          if (floor.needsRehash(line.strip())) {
            weak++;
          } else if (target.needsRehash(line.strip())) {
            upgrade++;
          }
        } catch (RuntimeException e) {
          malformed++;
        }
      }
    } catch (IOException e) {
      add("passwords.argon2", PASSWORDS, "Stockage des mots de passe", PostureStatus.UNKNOWN, "Le fichier d'empreintes déclaré est illisible.", why,
          "Exporter les empreintes et vérifier le chemin déclaré.", facts());
      return;
    }
    if (total == 0) {
      add("passwords.argon2", PASSWORDS, "Stockage des mots de passe", PostureStatus.UNKNOWN, "Aucune empreinte dans le fichier déclaré.", why,
          "Exporter les empreintes des comptes.", facts("total", 0));
      return;
    }
    long share = Math.round(100.0 * (upgrade + weak + malformed) / total);
    PostureStatus s = weak + malformed > 0 ? PostureStatus.RED : upgrade > 0 ? PostureStatus.AMBER : PostureStatus.GREEN;
    add("passwords.argon2", PASSWORDS, "Stockage des mots de passe", s,
        s == PostureStatus.GREEN ? "Les " + total + " empreintes utilisent Argon2id aux paramètres actuels."
            : share + " % des empreintes sont à mettre à niveau (" + upgrade + " sous la cible, " + weak + " sous le minimum, " + malformed + " non Argon2id).",
        why, "Les empreintes se mettent à niveau à la prochaine connexion ; forcer le changement des comptes non Argon2id ou sous le minimum.",
        facts("total", total, "belowTarget", upgrade, "belowMinimum", weak, "notArgon2id", malformed, "sharePercent", share));
  }
}
