package dev.ins.practice.incident;

import dev.ins.practice.PracticeConfig;
import dev.ins.practice.PracticeException;
import dev.ins.practice.PracticeException.Code;
import dev.ins.practice.internal.IncidentTexts;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.Keyset;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupReport;
import dev.ins.security.backup.RestoreDrill;
import dev.ins.security.breach.BreachRecord;
import dev.ins.security.breach.BreachRegister;
import dev.ins.security.breach.BreachRegisterFile;
import dev.ins.security.breach.CnilNotificationDraft;
import dev.ins.security.breach.DataCategory;
import dev.ins.security.killswitch.KillSwitchFile;
import dev.ins.security.killswitch.KillSwitchState;
import dev.ins.security.logging.PiiRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Incident mode ("agir et réagir en cas d'attaque"): the playbook a practitioner follows in the
 * first hours, as a state machine recorded in the audit log, each step time-stamped, resumable
 * after a restart (the state is rebuilt from the log).
 *
 * <ol>
 *   <li>{@link #start}: <b>cut</b>: engages the persistent kill switch (every outbound component of
 *       the SDK refuses to connect) and tells the practitioner to unplug the network and Wi-Fi.
 *   <li>{@link #alert}: a ready-to-send message for the IT support (times, symptoms, what was done).
 *   <li>{@link #preserve}: the signed evidence bundle with its chain-of-custody record.
 *   <li>{@link #declare}: pre-filled ARS / signalement portal content, the CNIL notification draft
 *       (breach register, 72-hour clock from discovery) and what to bring to the police.
 *   <li>{@link #recover}: a restore drill of the last verified backup (only after evidence is
 *       preserved), and the restore itself when asked.
 *   <li>{@link #close}: re-enables outbound calls, with a post-incident note.
 * </ol>
 *
 * <p>Files go to {@code stateDir/<incidentId>/}. Audit entries: {@code incident.start}, {@code
 * incident.step} (detail {@code step}), {@code incident.close}, plus the SDK's own ({@code
 * backup.restore-drill}). Texts shown to the practitioner are in French; none holds patient data
 * (texts that look like a matricule are refused).
 *
 * <pre>{@code
 * IncidentMode mode = IncidentMode.builder(config, signingKey).build();
 * IncidentStatus s = mode.start(List.of("écran de rançon sur le poste d'accueil"), discoveredAt);
 * String message = mode.alert();
 * mode.preserve(List.of(Path.of("C:/Users/accueil/Desktop/LISEZMOI.txt")), "Dr Martin");
 * mode.declare();
 * mode.recover(Optional.empty(), practiceKeys, restored -> true, Optional.empty());
 * mode.close("postes réinstallés par le support, mots de passe changés");
 * }</pre>
 */
public final class IncidentMode {
  /** The audit actor of incident mode's entries. */
  public static final String ACTOR = "incident-mode";
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'INC-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final PracticeConfig config;
  private final Ed25519SigningKey key;
  private final Clock clock;
  private final KillSwitchFile killSwitch;
  private final Path auditPath;
  private final AuditLog sharedLog;
  private final long maxEvidenceBytes;

  private IncidentMode(Builder b) {
    this.config = b.config;
    this.key = b.key;
    this.clock = b.clock;
    this.killSwitch = b.config.killSwitch().map(KillSwitchFile::at).orElseGet(KillSwitchFile::standard);
    this.auditPath = b.config.audit()
        .orElseThrow(() -> new PracticeException(Code.INVALID_INPUT, "config.audit", "incident mode records every step in the audit log: declare it"))
        .log();
    this.sharedLog = b.log;
    this.maxEvidenceBytes = b.maxEvidenceBytes;
  }

  /**
   * Starts a configuration.
   *
   * @param config the practice configuration (its audit section is required)
   * @param key the signing key of the kill switch, evidence and checkpoints
   * @return a builder
   */
  public static Builder builder(PracticeConfig config, Ed25519SigningKey key) {
    return new Builder(config, key);
  }

  /** Configures {@link IncidentMode}. */
  public static final class Builder {
    private final PracticeConfig config;
    private final Ed25519SigningKey key;
    private Clock clock = Clock.systemUTC();
    private AuditLog log;
    private long maxEvidenceBytes = 8L << 30;

    private Builder(PracticeConfig config, Ed25519SigningKey key) {
      this.config = Objects.requireNonNull(config, "config == null");
      this.key = Objects.requireNonNull(key, "key == null");
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Uses an audit log the application already holds open (otherwise it is opened per step).
     *
     * @param log the open log of the configured file
     * @return this builder
     */
    public Builder auditLog(AuditLog log) {
      this.log = Objects.requireNonNull(log, "log == null");
      return this;
    }

    /**
     * Sets the bound on the bytes copied into an evidence bundle (default 8 GiB).
     *
     * @param bytes positive
     * @return this builder
     */
    public Builder maxEvidenceBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxEvidenceBytes must be positive");
      }
      this.maxEvidenceBytes = bytes;
      return this;
    }

    /**
     * Builds.
     *
     * @return incident mode
     * @throws PracticeException INVALID_INPUT when the configuration has no audit section
     */
    public IncidentMode build() {
      return new IncidentMode(this);
    }
  }

  private <T> T withLog(Function<AuditLog, T> action) {
    if (sharedLog != null) {
      return action.apply(sharedLog);
    }
    try (AuditLog log = AuditLog.open(auditPath)) {
      return action.apply(log);
    }
  }

  private static void clean(String field, String text, int max) {
    if (text == null || text.isBlank() || text.length() > max) {
      throw new PracticeException(Code.INVALID_INPUT, field, "must be 1.." + max + " characters");
    }
    if (!PiiRedactor.redact(text).equals(text)) {
      throw new PracticeException(Code.INVALID_INPUT, field, "must not hold a matricule or other patient data");
    }
  }

  /**
   * Reads the current (or last) incident from the audit log.
   *
   * @return the status, empty when no incident was ever started
   */
  public Optional<IncidentStatus> status() {
    List<AuditEntry> entries = withLog(AuditLog::entries);
    String id = null;
    Instant discovered = null;
    Instant started = null;
    List<String> symptoms = new ArrayList<>();
    Map<IncidentStep, Instant> done = new EnumMap<>(IncidentStep.class);
    Instant closed = null;
    String note = "";
    for (AuditEntry e : entries) {
      if (e.action().equals("incident.start")) {
        id = e.subject().replaceFirst("^incident:", "");
        started = e.time();
        discovered = Instant.parse(e.details().getOrDefault("discoveredAt", e.time().toString()));
        symptoms = new ArrayList<>();
        for (int i = 0; e.details().containsKey("symptom" + i); i++) {
          symptoms.add(e.details().get("symptom" + i));
        }
        done.clear();
        closed = null;
        note = "";
      } else if (id != null && e.subject().equals("incident:" + id)) {
        if (e.action().equals("incident.step")) {
          done.putIfAbsent(IncidentStep.of(e.details().getOrDefault("step", "")), e.time());
        } else if (e.action().equals("incident.close")) {
          closed = e.time();
          note = e.details().getOrDefault("note", "");
        }
      }
    }
    if (id == null) {
      return Optional.empty();
    }
    return Optional.of(new IncidentStatus(id, discovered, started, symptoms, done, Optional.ofNullable(closed), note,
        killSwitch.state(), clock.instant()));
  }

  private IncidentStatus requireOpen() {
    IncidentStatus s = status().orElseThrow(() -> new PracticeException(Code.STATE, "incident", "no incident in progress: start one first"));
    if (!s.open()) {
      throw new PracticeException(Code.STATE, "incident", "incident " + s.incidentId() + " is closed: start a new one");
    }
    return s;
  }

  private void record(String incidentId, IncidentStep step, Map<String, String> details) {
    Map<String, String> d = new TreeMap<>(details);
    d.put("step", step.code());
    withLog(log -> log.append(new AuditEntry(clock.instant(), ACTOR, "incident.step", "incident:" + incidentId, "ok", d)));
  }

  private Path folder(String incidentId) {
    Path f = config.stateDir().resolve(incidentId);
    try {
      Files.createDirectories(f);
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "config.stateDir", "cannot create the incident folder", e);
    }
    return f;
  }

  private void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "incident." + file.getFileName(), "cannot write the file", e);
    }
  }

  /**
   * Starts incident mode and does the first step (cut): engages the kill switch.
   *
   * @param symptoms what was observed, 1 to 8 short texts (no patient data)
   * @param discoveredAt when the attack was discovered (starts the 72-hour CNIL clock)
   * @return the status
   * @throws PracticeException STATE when an incident is already open
   */
  public IncidentStatus start(List<String> symptoms, Instant discoveredAt) {
    Objects.requireNonNull(discoveredAt, "discoveredAt == null");
    if (symptoms == null || symptoms.isEmpty() || symptoms.size() > 8) {
      throw new PracticeException(Code.INVALID_INPUT, "incident.symptoms", "give 1 to 8 symptoms");
    }
    for (int i = 0; i < symptoms.size(); i++) {
      clean("incident.symptoms[" + i + "]", symptoms.get(i), 200);
    }
    Instant now = clock.instant();
    if (discoveredAt.isAfter(now)) {
      throw new PracticeException(Code.INVALID_INPUT, "incident.discoveredAt", "is in the future");
    }
    Optional<IncidentStatus> current = status();
    if (current.isPresent() && current.get().open()) {
      throw new PracticeException(Code.STATE, "incident", "incident " + current.get().incidentId() + " is already in progress");
    }
    String id = ID.format(now);
    Map<String, String> details = new TreeMap<>();
    details.put("discoveredAt", discoveredAt.toString());
    for (int i = 0; i < symptoms.size(); i++) {
      details.put("symptom" + i, symptoms.get(i));
    }
    // Cut first: if anything after this fails, outbound calls are already refused.
    killSwitch.engage(id, "incident en cours : " + symptoms.get(0), key, now);
    withLog(log -> log.append(new AuditEntry(now, ACTOR, "incident.start", "incident:" + id, "ok", details)));
    record(id, IncidentStep.CUT, Map.of("killSwitch", "engaged"));
    write(folder(id).resolve("1-couper.txt"), IncidentTexts.cut(id, now));
    return status().orElseThrow();
  }

  /**
   * Writes the message for the IT support (step 2) and records the step.
   *
   * @return the message text (French), also saved as {@code 2-alerte-support.txt}
   */
  public String alert() {
    IncidentStatus s = requireOpen();
    String text = IncidentTexts.alert(config.practice(), s);
    write(folder(s.incidentId()).resolve("2-alerte-support.txt"), text);
    record(s.incidentId(), IncidentStep.ALERT, Map.of());
    return text;
  }

  /**
   * Preserves evidence (step 3): a signed evidence bundle of the chosen folders and logs, with a
   * signed checkpoint of the audit log and the first chain-of-custody record.
   *
   * @param include the folders and files to keep (ransom note, sample encrypted files, logs, e-mails)
   * @param custodian who makes the bundle (a name, no patient data)
   * @return what was packaged
   */
  public EvidenceBundle.Created preserve(List<Path> include, String custodian) {
    IncidentStatus s = requireOpen();
    clean("incident.custodian", custodian, 128);
    Instant now = clock.instant();
    Path dir = folder(s.incidentId()).resolve("3-preuves-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
    String keyName = config.audit().get().keyName();
    EvidenceBundle.Created c = withLog(log -> EvidenceBundle.create(dir, s.incidentId(), include, log, keyName, key, now,
        custodian, maxEvidenceBytes));
    record(s.incidentId(), IncidentStep.PRESERVE, Map.of("manifestSha256", c.manifestSha256(), "files", Integer.toString(c.files())));
    return c;
  }

  /**
   * Prepares the declarations (step 4): the ARS / signalement portal content, the CNIL
   * notification draft (a breach record is added to the register at the discovery time if none
   * exists for this incident), and the police checklist.
   *
   * @return the files written, by name
   */
  public Map<String, Path> declare() {
    IncidentStatus s = requireOpen();
    Instant now = clock.instant();
    Path dir = folder(s.incidentId());
    BreachRecord breach;
    if (config.breaches().isPresent()) {
      BreachRegister reg = BreachRegisterFile.load(config.breaches().get());
      breach = reg.find(s.incidentId()).orElse(null);
      if (breach == null) {
        breach = BreachRecord.of(s.incidentId(), s.discoveredAt(), "incident de sécurité : " + String.join(" ; ", s.symptoms()),
            Set.of(DataCategory.HEALTH, DataCategory.IDENTITY_TRAITS), "à évaluer (indisponibilité ou divulgation des dossiers patients)",
            "connexions sortantes coupées, preuves préservées, support informatique alerté");
        reg.record(breach);
        BreachRegisterFile.save(reg, config.breaches().get());
      }
    } else {
      breach = BreachRecord.of(s.incidentId(), s.discoveredAt(), "incident de sécurité : " + String.join(" ; ", s.symptoms()),
          Set.of(DataCategory.HEALTH), "à évaluer", "connexions sortantes coupées");
    }
    BreachRecord b = breach;
    List<AuditEntry> entries = withLog(AuditLog::entries);
    CnilNotificationDraft draft = CnilNotificationDraft.assemble(b, entries, s.discoveredAt().minus(java.time.Duration.ofDays(30)),
        now, e -> !e.actor().equals(ACTOR) && !e.action().startsWith("backup."), config.practice().dpo(), now);
    Map<String, Path> files = new TreeMap<>();
    Path ars = dir.resolve("4-declaration-ars.txt");
    write(ars, IncidentTexts.ars(config.practice(), s, now));
    files.put("ars", ars);
    Path cnil = dir.resolve("4-notification-cnil.txt");
    write(cnil, IncidentTexts.cnil(config.practice(), s, draft));
    files.put("cnil", cnil);
    Path cnilJson = dir.resolve("4-notification-cnil.json");
    write(cnilJson, draft.toJson() + "\n");
    files.put("cnilJson", cnilJson);
    Path police = dir.resolve("4-plainte-police.txt");
    write(police, IncidentTexts.police(config.practice(), s));
    files.put("police", police);
    record(s.incidentId(), IncidentStep.DECLARE, Map.of("cnilHoursLeft", Long.toString(s.cnilTimeLeft().toHours())));
    return files;
  }

  /**
   * Recovers (step 5): runs a restore drill of the backup (the newest verified one on the
   * configured destinations by default), and restores it to {@code restoreTo} when given. Refused
   * until evidence is preserved: reinstalling first would destroy what the police needs.
   *
   * @param backup the backup to restore, or empty for the newest verified one
   * @param recipientKeys the practice's X25519 keyset (a recipient of the backup)
   * @param check the application's check of the restored data
   * @param restoreTo where to write the restored data, if wanted (must not exist)
   * @return the drill result
   * @throws PracticeException STATE before preserve; UNAVAILABLE when no verified backup exists
   */
  public RestoreDrill.DrillResult recover(Optional<Path> backup, Keyset recipientKeys, Predicate<Path> check, Optional<Path> restoreTo) {
    IncidentStatus s = requireOpen();
    if (!s.done().containsKey(IncidentStep.PRESERVE)) {
      throw new PracticeException(Code.STATE, "incident.recover", "preserve the evidence first: restoring or reinstalling destroys traces");
    }
    PracticeConfig.Backups b = config.backups().orElseThrow(() ->
        new PracticeException(Code.INVALID_INPUT, "config.backups", "no backup section: nothing to restore from"));
    String recipient = b.restoreRecipient().orElse("practice");
    Path file = backup.orElseGet(() -> newestVerified(b));
    RestoreDrill.DrillResult r = withLog(log -> RestoreDrill.builder(file, b.signer(), recipient, recipientKeys)
        .clock(clock).check(check).auditLog(log, ACTOR).scratchDirectory(folder(s.incidentId())).build().run());
    if (r.success() && restoreTo.isPresent()) {
      BackupReport rep;
      try { // never a partial plaintext at the target, even killed or failing
        rep = Backup.restoreTo(file, b.signer(), recipient, recipientKeys, restoreTo.get());
      } catch (dev.ins.security.InsCryptoException e) {
        throw new PracticeException(Code.IO, "incident.restoreTo", "cannot write the restored data", e);
      }
      if (!rep.intact()) {
        throw new PracticeException(Code.VERIFICATION_FAILED, "incident.recover", "the restore failed: " + String.join("; ", rep.findings()));
      }
    }
    if (r.success()) {
      record(s.incidentId(), IncidentStep.RECOVER, Map.of("backup", r.backupId().orElse("")));
    }
    return r;
  }

  private static Path newestVerified(PracticeConfig.Backups b) {
    Path best = null;
    Instant bestAt = Instant.MIN;
    for (PracticeConfig.Destination d : b.destinations()) {
      if (!Files.isDirectory(d.path())) {
        continue;
      }
      try (var files = Files.list(d.path())) {
        for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".insbak"))::iterator) {
          BackupReport r = Backup.verify(p, b.signer());
          if (r.intact() && r.manifest().isPresent() && r.manifest().get().createdAt().isAfter(bestAt)) {
            best = p;
            bestAt = r.manifest().get().createdAt();
          }
        }
      } catch (IOException e) {
        // an unreadable destination is skipped
      }
    }
    if (best == null) {
      throw new PracticeException(Code.UNAVAILABLE, "config.backups.destinations", "no verified backup found on the reachable destinations");
    }
    return best;
  }

  /**
   * Closes the incident: releases the kill switch (outbound calls allowed again) and records the
   * post-incident note. Steps not done are listed in the record.
   *
   * @param note the post-incident note (what happened, what was done, what changes), no patient data
   * @return the final status
   */
  public IncidentStatus close(String note) {
    clean("incident.note", note, 256);
    IncidentStatus s = requireOpen();
    Instant now = clock.instant();
    List<String> skipped = new ArrayList<>();
    for (IncidentStep step : IncidentStep.values()) {
      if (!s.done().containsKey(step)) {
        skipped.add(step.code());
      }
    }
    KillSwitchState released = killSwitch.release(s.incidentId(), note, key, now);
    Map<String, String> d = new TreeMap<>();
    d.put("note", note);
    d.put("skipped", String.join(",", skipped));
    d.put("killSwitch", released.status().name().toLowerCase(java.util.Locale.ROOT));
    withLog(log -> log.append(new AuditEntry(now, ACTOR, "incident.close", "incident:" + s.incidentId(), "ok", d)));
    write(folder(s.incidentId()).resolve("6-cloture.txt"), IncidentTexts.close(s, note, skipped, now));
    return status().orElseThrow();
  }
}
