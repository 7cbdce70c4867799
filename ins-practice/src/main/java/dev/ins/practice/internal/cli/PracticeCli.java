package dev.ins.practice.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.SecretFile;
import dev.ins.practice.Posture;
import dev.ins.practice.PostureReport;
import dev.ins.practice.PostureStatus;
import dev.ins.practice.PracticeConfig;
import dev.ins.practice.PracticeException;
import dev.ins.practice.auth.CnilThreshold;
import dev.ins.practice.auth.PasswordStrengthMeter;
import dev.ins.practice.auth.PasswordVerdict;
import dev.ins.practice.auth.Totp;
import dev.ins.practice.auth.TotpAlgorithm;
import dev.ins.practice.incident.EvidenceBundle;
import dev.ins.practice.incident.IncidentMode;
import dev.ins.practice.incident.IncidentStatus;
import dev.ins.practice.incident.IncidentStep;
import dev.ins.practice.updates.FloorList;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.SecretBytes;
import dev.ins.security.backup.RestoreDrill;
import dev.ins.security.killswitch.OutboundBlockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code practice} command line: {@code posture}, {@code incident start|status|step|close},
 * {@code auth strength|totp-enrol|totp-check}, {@code advisory sign|verify}. One JSON object on
 * standard output; exit codes of {@link ExitCode} ({@code posture}: 0 GREEN, 1 AMBER or RED).
 */
@Command(name = "practice", description = "Bilan de sécurité, mode incident et authentification du cabinet (ins-sdk).",
    subcommands = {PracticeCli.PostureCmd.class, PracticeCli.IncidentCmd.class, PracticeCli.AuthCmd.class, PracticeCli.AdvisoryCmd.class})
public final class PracticeCli {
  final Map<String, String> env;
  final Clock clock;
  final InputStream stdin;

  /**
   * Creates the tool.
   *
   * @param env the environment (secrets are read from named variables)
   * @param clock the clock
   * @param stdin where {@code auth strength} reads the password when no other source is given
   */
  public PracticeCli(Map<String, String> env, Clock clock, InputStream stdin) {
    this.env = env;
    this.clock = clock;
    this.stdin = stdin;
  }

  /**
   * Runs the tool.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(Cli.run(new PracticeCli(System.getenv(), Clock.systemUTC(), System.in), System.out, System.err, args));
  }

  /** Maps the SDK's errors to the shared exit codes, without internal details. */
  static CliFailure failure(RuntimeException e) {
    if (e instanceof CliFailure f) {
      return f;
    }
    if (e instanceof PracticeException p) {
      ExitCode code = switch (p.code()) {
        case INVALID_INPUT -> ExitCode.INPUT;
        case UNAVAILABLE -> ExitCode.UNAVAILABLE;
        case STATE, VERIFICATION_FAILED -> ExitCode.REFUSED;
        case IO -> ExitCode.OUTPUT;
      };
      return new CliFailure(code, p.code().name(), p.getMessage(), p);
    }
    if (e instanceof OutboundBlockedException o) {
      return new CliFailure(ExitCode.REFUSED, "KILL_SWITCH", o.getMessage(), o);
    }
    if (e instanceof InsCryptoException c) {
      if (c.code() == InsCryptoException.Code.DECRYPTION_FAILED) {
        return new CliFailure(ExitCode.REFUSED, "WRONG_PASSWORD", c.field() + ": wrong password or modified file", c);
      }
      return new CliFailure(c.code() == InsCryptoException.Code.IO ? ExitCode.INPUT : ExitCode.REFUSED, c.code().name(), c.getMessage(), c);
    }
    throw e;
  }

  char[] secret(String envName, Path file, String what) {
    if (file != null) {
      try {
        return SecretFile.read(file);
      } catch (SecretFile.UnreadableException e) {
        throw new CliFailure(ExitCode.INPUT, "SECRET_FILE", what + ": the password file " + e.getMessage(), e);
      }
    }
    String v = env.get(envName);
    if (v == null) {
      throw new CliFailure(ExitCode.INPUT, "SECRET_MISSING", what + ": set the environment variable " + envName + " (or give --password-file)");
    }
    return v.toCharArray();
  }

