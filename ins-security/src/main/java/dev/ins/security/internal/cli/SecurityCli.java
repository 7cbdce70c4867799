package dev.ins.security.internal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.ins.security.internal.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line entry point: a thin shell over the public API. Arguments in, one JSON object out.
 * Exit codes: 0 success (and, for verify, intact), 1 tampering or failed check, 2 usage error.
 */
public final class SecurityCli {
  static final String HELP =
      String.join(
          "\n",
          "ins-security command line (one JSON object on stdout; exit 0 ok, 1 failed check/tampering, 2 usage error)",
          "",
          "Key files are keysets sealed with a password through Argon2id. The password is read from the",
          "environment variable named by --password-env (default INS_KEY_PASSWORD) or from --password-file.",
          "",
          "  keygen --type ed25519|x25519|aes-256-gcm|chacha20-poly1305|hmac-sha256 --out KEYFILE",
          "      prints the key id and, for ed25519/x25519, the base64 public key",
          "  backup create --in PLAINFILE --out BACKUP --signing-key KEYFILE",
          "                --recipient ID:BASE64_X25519_PUBLIC [--recipient ...] [--label TEXT] [--meta K=V ...]",
          "  backup verify --in BACKUP --signer BASE64_ED25519_PUBLIC",
          "  backup restore --in BACKUP --out PLAINFILE --signer BASE64 --recipient ID --key KEYFILE",
          "      writes PLAINFILE only when the whole backup verified and decrypted",
          "  audit append --log LOG --actor ID --action CODE --outcome CODE [--subject PSEUDONYM] [--detail K=V ...]",
          "  audit checkpoint --log LOG --origin NAME --key-name NAME --signing-key KEYFILE --out CHECKPOINT",
          "  audit verify --log LOG --checkpoint FILE [--checkpoint FILE ...] --key-name NAME --public-key BASE64",
          "",
          "Common options: --password-env VAR, --password-file FILE, --help");

  private SecurityCli() {}

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Bad usage: exit 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parsed options: single values and repeated values. */
  static final class Options {
    final Map<String, List<String>> values = new HashMap<>();

    String one(String name) {
      List<String> v = values.get(name);
      if (v == null || v.isEmpty()) {
        throw new UsageException("missing --" + name);
      }
      if (v.size() > 1) {
        throw new UsageException("--" + name + " given more than once");
      }
      return v.get(0);
    }

    String opt(String name, String dflt) {
      List<String> v = values.get(name);
      return v == null || v.isEmpty() ? dflt : one(name);
    }

    List<String> many(String name) {
      return values.getOrDefault(name, List.of());
    }
  }

