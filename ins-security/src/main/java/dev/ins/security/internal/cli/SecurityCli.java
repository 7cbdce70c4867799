package dev.ins.security.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.SecretFile;
import dev.ins.security.Argon2Params;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.KeysetVault;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.audit.AuditReport;
import dev.ins.security.audit.AuditVerifier;
import dev.ins.security.audit.Checkpoint;
import dev.ins.security.backup.Backup;
import dev.ins.security.backup.BackupManifest;
import dev.ins.security.backup.BackupRecipient;
import dev.ins.security.backup.BackupReport;
import dev.ins.security.internal.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The ins-security command line: a thin picocli shell over the public API (conventions of
 * {@link Cli}), one JSON object out.
 *
 * <p>Exit codes ({@link ExitCode}): 0 done (a backup or log intact); 1 tampering or a failed check;
 * 2 usage (a label or metadata the manifest refuses included); 3 an input file missing, too large,
 * malformed or not a regular file; 5 a key file's password wrong or its cost above the policy;
 * 6 an output that exists or cannot be written (never replaced, nothing left on failure).
 *
 * <p>Files: key files are created 0600 from the start; every small input (key, password, checkpoint)
 * is read with a size bound; {@code backup create} and {@code backup restore} write where an
 * interruption leaves nothing at {@code --out} (and, for a restore, nothing readable at all).
 * Passwords come from the environment variable named by {@code --password-env} (default
 * {@code INS_KEY_PASSWORD}) or from {@code --password-file}; neither value is ever printed.
 */
@Command(name = "ins-security", description = "Key files, encrypted backups and the audit log (one JSON object out).",
    subcommands = {SecurityCli.Keygen.class, SecurityCli.BackupCommands.class, SecurityCli.AuditCommands.class})
public final class SecurityCli {

  /** Largest key file read. */
  static final int MAX_KEY_FILE = 1 << 20;
  /** Largest password file read. */
  static final int MAX_PASSWORD_FILE = SecretFile.MAX_BYTES;
  /** Largest checkpoint file read. */
  static final int MAX_CHECKPOINT_FILE = 64 * 1024;
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final String DEFAULT_PASSWORD_ENV = "INS_KEY_PASSWORD";

  private final Map<String, String> env;

  /** Creates the command over the process environment (picocli instantiates it). */
  public SecurityCli() {
    this(System.getenv());
  }