  Keyset openKeyset(Path file, String envName, Path passwordFile, String what) {
    byte[] sealed;
    try {
      sealed = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "KEY_FILE", what + ": the key file cannot be read", e);
    }
    char[] pw = secret(envName, passwordFile, what);
    try {
      return KeysetVault.openWithPassword(sealed, pw);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  static PracticeConfig config(Path file) {
    return PracticeConfig.load(file);
  }

  /** Options shared by the commands that open the practice's sealed keys. */
  static final class KeyPassword {
    @Option(names = "--password-env", paramLabel = "VAR", description = "Variable holding the key files' password (default INS_KEY_PASSWORD).")
    String passwordEnv = "INS_KEY_PASSWORD";

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the key files' password.")
    Path passwordFile;
  }

  // ---------------------------------------------------------------------------------- posture

  /** {@code practice posture}. */
  @Command(name = "posture", description = "Bilan de sécurité du cabinet (JSON ; --html pour la page imprimable). Sortie 0 si VERT, 1 sinon.")
  static final class PostureCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand PracticeCli root;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The practice configuration (JSON).")
    Path config;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the one-page HTML report here.")
    Path html;

    @Override
    public Integer call() {
      try {
        PostureReport r = Posture.builder(config(config)).clock(root.clock).environment(root.env::get).build().run();
        if (html != null) {
          try {
            Files.writeString(html, r.toHtml(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new CliFailure(ExitCode.OUTPUT, "HTML_NOT_WRITTEN", "--html: the report cannot be written", e);
          }
        }
        Cli.print(spec, r.toMap());
        return r.overall() == PostureStatus.GREEN ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  // ---------------------------------------------------------------------------------- incident

  /** {@code practice incident}. */
  @Command(name = "incident", description = "Mode incident : start, status, step, close.",
      subcommands = {StartCmd.class, StatusCmd.class, StepCmd.class, CloseCmd.class, VerifyEvidenceCmd.class})
  static final class IncidentCmd {
    @ParentCommand PracticeCli root;
  }

  abstract static class IncidentSub implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand IncidentCmd parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The practice configuration (JSON).")
    Path config;

    @picocli.CommandLine.Mixin KeyPassword password = new KeyPassword();

    IncidentMode mode(PracticeConfig c) {
      Path keyFile = c.signingKey().orElseThrow(() ->
          new PracticeException(PracticeException.Code.INVALID_INPUT, "config.signingKey", "incident mode needs the signing key file"));
      Keyset ks = parent.root.openKeyset(keyFile, password.passwordEnv, password.passwordFile, "signingKey");
      return IncidentMode.builder(c, Ed25519SigningKey.fromKeyset(ks)).clock(parent.root.clock).build();
    }

    @Override
    public Integer call() {
      preflight();
      try {
        return run(config(config));
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }

    /** Checks the command line before anything is read. */
    void preflight() {}

    abstract Integer run(PracticeConfig c);

    Integer print(Map<String, Object> m) {
      Cli.print(spec, m);
      return ExitCode.DONE.code();
    }
  }

  /** {@code practice incident start}. */
  @Command(name = "start", description = "Démarre le mode incident et coupe les connexions sortantes (étape 1).")
  static final class StartCmd extends IncidentSub {
    @Option(names = "--symptom", required = true, paramLabel = "TEXT", description = "What was observed (repeatable, no patient data).")
    List<String> symptoms;

    @Option(names = "--discovered-at", paramLabel = "ISO-8601", description = "When the attack was discovered (default: now).")
    String discoveredAt;

    @Override
    Integer run(PracticeConfig c) {
      Instant at;
      try {
        at = discoveredAt == null ? parent.root.clock.instant() : Instant.parse(discoveredAt);
      } catch (DateTimeParseException e) {
        throw new CliFailure(ExitCode.INPUT, "BAD_TIME", "--discovered-at: expected an ISO-8601 instant such as 2026-12-03T08:15:00Z");
      }
      IncidentStatus s = mode(c).start(symptoms, at);
      Map<String, Object> m = s.toMap();
      m.put("todo", "Débranchez le câble réseau et coupez le Wi-Fi des postes touchés ; n'éteignez pas les postes ; ne payez pas.");
      return print(m);
    }
  }

  /** {@code practice incident status}. */
  @Command(name = "status", description = "État de l'incident : étapes faites, prochaine étape, heures restantes avant l'échéance CNIL.")
  static final class StatusCmd extends IncidentSub {
    @Override
    Integer run(PracticeConfig c) {
      // Reading the status needs no key: it is rebuilt from the audit log.
      IncidentMode m = IncidentMode.builder(c, Ed25519SigningKey.generate()).clock(parent.root.clock).build();
      Optional<IncidentStatus> s = m.status();
      if (s.isEmpty()) {
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("incident", null);
        return print(none);
      }
      return print(s.get().toMap());
    }
  }

  /** {@code practice incident step}. */
  @Command(name = "step", description = "Fait une étape : alerter, preserver, declarer, restaurer.")
  static final class StepCmd extends IncidentSub {
    @Parameters(index = "0", paramLabel = "STEP", description = "alerter | preserver | declarer | restaurer")
    String step;

    @Option(names = "--include", paramLabel = "PATH", description = "preserver: a folder or file to keep as evidence (repeatable).")
    List<Path> include = new ArrayList<>();

    @Option(names = "--custodian", paramLabel = "NAME", description = "preserver: who makes the bundle.")
    String custodian;

    @Option(names = "--backup", paramLabel = "FILE", description = "restaurer: the backup (default: the newest verified one).")
    Path backup;

    @Option(names = "--restore-to", paramLabel = "FILE", description = "restaurer: also write the restored data here.")
    Path restoreTo;

    @Override
    void preflight() {
      try {
        IncidentStep.of(step);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(ExitCode.USAGE, "USAGE", "STEP must be alerter, preserver, declarer or restaurer");
      }
    }

    @Override
    Integer run(PracticeConfig c) {
      IncidentStep s = IncidentStep.of(step);
      IncidentMode mode = mode(c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", s.code());
      switch (s) {
        case ALERT -> m.put("message", mode.alert());
        case PRESERVE -> {
          if (include.isEmpty() || custodian == null) {
            throw new CliFailure(ExitCode.USAGE, "USAGE", "preserver needs --include PATH (at least one) and --custodian NAME");
          }
          EvidenceBundle.Created b = mode.preserve(include, custodian);
          m.put("bundle", b.folder().toString());
          m.put("files", b.files());
          m.put("bytes", b.bytes());
          m.put("manifestSha256", b.manifestSha256());
          m.put("skipped", b.skipped());
        }
        case DECLARE -> {
          Map<String, Object> files = new LinkedHashMap<>();
          mode.declare().forEach((k, v) -> files.put(k, v.toString()));
          m.put("files", files);
        }
        case RECOVER -> {
          PracticeConfig.Backups b = c.backups().orElseThrow(() ->
              new PracticeException(PracticeException.Code.INVALID_INPUT, "config.backups", "no backup section"));
          Path keyFile = b.restoreKey().orElseThrow(() ->
              new PracticeException(PracticeException.Code.INVALID_INPUT, "config.backups.restoreKey", "needed to restore"));
          Keyset keys = parent.root.openKeyset(keyFile, password.passwordEnv, password.passwordFile, "restoreKey");
          RestoreDrill.DrillResult r = mode.recover(Optional.ofNullable(backup), keys, p -> true, Optional.ofNullable(restoreTo));
          m.put("success", r.success());
          m.put("backupId", r.backupId().orElse(null));
          m.put("restoredBytes", r.restoredBytes());
          m.put("findings", r.findings());
          Cli.print(spec, m);
          return r.success() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
        }
        default -> throw new CliFailure(ExitCode.USAGE, "USAGE", "the cut step is done by incident start");
      }
      return print(m);
    }
  }

  /** {@code practice incident close}. */
  @Command(name = "close", description = "Clôt l'incident avec une note et rétablit les connexions sortantes.")
  static final class CloseCmd extends IncidentSub {
    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "The post-incident note (no patient data).")
    String note;

    @Override
    Integer run(PracticeConfig c) {
      return print(mode(c).close(note).toMap());
    }
  }

  /** {@code practice incident verify-evidence}. */
  @Command(name = "verify-evidence", description = "Vérifie un dossier de preuves : exit 0 intact, 1 modifié (chaque écart est listé).")
  static final class VerifyEvidenceCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "The evidence bundle folder.")
    Path bundle;

    @Option(names = "--public-key", required = true, paramLabel = "BASE64", description = "The signer's Ed25519 public key.")
    String publicKey;

    @Override
    public Integer call() {
      Ed25519PublicKey key;
      try {
        key = Ed25519PublicKey.parse(publicKey);
      } catch (InsCryptoException e) {
        throw new CliFailure(ExitCode.INPUT, "BAD_KEY", "--public-key: not a base64 Ed25519 public key");
      }
      EvidenceBundle.Verification v = EvidenceBundle.verify(bundle, key);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("intact", v.intact());
      m.put("incidentId", v.incidentId());
      m.put("custodyRecords", v.custodyRecords());
      m.put("findings", v.findings());
      Cli.print(spec, m);
      return v.intact() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    }
  }

  // ---------------------------------------------------------------------------------- auth

  /** {@code practice auth}. */
  @Command(name = "auth", description = "Mots de passe et second facteur : strength, totp-enrol, totp-check.",
      subcommands = {StrengthCmd.class, TotpEnrolCmd.class, TotpCheckCmd.class})
  static final class AuthCmd {
    @ParentCommand PracticeCli root;
  }

  /** {@code practice auth strength}. */
  @Command(name = "strength", description = "Robustesse d'un mot de passe (zxcvbn, dictionnaires français) face aux seuils CNIL. "
      + "Le mot de passe est lu sur l'entrée standard (première ligne), ou --password-env / --password-file.")
  static final class StrengthCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand AuthCmd parent;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
    Path passwordFile;

    @Option(names = "--user-input", paramLabel = "TEXT", description = "What an attacker knows (names, login, practice, city); repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--level", paramLabel = "LEVEL", description = "password_only (80), with_brute_force_limits (50, default), device_lockout (13).")
    CnilThreshold level = CnilThreshold.WITH_BRUTE_FORCE_LIMITS;

    @Override
    public Integer call() {
      char[] pw;
      if (passwordEnv != null || passwordFile != null) {
        pw = parent.root.secret(passwordEnv, passwordFile, "password");
      } else {
        try {
          String line = new BufferedReader(new InputStreamReader(parent.root.stdin, StandardCharsets.UTF_8)).readLine();
          if (line == null) {
            throw new CliFailure(ExitCode.INPUT, "NO_PASSWORD", "no password on standard input");
          }
          pw = line.toCharArray();
        } catch (IOException e) {
          throw new CliFailure(ExitCode.INPUT, "NO_PASSWORD", "standard input cannot be read", e);
        }
      }
      PasswordVerdict v;
      try {
        v = PasswordStrengthMeter.french().evaluate(pw, inputs);
      } finally {
        Arrays.fill(pw, '\0');
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bits", Math.round(v.bits() * 10) / 10.0);
      m.put("zxcvbnScore", v.score());
      m.put("level", level.name());
      m.put("meets", v.meets(level));
      Map<String, Object> all = new LinkedHashMap<>();
      for (CnilThreshold t : CnilThreshold.values()) {
        all.put(t.name(), v.meets(t));
      }
      m.put("thresholds", all);
      m.put("patterns", v.patterns());
      m.put("warning", v.warning());
      m.put("suggestions", v.suggestions());
      Cli.print(spec, m);
      return v.meets(level) ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    }
  }

  /** {@code practice auth totp-enrol}. */
  @Command(name = "totp-enrol", description = "Crée un secret TOTP scellé (fichier de clés) et affiche l'URI otpauth:// à montrer en QR code.")
  static final class TotpEnrolCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand AuthCmd parent;
    @picocli.CommandLine.Mixin KeyPassword password = new KeyPassword();

    @Option(names = "--issuer", required = true, paramLabel = "NAME", description = "The practice software's name.")
    String issuer;

    @Option(names = "--account", required = true, paramLabel = "LOGIN", description = "The user's login.")
    String account;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The sealed secret file to create.")
    Path out;

    @Option(names = "--algorithm", paramLabel = "ALG", description = "sha1 (default), sha256 or sha512.")
    TotpAlgorithm algorithm = TotpAlgorithm.SHA1;

    @Override
    public Integer call() {
      try {
        Keyset ks = Keyset.generate(KeyType.HMAC_SHA256);
        Totp totp = Totp.builder().algorithm(algorithm).build();
        String uri = totp.otpauthUri(issuer, account, ks.primary().material());
        char[] pw = parent.root.secret(password.passwordEnv, password.passwordFile, "password");
        try {
          Files.write(out, KeysetVault.sealWithPassword(ks, pw), StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
          throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "--out: the file exists or cannot be written", e);
        } finally {
          Arrays.fill(pw, '\0');
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", uri);
        m.put("secretFile", out.toString());
        m.put("next", "Montrez l'URI en QR code une seule fois, puis exigez un premier code valide (totp-check) pour confirmer.");
        Cli.print(spec, m);
        return ExitCode.DONE.code();
      } catch (IllegalArgumentException e) {
        throw new CliFailure(ExitCode.INPUT, "BAD_LABEL", "--issuer and --account must be non-blank and must not contain ':'");
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  /** {@code practice auth totp-check}. */
  @Command(name = "totp-check", description = "Vérifie un code TOTP (±1 pas, rejeu refusé avec --last-step).")
  static final class TotpCheckCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand AuthCmd parent;
    @picocli.CommandLine.Mixin KeyPassword password = new KeyPassword();

    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "The sealed secret file.")
    Path secretFile;

    @Option(names = "--code", required = true, paramLabel = "DIGITS", description = "The code typed by the user.")
    String code;

    @Option(names = "--last-step", paramLabel = "N", description = "The step of the last accepted code (replay refused).")
    Long lastStep;

    @Option(names = "--algorithm", paramLabel = "ALG", description = "sha1 (default), sha256 or sha512.")
    TotpAlgorithm algorithm = TotpAlgorithm.SHA1;

    @Override
    public Integer call() {
      try {
        SecretBytes secret = parent.root.openKeyset(secretFile, password.passwordEnv, password.passwordFile, "secret-file").primary().material();
        Totp.Verification v = Totp.builder().algorithm(algorithm).build()
            .verify(secret, code, parent.root.clock.instant(), lastStep == null ? OptionalLong.empty() : OptionalLong.of(lastStep));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", v.accepted());
        m.put("reason", v.reason().name());
        m.put("step", v.acceptedStep().isPresent() ? v.acceptedStep().getAsLong() : null);
        Cli.print(spec, m);
        return v.accepted() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  // ---------------------------------------------------------------------------------- advisory

  /** {@code practice advisory}. */
  @Command(name = "advisory", description = "Avis de sécurité signés (liste des versions vulnérables) : sign, verify.",
      subcommands = {SignCmd.class, VerifyCmd.class})
  static final class AdvisoryCmd {
    @ParentCommand PracticeCli root;
  }

  /** {@code practice advisory sign}. */
  @Command(name = "sign", description = "Signs a floor list (maintainers): checks every rule, then writes the signed advisory file.")
  static final class SignCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand AdvisoryCmd parent;
    @picocli.CommandLine.Mixin KeyPassword password = new KeyPassword();

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The floor list as plain JSON.")
    Path in;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "The maintainers' sealed Ed25519 keyset.")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The advisory file to create.")
    Path out;

    @Override
    public Integer call() {
      try {
        byte[] json;
        try {
          json = Files.readAllBytes(in);
        } catch (IOException e) {
          throw new CliFailure(ExitCode.INPUT, "INPUT_UNREADABLE", "--in: the file cannot be read", e);
        }
        Ed25519SigningKey k = Ed25519SigningKey.fromKeyset(parent.root.openKeyset(key, password.passwordEnv, password.passwordFile, "key"));
        String signed = FloorList.sign(json, k);
        try {
          Files.writeString(out, signed, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
          throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "--out: the file exists or cannot be written", e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advisory", out.toString());
        m.put("signer", k.publicKey().toBase64());
        Cli.print(spec, m);
        return ExitCode.DONE.code();
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  /** {@code practice advisory verify}. */
  @Command(name = "verify", description = "Verifies an advisory file against trusted keys: exit 0 valid, 1 refused.")
  static final class VerifyCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The advisory file.")
    Path in;

    @Option(names = "--trusted-key", required = true, paramLabel = "BASE64", description = "A trusted signer's public key (repeatable).")
    List<String> trusted;

    @Override
    public Integer call() {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(in);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.INPUT, "INPUT_UNREADABLE", "--in: the file cannot be read", e);
      }
      List<Ed25519PublicKey> keys = new ArrayList<>();
      try {
        for (String t : trusted) {
          keys.add(Ed25519PublicKey.parse(t));
        }
      } catch (InsCryptoException e) {
        throw new CliFailure(ExitCode.INPUT, "BAD_KEY", "--trusted-key: not a base64 Ed25519 public key");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      try {
        FloorList f = FloorList.verifyAdvisory(bytes, keys);
        m.put("valid", true);
        m.put("generatedAt", f.generatedAt().toString());
        m.put("validUntil", f.validUntil().toString());
        Cli.print(spec, m);
        return ExitCode.DONE.code();
      } catch (PracticeException e) {
        m.put("valid", false);
        m.put("reason", e.getMessage());
        Cli.print(spec, m);
        return ExitCode.NEGATIVE.code();
      }
    }
  }
}