  /**
   * Runs a command.
   *
   * @param args the arguments
   * @param out where the JSON result goes
   * @param err where usage errors go
   * @param env the environment (for passwords)
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
        out.println(HELP);
        return args.length == 0 ? 2 : 0;
      }
      int i = 0;
      String cmd = args[i++];
      if ((cmd.equals("backup") || cmd.equals("audit")) && i < args.length) {
        cmd = cmd + " " + args[i++];
      }
      Options o = new Options();
      for (; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new UsageException("expected --name value pairs, got '" + args[i] + "'");
        }
        o.values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
      }
      switch (cmd) {
        case "keygen":
          return keygen(o, out, env);
        case "backup create":
          return backupCreate(o, out, env);
        case "backup verify":
          return report(Backup.verify(Path.of(o.one("in")), Ed25519PublicKey.parse(o.one("signer"))), out);
        case "backup restore":
          return backupRestore(o, out, env);
        case "audit append":
          return auditAppend(o, out);
        case "audit checkpoint":
          return auditCheckpoint(o, out, env);
        case "audit verify":
          return auditVerify(o, out);
        default:
          throw new UsageException("unknown command '" + cmd + "'");
      }
    } catch (UsageException e) {
      err.println("usage error: " + e.getMessage() + " (see --help)");
      return 2;
    } catch (InsCryptoException e) {
      ObjectNode j = CanonicalJson.object();
      j.put("ok", false);
      j.put("error", e.code().name());
      j.put("field", e.field());
      j.put("message", e.getMessage());
      out.println(CanonicalJson.toText(j));
      return 1;
    } catch (IOException e) {
      ObjectNode j = CanonicalJson.object();
      j.put("ok", false);
      j.put("error", "IO");
      j.put("message", e.getClass().getSimpleName() + ": " + e.getMessage());
      out.println(CanonicalJson.toText(j));
      return 1;
    }
  }

  private static char[] password(Options o, Map<String, String> env) throws IOException {
    String file = o.opt("password-file", null);
    if (file != null) {
      String s = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      return s.endsWith("\n") ? s.substring(0, s.length() - 1).toCharArray() : s.toCharArray();
    }
    String var = o.opt("password-env", "INS_KEY_PASSWORD");
    String p = env.get(var);
    if (p == null || p.isEmpty()) {
      throw new UsageException("no password: set " + var + " or pass --password-file");
    }
    return p.toCharArray();
  }

  private static Keyset loadKey(String file, Options o, Map<String, String> env) throws IOException {
    return KeysetVault.openWithPassword(Files.readAllBytes(Path.of(file)), password(o, env));
  }

  private static int keygen(Options o, PrintStream out, Map<String, String> env) throws IOException {
    KeyType type;
    try {
      type = KeyType.valueOf(o.one("type").toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --type " + o.one("type"));
    }
    Path file = Path.of(o.one("out"));
    if (Files.exists(file)) {
      throw new UsageException(file + " exists; refusing to overwrite a key");
    }
    Keyset ks = Keyset.generate(type);
    Files.write(file, KeysetVault.sealWithPassword(ks, password(o, env), Argon2Params.recommended()));
    ObjectNode j = CanonicalJson.object();
    j.put("ok", true);
    j.put("file", file.toString());
    j.put("type", type.name());
    j.put("keyId", ks.primary().idHex());
    if (type == KeyType.ED25519) {
      j.put("publicKey", Ed25519SigningKey.fromKeyset(ks).publicKey().toBase64());
    } else if (type == KeyType.X25519) {
      j.put("publicKey", Base64.getEncoder().encodeToString(BackupRecipient.fromKeyset("k", ks).publicKey()));
    }
    out.println(CanonicalJson.toText(j));
    return 0;
  }

  private static int backupCreate(Options o, PrintStream out, Map<String, String> env) throws IOException {
    Ed25519SigningKey signer = Ed25519SigningKey.fromKeyset(loadKey(o.one("signing-key"), o, env));
    Backup.Writer.Builder b = Backup.writer().signer(signer).label(o.opt("label", "backup"));
    if (o.many("recipient").isEmpty()) {
      throw new UsageException("at least one --recipient ID:BASE64 is required");
    }
    for (String r : o.many("recipient")) {
      int c = r.indexOf(':');
      if (c < 1) {
        throw new UsageException("--recipient must be ID:BASE64_X25519_PUBLIC");
      }
      byte[] pk;
      try {
        pk = Base64.getDecoder().decode(r.substring(c + 1));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--recipient public key is not base64");
      }
      b.recipient(BackupRecipient.of(r.substring(0, c), pk));
    }
    for (String m : o.many("meta")) {
      int eq = m.indexOf('=');
      if (eq < 1) {
        throw new UsageException("--meta must be K=V");
      }
      b.metadata(m.substring(0, eq), m.substring(eq + 1));
    }
    Backup.Writer w;
    try {
      w = b.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path target = Path.of(o.one("out"));
    if (Files.exists(target)) {
      throw new UsageException(target + " exists; refusing to overwrite a backup");
    }
    BackupManifest m;
    try (InputStream in = Files.newInputStream(Path.of(o.one("in")));
        OutputStream os = Files.newOutputStream(target)) {
      m = w.write(in, os);
    }
    ObjectNode j = CanonicalJson.object();
    j.put("ok", true);
    j.put("file", target.toString());
    j.put("backupId", m.backupId());
    j.put("plaintextLength", m.plaintextLength());
    j.put("payloadSha256", m.payloadSha256());
    j.put("signer", m.signer());
    out.println(CanonicalJson.toText(j));
    return 0;
  }

  private static int backupRestore(Options o, PrintStream out, Map<String, String> env) throws IOException {
    Keyset key = loadKey(o.one("key"), o, env);
    Path target = Path.of(o.one("out"));
    if (Files.exists(target)) {
      throw new UsageException(target + " exists; refusing to overwrite");
    }
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".restore", ".tmp");
    BackupReport r;
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        r = Backup.restore(Path.of(o.one("in")), Ed25519PublicKey.parse(o.one("signer")), o.one("recipient"), key, os);
      }
      if (r.intact()) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return report(r, out);
  }

  private static int report(BackupReport r, PrintStream out) {
    out.println(r.toJson());
    return r.intact() ? 0 : 1;
  }

  private static int auditAppend(Options o, PrintStream out) {
    Map<String, String> details = new TreeMap<>();
    for (String d : o.many("detail")) {
      int eq = d.indexOf('=');
      if (eq < 1) {
        throw new UsageException("--detail must be K=V");
      }
      details.put(d.substring(0, eq), d.substring(eq + 1));
    }
    AuditEntry e = new AuditEntry(Instant.now(), o.one("actor"), o.one("action"), o.opt("subject", ""), o.one("outcome"), details);
    try (AuditLog log = AuditLog.open(Path.of(o.one("log")))) {
      long index = log.append(e);
      ObjectNode j = CanonicalJson.object();
      j.put("ok", true);
      j.put("index", index);
      j.put("size", log.size());
      j.put("root", Base64.getEncoder().encodeToString(log.root()));
      out.println(CanonicalJson.toText(j));
    }
    return 0;
  }

  private static int auditCheckpoint(Options o, PrintStream out, Map<String, String> env) throws IOException {
    Ed25519SigningKey key = Ed25519SigningKey.fromKeyset(loadKey(o.one("signing-key"), o, env));
    Checkpoint cp;
    try (AuditLog log = AuditLog.open(Path.of(o.one("log")))) {
      cp = log.checkpoint(o.one("origin"), o.one("key-name"), key);
    }
    Files.writeString(Path.of(o.one("out")), cp.format(), StandardCharsets.UTF_8);
    ObjectNode j = CanonicalJson.object();
    j.put("ok", true);
    j.put("size", cp.size());
    j.put("root", Base64.getEncoder().encodeToString(cp.root()));
    j.put("publicKey", key.publicKey().toBase64());
    out.println(CanonicalJson.toText(j));
    return 0;
  }

  private static int auditVerify(Options o, PrintStream out) throws IOException {
    List<Checkpoint> cps = new ArrayList<>();
    if (o.many("checkpoint").isEmpty()) {
      throw new UsageException("at least one --checkpoint is required");
    }
    for (String f : o.many("checkpoint")) {
      cps.add(Checkpoint.parse(Files.readString(Path.of(f), StandardCharsets.UTF_8)));
    }
    AuditReport r = AuditVerifier.verify(Path.of(o.one("log")), cps, o.one("key-name"), Ed25519PublicKey.parse(o.one("public-key")));
    out.println(r.toJson());
    return r.intact() ? 0 : 1;
  }

}