  private SecurityCli(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, System.getenv(), args));
  }

  /**
   * Runs a command.
   *
   * @param out where the JSON result (or help text) goes
   * @param err where error lines go
   * @param env the environment (for passwords)
   * @param args the arguments
   * @return the exit status
   */
  public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
    return Cli.run(new SecurityCli(env), out, err, args);
  }

  private static Map<String, String> env(CommandSpec spec) {
    return ((SecurityCli) spec.root().userObject()).env;
  }

  /** Where a key file's password comes from. */
  static final class PasswordOptions {
    @Option(names = "--password-env", paramLabel = "VAR",
        description = "the NAME of the environment variable holding the key file's password (default INS_KEY_PASSWORD)")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "a file holding the password (one line)")
    Path passwordFile;

    char[] password(CommandSpec spec) {
      if (passwordEnv != null && passwordFile != null) {
        throw CliFailure.usage("give --password-env or --password-file, not both");
      }
      if (passwordFile != null) {
        char[] secret;
        try {
          secret = SecretFile.read(passwordFile);
        } catch (SecretFile.UnreadableException e) {
          // The path is not shown: it may be the password itself, put in the wrong place.
          throw switch (e.problem()) {
            case UNREADABLE -> new CliFailure(ExitCode.INPUT, "FILE_NOT_READABLE",
                "option '--password-file': no such file or unreadable (path not shown)");
            case TOO_LARGE -> new CliFailure(ExitCode.INPUT, "FILE_TOO_LARGE",
                "option '--password-file': larger than " + MAX_PASSWORD_FILE + " bytes (path not shown)");
            case NOT_UTF8 -> new CliFailure(ExitCode.INPUT, "MALFORMED", "option '--password-file': not UTF-8 text");
          };
        }
        if (secret.length == 0) {
          throw new CliFailure(ExitCode.INPUT, "NO_PASSWORD", "option '--password-file': the file is empty");
        }
        return secret;
      }
      String var = passwordEnv == null ? DEFAULT_PASSWORD_ENV : passwordEnv;
      if (!ENV_NAME.matcher(var).matches()) {
        throw CliFailure.usage("option '--password-env' takes the NAME of an environment variable, not a"
            + " password (value not shown)");
      }
      String p = env(spec).get(var);
      if (p == null || p.isEmpty()) {
        throw new CliFailure(ExitCode.INPUT, "NO_PASSWORD", passwordEnv == null
            ? "no password: set " + DEFAULT_PASSWORD_ENV + ", or give --password-env VAR or --password-file FILE"
            : "no password: the environment variable named by --password-env is not set or empty (name not shown)");
      }
      return p.toCharArray();
    }
  }

  /** Reads and opens a password-sealed key file. */
  static Keyset loadKey(String option, Path file, PasswordOptions passwords, CommandSpec spec) {
    byte[] sealed = readInput(option, file, MAX_KEY_FILE);
    char[] password = passwords.password(spec);
    try {
      return KeysetVault.openWithPassword(sealed, password);
    } catch (InsCryptoException e) {
      throw failure(option, e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Reads a small input file with a size bound, naming the option and the file on failure. */
  static byte[] readInput(String option, Path file, int max) {
    try {
      return SafeFiles.readBounded(file, max, option);
    } catch (InsCryptoException e) {
      if (e.code() == InsCryptoException.Code.POLICY_VIOLATION) {
        throw new CliFailure(ExitCode.INPUT, "FILE_TOO_LARGE", "option '" + option + "': " + file
            + " is larger than " + max + " bytes (not read)");
      }
      throw new CliFailure(ExitCode.INPUT, e.getCause() instanceof NoSuchFileException ? "FILE_NOT_FOUND" : "FILE_NOT_READABLE",
          "option '" + option + "': " + file + (e.getCause() instanceof NoSuchFileException ? ": no such file" : ": cannot be read"));
    }
  }

  private static void requireRegularFile(String option, Path file) {
    if (!Files.exists(file)) {
      throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "option '" + option + "': " + file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(ExitCode.INPUT, "NOT_A_FILE", "option '" + option + "': " + file
          + " is not a regular file (a device, pipe or directory has no size bound)");
    }
  }

  private static void requireAbsent(String option, Path file) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "option '" + option + "': " + file
          + " exists; refusing to overwrite");
    }
  }

  /** Maps an SDK error on the given option's input to the exit-code table. */
  static CliFailure failure(String option, InsCryptoException e) {
    ExitCode exit;
    switch (e.code()) {
      case DECRYPTION_FAILED:
        return new CliFailure(ExitCode.REFUSED, e.code().name(), "option '" + option
            + "': wrong password or key, or the file was modified (" + e.getMessage() + ")", e);
      case POLICY_VIOLATION:
      case UNKNOWN_KEY:
      case KEY_DISABLED:
      case VERIFICATION_FAILED:
        exit = ExitCode.REFUSED;
        break;
      case UNSUPPORTED_PROVIDER:
        exit = ExitCode.UNAVAILABLE;
        break;
      default:
        exit = ExitCode.INPUT;
    }
    return new CliFailure(exit, e.code().name(), "option '" + option + "': " + e.getMessage(), e);
  }

  private static void print(CommandSpec spec, String json) {
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
  }

  private static Ed25519PublicKey publicKey(String option, String base64) {
    try {
      return Ed25519PublicKey.parse(base64);
    } catch (InsCryptoException | IllegalArgumentException e) {
      throw CliFailure.usage("option '" + option + "': not a base64 Ed25519 public key (value not shown)");
    }
  }

  /** {@code keygen}: a new keyset sealed under the password, in a file created 0600. */
  @Command(name = "keygen", description = "Generate a keyset sealed under a password (file created 0600, never replaced).")
  static final class Keygen implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PasswordOptions passwords;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
        description = "ed25519, x25519, aes-256-gcm, chacha20-poly1305 or hmac-sha256")
    String type;

    @Option(names = "--out", required = true, paramLabel = "KEYFILE", description = "the key file to create")
    Path out;

    @Override
    public Integer call() {
      KeyType t;
      try {
        t = KeyType.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("option '--type': expected ed25519, x25519, aes-256-gcm, chacha20-poly1305 or"
            + " hmac-sha256 (value not shown)");
      }
      requireAbsent("--out", out);
      char[] password = passwords.password(spec);
      Keyset ks = Keyset.generate(t);
      try {
        SafeFiles.createPrivate(out, KeysetVault.sealWithPassword(ks, password, Argon2Params.recommended()));
      } catch (FileAlreadyExistsException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "option '--out': " + out
            + " exists; refusing to overwrite", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_FAILED", "option '--out': " + out + ": cannot be written", e);
      } finally {
        Arrays.fill(password, '\0');
      }
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("ok", true);
      j.put("file", out.toString());
      j.put("type", t.name());
      j.put("keyId", ks.primary().idHex());
      if (t == KeyType.ED25519) {
        j.put("publicKey", Ed25519SigningKey.fromKeyset(ks).publicKey().toBase64());
      } else if (t == KeyType.X25519) {
        j.put("publicKey", Base64.getEncoder().encodeToString(BackupRecipient.fromKeyset("k", ks).publicKey()));
      }
      Cli.print(spec, j);
      return ExitCode.DONE.code();
    }
  }

  /** {@code backup}: create, verify, restore. */
  @Command(name = "backup", description = "Encrypted, signed backups.",
      subcommands = {BackupCreate.class, BackupVerify.class, BackupRestore.class})
  static final class BackupCommands {}

  /** {@code backup create}. */
  @Command(name = "create", description = "Encrypt and sign a file for one or more recipients;"
      + " a failure leaves nothing at --out.")
  static final class BackupCreate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PasswordOptions passwords;

    @Option(names = "--in", required = true, paramLabel = "PLAINFILE", description = "the file to back up (a regular file)")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "BACKUP", description = "the backup file to create")
    Path out;

    @Option(names = "--signing-key", required = true, paramLabel = "KEYFILE", description = "an ed25519 key file")
    Path signingKey;

    @Option(names = "--recipient", required = true, paramLabel = "ID:BASE64",
        description = "a recipient: its id and X25519 public key (repeatable)")
    List<String> recipients;

    @Option(names = "--label", paramLabel = "TEXT", description = "a short label (no patient data), 1..128 characters")
    String label;

    @Option(names = "--meta", paramLabel = "K=V", description = "a metadata pair, no patient data (repeatable)")
    List<String> meta = new ArrayList<>();

    @Override
    public Integer call() {
      Backup.Writer.Builder b = Backup.writer();
      try {
        if (label != null) {
          b.label(label);
        }
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("option '--label': " + e.getMessage() + " (value not shown)");
      }
      for (String r : recipients) {
        int c = r.indexOf(':');
        if (c < 1) {
          throw CliFailure.usage("option '--recipient': expected ID:BASE64_X25519_PUBLIC (value not shown)");
        }
        try {
          b.recipient(BackupRecipient.of(r.substring(0, c), Base64.getDecoder().decode(r.substring(c + 1))));
        } catch (IllegalArgumentException | InsCryptoException e) {
          throw CliFailure.usage("option '--recipient': the id or the base64 X25519 public key is invalid (value not shown)");
        }
      }
      for (String m : meta) {
        int eq = m.indexOf('=');
        if (eq < 1) {
          throw CliFailure.usage("option '--meta': expected K=V (value not shown)");
        }
        try {
          b.metadata(m.substring(0, eq), m.substring(eq + 1));
        } catch (IllegalArgumentException e) {
          throw CliFailure.usage("option '--meta': " + e.getMessage() + " (value not shown)");
        }
      }
      requireRegularFile("--in", in);
      requireAbsent("--out", out);
      b.signer(Ed25519SigningKey.fromKeyset(loadKey("--signing-key", signingKey, passwords, spec)));
      Backup.Writer w;
      try {
        w = b.build();
      } catch (IllegalStateException e) {
        throw CliFailure.usage(e.getMessage());
      }
      BackupManifest m;
      try (SafeFiles.Staged staged = SafeFiles.stage(out, "backup")) {
        try (InputStream is = Files.newInputStream(in)) {
          m = w.write(is, staged.stream());
        } catch (IOException e) {
          throw new CliFailure(ExitCode.INPUT, "FILE_NOT_READABLE", "option '--in': " + in + ": cannot be read", e);
        } catch (InsCryptoException e) {
          throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_FAILED", "option '--out': the backup could not be written"
              + " (nothing was left at " + out + ")", e);
        }
        staged.publish();
      } catch (FileAlreadyExistsException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "option '--out': " + out
            + " appeared during the backup; it was not replaced", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_FAILED", "option '--out': " + out + ": cannot be written", e);
      }
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("ok", true);
      j.put("file", out.toString());
      j.put("backupId", m.backupId());
      j.put("plaintextLength", m.plaintextLength());
      j.put("payloadSha256", m.payloadSha256());
      j.put("signer", m.signer());
      Cli.print(spec, j);
      return ExitCode.DONE.code();
    }
  }

  /** {@code backup verify}. */
  @Command(name = "verify", description = "Verify a backup without any private key. Exit 1 when it is not intact.")
  static final class BackupVerify implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "BACKUP", description = "the backup file")
    Path in;

    @Option(names = "--signer", required = true, paramLabel = "BASE64", description = "the trusted Ed25519 public key")
    String signer;

    @Override
    public Integer call() {
      Ed25519PublicKey key = publicKey("--signer", signer);
      requireRegularFile("--in", in);
      BackupReport r;
      try {
        r = Backup.verify(in, key);
      } catch (InsCryptoException e) {
        throw failure("--in", e);
      }
      print(spec, r.toJson());
      return r.intact() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    }
  }

  /** {@code backup restore}. */
  @Command(name = "restore", description = "Verify and decrypt a backup into a new file; nothing readable is"
      + " left behind on failure or interruption, and no file is replaced. Exit 1 when it is not intact.")
  static final class BackupRestore implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PasswordOptions passwords;

    @Option(names = "--in", required = true, paramLabel = "BACKUP", description = "the backup file")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PLAINFILE", description = "the file to create")
    Path out;

    @Option(names = "--signer", required = true, paramLabel = "BASE64", description = "the trusted Ed25519 public key")
    String signer;

    @Option(names = "--recipient", required = true, paramLabel = "ID", description = "the recipient's id in the backup")
    String recipient;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "the recipient's x25519 key file")
    Path key;

    @Override
    public Integer call() {
      Ed25519PublicKey trusted = publicKey("--signer", signer);
      requireRegularFile("--in", in);
      requireAbsent("--out", out);
      Keyset keys = loadKey("--key", key, passwords, spec);
      BackupReport r;
      try {
        r = Backup.restoreTo(in, trusted, recipient, keys, out);
      } catch (InsCryptoException e) {
        if ("restore.target".equals(e.field())) {
          throw new CliFailure(ExitCode.OUTPUT, Files.exists(out, LinkOption.NOFOLLOW_LINKS) ? "OUTPUT_EXISTS" : "OUTPUT_FAILED",
              "option '--out': " + out + ": " + e.getMessage().substring(e.field().length() + 2), e);
        }
        throw failure("--in", e);
      }
      print(spec, r.toJson());
      return r.intact() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    }
  }

  /** {@code audit}: append, checkpoint, verify. */
  @Command(name = "audit", description = "The tamper-evident audit log.",
      subcommands = {AuditAppend.class, AuditCheckpoint.class, AuditVerify.class})
  static final class AuditCommands {}

  /** {@code audit append}. */
  @Command(name = "append", description = "Append one entry (the log is created if absent).")
  static final class AuditAppend implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "LOG", description = "the log file")
    Path log;

    @Option(names = "--actor", required = true, paramLabel = "ID", description = "who acted")
    String actor;

    @Option(names = "--action", required = true, paramLabel = "CODE", description = "what was done")
    String action;

    @Option(names = "--outcome", required = true, paramLabel = "CODE", description = "the outcome")
    String outcome;

    @Option(names = "--subject", paramLabel = "PSEUDONYM", description = "the subject's pseudonym, never a matricule")
    String subject = "";

    @Option(names = "--detail", paramLabel = "K=V", description = "a detail, no patient data (repeatable)")
    List<String> detail = new ArrayList<>();

    @Override
    public Integer call() {
      Map<String, String> details = new TreeMap<>();
      for (String d : detail) {
        int eq = d.indexOf('=');
        if (eq < 1) {
          throw CliFailure.usage("option '--detail': expected K=V (value not shown)");
        }
        details.put(d.substring(0, eq), d.substring(eq + 1));
      }
      AuditEntry e;
      try {
        e = new AuditEntry(Instant.now(), actor, action, subject, outcome, details);
      } catch (InsCryptoException ex) {
        throw CliFailure.usage("the entry is refused: " + ex.getMessage());
      }
      try (AuditLog l = AuditLog.open(log)) {
        long index = l.append(e);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("ok", true);
        j.put("index", index);
        j.put("size", l.size());
        j.put("root", Base64.getEncoder().encodeToString(l.root()));
        Cli.print(spec, j);
      } catch (InsCryptoException ex) {
        throw failure("--log", ex);
      }
      return ExitCode.DONE.code();
    }
  }

  /** {@code audit checkpoint}. */
  @Command(name = "checkpoint", description = "Sign a checkpoint of an existing log into a new file"
      + " (--replace to update an existing checkpoint file).")
  static final class AuditCheckpoint implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PasswordOptions passwords;

    @Option(names = "--log", required = true, paramLabel = "LOG", description = "an existing log file")
    Path log;

    @Option(names = "--origin", required = true, paramLabel = "NAME", description = "the log's unique name")
    String origin;

    @Option(names = "--key-name", required = true, paramLabel = "NAME", description = "the signer's name")
    String keyName;

    @Option(names = "--signing-key", required = true, paramLabel = "KEYFILE", description = "an ed25519 key file")
    Path signingKey;

    @Option(names = "--out", required = true, paramLabel = "CHECKPOINT", description = "the checkpoint file to write")
    Path out;

    @Option(names = "--replace", description = "replace --out if it exists (atomically)")
    boolean replace;

    @Override
    public Integer call() {
      if (!Files.exists(log)) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "option '--log': " + log
            + ": no such file (a checkpoint never creates a log)");
      }
      if (!replace) {
        requireAbsent("--out", out);
      }
      Ed25519SigningKey key = Ed25519SigningKey.fromKeyset(loadKey("--signing-key", signingKey, passwords, spec));
      Checkpoint cp;
      try (AuditLog l = AuditLog.openExisting(log)) {
        cp = l.checkpoint(origin, keyName, key);
      } catch (InsCryptoException e) {
        if (e.field().startsWith("checkpoint.")) {
          throw CliFailure.usage(e.getMessage());
        }
        throw failure("--log", e);
      }
      try (SafeFiles.Staged staged = replace ? SafeFiles.stageReplacing(out, "checkpoint")
          : SafeFiles.stage(out, "checkpoint")) {
        try (OutputStream os = staged.stream()) {
          os.write(cp.format().getBytes(StandardCharsets.UTF_8));
        }
        staged.publish();
      } catch (FileAlreadyExistsException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_EXISTS", "option '--out': " + out
            + " appeared meanwhile; it was not replaced", e);
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "OUTPUT_FAILED", "option '--out': " + out + ": cannot be written", e);
      }
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("ok", true);
      j.put("size", cp.size());
      j.put("root", Base64.getEncoder().encodeToString(cp.root()));
      j.put("publicKey", key.publicKey().toBase64());
      Cli.print(spec, j);
      return ExitCode.DONE.code();
    }
  }

  /** {@code audit verify}. */
  @Command(name = "verify", description = "Verify a log against saved checkpoints. Exit 1 when it is not intact;"
      + " entries after the newest checkpoint are reported with their count.")
  static final class AuditVerify implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "LOG", description = "the log file")
    Path log;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "a saved checkpoint (repeatable)")
    List<Path> checkpoints;

    @Option(names = "--key-name", required = true, paramLabel = "NAME", description = "the trusted signer's name")
    String keyName;

    @Option(names = "--public-key", required = true, paramLabel = "BASE64", description = "the trusted Ed25519 public key")
    String publicKey;

    @Option(names = "--origin", paramLabel = "NAME",
        description = "the log every checkpoint must belong to (default: the first checkpoint's)")
    String origin;

    @Override
    public Integer call() {
      Ed25519PublicKey key = publicKey("--public-key", publicKey);
      List<Checkpoint> cps = new ArrayList<>();
      for (Path f : checkpoints) {
        byte[] text = readInput("--checkpoint", f, MAX_CHECKPOINT_FILE);
        try {
          cps.add(Checkpoint.parse(new String(text, StandardCharsets.UTF_8)));
        } catch (InsCryptoException e) {
          throw new CliFailure(ExitCode.INPUT, e.code().name(), "option '--checkpoint': " + f + ": " + e.getMessage(), e);
        }
      }
      requireRegularFile("--log", log);
      AuditReport r;
      try {
        r = AuditVerifier.verify(log, cps, origin, keyName, key);
      } catch (InsCryptoException e) {
        throw failure("--log", e);
      }
      print(spec, r.toJson());
      return r.intact() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
    }
  }
}
