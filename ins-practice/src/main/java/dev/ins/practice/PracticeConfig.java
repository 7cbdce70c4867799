package dev.ins.practice;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ins.practice.PracticeException.Code;
import dev.ins.practice.backup.DestinationKind;
import dev.ins.security.Argon2Params;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.InsCryptoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The practice's declarative configuration, filled once by the vendor: where the backups, audit
 * log, key files, certificates, breach register and password hashes are, and who to call. Every
 * section is optional: a missing section makes the matching posture check UNKNOWN, never a crash.
 *
 * <p>Format: one JSON file (at most 256 KiB, unknown fields refused, paths relative to the file's
 * folder); see {@code docs/ins-practice.md} for a full example.
 *
 * <pre>{@code
 * PracticeConfig config = PracticeConfig.load(Path.of("/etc/cabinet/practice.json"));
 * PostureReport report = Posture.builder(config).build().run();
 * }</pre>
 *
 * @param practice who the practice is and who to call
 * @param stateDir where incident mode keeps its files (evidence bundles, declarations)
 * @param killSwitch the kill-switch state file, when not at the documented location
 * @param signingKey the sealed Ed25519 keyset that signs the kill switch, evidence and checkpoints
 * @param backups the backup section
 * @param audit the audit-log section
 * @param keys the key-file section
 * @param certificates the certificate section
 * @param breaches the breach-register section
 * @param updates the updates section
 * @param passwords the password-hash section
 */
public record PracticeConfig(
    Practice practice,
    Path stateDir,
    Optional<Path> killSwitch,
    Optional<Path> signingKey,
    Optional<Backups> backups,
    Optional<Audit> audit,
    Optional<Keys> keys,
    Optional<Certificates> certificates,
    Optional<Path> breaches,
    Optional<Updates> updates,
    Optional<Passwords> passwords) {

  /** The largest configuration file read. */
  public static final int MAX_BYTES = 256 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(8192).maxNumberLength(20).build());
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,32}");

  /**
   * Validates.
   *
   * @param practice not null
   * @param stateDir not null
   * @param killSwitch not null
   * @param signingKey not null
   * @param backups not null
   * @param audit not null
   * @param keys not null
   * @param certificates not null
   * @param breaches not null
   * @param updates not null
   * @param passwords not null
   */
  public PracticeConfig {
    Objects.requireNonNull(practice, "practice == null");
    Objects.requireNonNull(stateDir, "stateDir == null");
    for (Object o : new Object[] {killSwitch, signingKey, backups, audit, keys, certificates, breaches, updates, passwords}) {
      Objects.requireNonNull(o, "an optional section is null (use Optional.empty())");
    }
  }

  /**
   * Who the practice is: its name and city (also user inputs of the password meter) and the
   * contacts incident mode shows.
   *
   * @param name the practice's name
   * @param city its city
   * @param itSupport the IT support's name and phone number, empty when unknown
   * @param dpo the DPO or contact point for the CNIL, empty when unknown
   * @param insurer the cyber-insurance assistance line, empty when unknown
   */
  public record Practice(String name, String city, String itSupport, String dpo, String insurer) {
    /**
     * Validates.
     *
     * @param name not blank
     * @param city not null
     * @param itSupport not null
     * @param dpo not null
     * @param insurer not null
     */
    public Practice {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("practice.name must not be blank");
      }
      Objects.requireNonNull(city, "city == null");
      Objects.requireNonNull(itSupport, "itSupport == null");
      Objects.requireNonNull(dpo, "dpo == null");
      Objects.requireNonNull(insurer, "insurer == null");
    }
  }

  /**
   * Backups: who signs them, the offline recovery recipient, the destinations and the freshness
   * rules; the practice's X25519 key for restore drills in incident mode.
   *
   * @param signer the public key that signs backup manifests
   * @param offlineRecipient the recipient id of the offline recovery key (3-2-1: it must be present)
   * @param maxAgeHours the oldest acceptable last backup (default 26 h: daily backups)
   * @param drillMaxAgeDays the oldest acceptable successful restore drill (default 31 days)
   * @param destinations the copy destinations
   * @param restoreRecipient the recipient id whose key restores in incident mode, if configured
   * @param restoreKey the sealed X25519 keyset of that recipient, if configured
   */
  public record Backups(Ed25519PublicKey signer, String offlineRecipient, int maxAgeHours, int drillMaxAgeDays,
      List<Destination> destinations, Optional<String> restoreRecipient, Optional<Path> restoreKey) {
    /**
     * Validates and copies.
     *
     * @param signer not null
     * @param offlineRecipient a recipient id
     * @param maxAgeHours 1..8760
     * @param drillMaxAgeDays 1..366
     * @param destinations not null
     * @param restoreRecipient not null
     * @param restoreKey not null
     */
    public Backups {
      Objects.requireNonNull(signer, "signer == null");
      Objects.requireNonNull(offlineRecipient, "offlineRecipient == null");
      if (maxAgeHours < 1 || maxAgeHours > 8760 || drillMaxAgeDays < 1 || drillMaxAgeDays > 366) {
        throw new IllegalArgumentException("backups.maxAgeHours must be 1..8760 and drillMaxAgeDays 1..366");
      }
      destinations = List.copyOf(destinations);
      Objects.requireNonNull(restoreRecipient, "restoreRecipient == null");
      Objects.requireNonNull(restoreKey, "restoreKey == null");
    }
  }

  /**
   * One backup destination folder.
   *
   * @param id {@code [a-z0-9._-]{1,32}}
   * @param kind local, offline medium or off-site
   * @param path the folder (mount point of a removable medium)
   */
  public record Destination(String id, DestinationKind kind, Path path) {
    /**
     * Validates.
     *
     * @param id the id
     * @param kind not null
     * @param path not null
     */
    public Destination {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException("destination id must match [a-z0-9._-]{1,32}");
      }
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(path, "path == null");
    }
  }

  /**
   * The audit log and its checkpoints.
   *
   * @param log the log file
   * @param checkpoints the folder of signed checkpoints kept on the host
   * @param offHostCheckpoints a folder that is off the host (a mounted share, a synced folder), if any
   * @param keyName the checkpoint signer's name
   * @param publicKey the checkpoint signer's public key
   * @param maxCheckpointAgeHours the oldest acceptable last checkpoint (default 26 h)
   */
  public record Audit(Path log, Path checkpoints, Optional<Path> offHostCheckpoints, String keyName,
      Ed25519PublicKey publicKey, int maxCheckpointAgeHours) {
    /**
     * Validates.
     *
     * @param log not null
     * @param checkpoints not null
     * @param offHostCheckpoints not null
     * @param keyName not blank
     * @param publicKey not null
     * @param maxCheckpointAgeHours 1..8760
     */
    public Audit {
      Objects.requireNonNull(log, "log == null");
      Objects.requireNonNull(checkpoints, "checkpoints == null");
      Objects.requireNonNull(offHostCheckpoints, "offHostCheckpoints == null");
      if (keyName == null || keyName.isBlank()) {
        throw new IllegalArgumentException("audit.keyName must not be blank");
      }
      Objects.requireNonNull(publicKey, "publicKey == null");
      if (maxCheckpointAgeHours < 1 || maxCheckpointAgeHours > 8760) {
        throw new IllegalArgumentException("audit.maxCheckpointAgeHours must be 1..8760");
      }
    }
  }

  /**
   * Sealed key files and their rotation policy.
   *
   * @param sealedFiles the sealed keyset files ({@link dev.ins.security.KeysetVault})
   * @param rotationDays the rotation policy: a key file not rewritten for longer is due (default 365)
   */
  public record Keys(List<Path> sealedFiles, int rotationDays) {
    /**
     * Validates and copies.
     *
     * @param sealedFiles not null
     * @param rotationDays 1..3650
     */
    public Keys {
      sealedFiles = List.copyOf(sealedFiles);
      if (rotationDays < 1 || rotationDays > 3650) {
        throw new IllegalArgumentException("keys.rotationDays must be 1..3650");
      }
    }
  }

  /**
   * Certificates: the INSi credential (checked by the certificate doctor) and other certificates
   * (CPS, server) whose expiry is watched.
   *
   * @param insi the INSi PKCS#12 credential, if configured
   * @param others other certificates (PEM), by label
   */
  public record Certificates(Optional<InsiCredential> insi, List<LabelledCertificate> others) {
    /**
     * Copies.
     *
     * @param insi not null
     * @param others not null
     */
    public Certificates {
      Objects.requireNonNull(insi, "insi == null");
      others = List.copyOf(others);
    }
  }

  /**
   * The INSi credential.
   *
   * @param pkcs12 the PKCS#12 file
   * @param passwordEnv the environment variable holding its password
   * @param roots the IGC-Santé root certificates (PEM files) the chain must lead to
   * @param crls CRL files (DER or PEM) fetched beforehand; with them revocation is checked offline
   * @param environment {@code TEST} or {@code PRODUCTION}
   */
  public record InsiCredential(Path pkcs12, String passwordEnv, List<Path> roots, List<Path> crls, String environment) {
    /**
     * Validates.
     *
     * @param pkcs12 not null
     * @param passwordEnv not blank
     * @param roots not null
     * @param crls not null
     * @param environment TEST or PRODUCTION
     */
    public InsiCredential {
      Objects.requireNonNull(pkcs12, "pkcs12 == null");
      if (passwordEnv == null || passwordEnv.isBlank()) {
        throw new IllegalArgumentException("certificates.insi.passwordEnv must not be blank");
      }
      roots = List.copyOf(roots);
      crls = List.copyOf(crls);
      if (!Set.of("TEST", "PRODUCTION").contains(environment)) {
        throw new IllegalArgumentException("certificates.insi.environment must be TEST or PRODUCTION");
      }
    }
  }

  /**
   * A certificate watched for expiry.
   *
   * @param label what it is, e.g. {@code "CPS Dr Martin"} (no patient data)
   * @param pem the PEM file
   */
  public record LabelledCertificate(String label, Path pem) {
    /**
     * Validates.
     *
     * @param label not blank
     * @param pem not null
     */
    public LabelledCertificate {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("certificate label must not be blank");
      }
      Objects.requireNonNull(pem, "pem == null");
    }
  }

  /**
   * Updates: a newer signed advisory file and the keys trusted to sign it.
   *
   * @param advisory the signed advisory file replacing the shipped floor list, if any
   * @param trustedKeys the public keys accepted as advisory signers
   */
  public record Updates(Optional<Path> advisory, List<Ed25519PublicKey> trustedKeys) {
    /**
     * Copies.
     *
     * @param advisory not null
     * @param trustedKeys not null
     */
    public Updates {
      Objects.requireNonNull(advisory, "advisory == null");
      trustedKeys = List.copyOf(trustedKeys);
    }
  }

  /**
   * Stored password hashes (one PHC string per line, exported without user names) and the target
   * Argon2id cost.
   *
   * @param hashes the file of stored hashes
   * @param target the cost every hash should have
   */
  public record Passwords(Path hashes, Argon2Params target) {
    /**
     * Validates.
     *
     * @param hashes not null
     * @param target not null
     */
    public Passwords {
      Objects.requireNonNull(hashes, "hashes == null");
      Objects.requireNonNull(target, "target == null");
    }
  }

  /**
   * Reads a configuration file.
   *
   * @param file the JSON file
   * @return the configuration, paths resolved against the file's folder
   * @throws PracticeException INVALID_INPUT naming the field, or when the file is missing or unreadable
   */
  public static PracticeConfig load(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new PracticeException(Code.INVALID_INPUT, "config", "larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PracticeException(Code.INVALID_INPUT, "config", "cannot read the configuration file (" + e.getClass().getSimpleName() + ")", e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(bytes, base);
  }

  /**
   * Parses a configuration.
   *
   * @param json the JSON bytes
   * @param base the folder relative paths are resolved against
   * @return the configuration
   * @throws PracticeException INVALID_INPUT naming the field
   */
  public static PracticeConfig parse(byte[] json, Path base) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      String at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? " at line " + j.getLocation().getLineNr() : "";
      throw new PracticeException(Code.INVALID_INPUT, "config", "not valid JSON" + at);
    }
    if (root == null || !root.isObject()) {
      throw new PracticeException(Code.INVALID_INPUT, "config", "expected a JSON object");
    }
    Reader r = new Reader(base);
    try {
      return r.config(root);
    } catch (IllegalArgumentException | InsCryptoException e) {
      throw new PracticeException(Code.INVALID_INPUT, "config" + r.where, e.getMessage(), e);
    }
  }

  /** Strict reading with the current field path kept for errors. */
  private static final class Reader {
    private final Path base;
    private String where = "";

    Reader(Path base) {
      this.base = base;
    }

    PracticeConfig config(JsonNode n) {
      fields(n, "", Set.of("practice", "stateDir"), Set.of("killSwitch", "signingKey", "backups", "audit", "keys",
          "certificates", "breaches", "updates", "passwords", "comment"));
      JsonNode p = obj(n, "practice");
      fields(p, ".practice", Set.of("name"), Set.of("city", "itSupport", "dpo", "insurer"));
      Practice practice = new Practice(text(p, "name", ".practice"), opt(p, "city"), opt(p, "itSupport"), opt(p, "dpo"),
          opt(p, "insurer"));
      return new PracticeConfig(practice, path(n, "stateDir", ""),
          n.has("killSwitch") ? Optional.of(path(n, "killSwitch", "")) : Optional.empty(),
          n.has("signingKey") ? Optional.of(path(n, "signingKey", "")) : Optional.empty(),
          n.has("backups") ? Optional.of(backups(obj(n, "backups"))) : Optional.empty(),
          n.has("audit") ? Optional.of(audit(obj(n, "audit"))) : Optional.empty(),
          n.has("keys") ? Optional.of(keys(obj(n, "keys"))) : Optional.empty(),
          n.has("certificates") ? Optional.of(certificates(obj(n, "certificates"))) : Optional.empty(),
          n.has("breaches") ? Optional.of(path(n, "breaches", "")) : Optional.empty(),
          n.has("updates") ? Optional.of(updates(obj(n, "updates"))) : Optional.empty(),
          n.has("passwords") ? Optional.of(passwords(obj(n, "passwords"))) : Optional.empty());
    }

    Backups backups(JsonNode b) {
      String w = ".backups";
      fields(b, w, Set.of("signer", "offlineRecipient", "destinations"),
          Set.of("maxAgeHours", "drillMaxAgeDays", "restoreRecipient", "restoreKey"));
      List<Destination> dests = new ArrayList<>();
      JsonNode arr = b.get("destinations");
      if (!arr.isArray()) {
        throw fail(w + ".destinations", "expected an array");
      }
      for (int i = 0; i < arr.size(); i++) {
        String dw = w + ".destinations[" + i + "]";
        JsonNode d = arr.get(i);
        if (!d.isObject()) {
          throw fail(dw, "expected an object");
        }
        fields(d, dw, Set.of("id", "kind", "path"), Set.of());
        DestinationKind kind;
        try {
          kind = DestinationKind.valueOf(text(d, "kind", dw));
        } catch (IllegalArgumentException e) {
          throw fail(dw + ".kind", "expected LOCAL, OFFLINE or OFFSITE");
        }
        where = dw;
        dests.add(new Destination(text(d, "id", dw), kind, path(d, "path", dw)));
      }
      where = w;
      return new Backups(key(b, "signer", w), text(b, "offlineRecipient", w), integer(b, "maxAgeHours", w, 26),
          integer(b, "drillMaxAgeDays", w, 31), dests,
          b.has("restoreRecipient") ? Optional.of(text(b, "restoreRecipient", w)) : Optional.empty(),
          b.has("restoreKey") ? Optional.of(path(b, "restoreKey", w)) : Optional.empty());
    }

    Audit audit(JsonNode a) {
      String w = ".audit";
      fields(a, w, Set.of("log", "checkpoints", "keyName", "publicKey"), Set.of("offHostCheckpoints", "maxCheckpointAgeHours"));
      where = w;
      return new Audit(path(a, "log", w), path(a, "checkpoints", w),
          a.has("offHostCheckpoints") ? Optional.of(path(a, "offHostCheckpoints", w)) : Optional.empty(),
          text(a, "keyName", w), key(a, "publicKey", w), integer(a, "maxCheckpointAgeHours", w, 26));
    }

    Keys keys(JsonNode k) {
      String w = ".keys";
      fields(k, w, Set.of("sealedFiles"), Set.of("rotationDays"));
      List<Path> files = new ArrayList<>();
      for (JsonNode f : array(k, "sealedFiles", w)) {
        files.add(resolve(f, w + ".sealedFiles"));
      }
      where = w;
      return new Keys(files, integer(k, "rotationDays", w, 365));
    }

    Certificates certificates(JsonNode c) {
      String w = ".certificates";
      fields(c, w, Set.of(), Set.of("insi", "others"));
      Optional<InsiCredential> insi = Optional.empty();
      if (c.has("insi")) {
        JsonNode i = obj(c, "insi");
        String iw = w + ".insi";
        fields(i, iw, Set.of("pkcs12", "passwordEnv", "roots"), Set.of("environment", "crls"));
        List<Path> roots = new ArrayList<>();
        for (JsonNode r : array(i, "roots", iw)) {
          roots.add(resolve(r, iw + ".roots"));
        }
        List<Path> crls = new ArrayList<>();
        if (i.has("crls")) {
          for (JsonNode r : array(i, "crls", iw)) {
            crls.add(resolve(r, iw + ".crls"));
          }
        }
        where = iw;
        insi = Optional.of(new InsiCredential(path(i, "pkcs12", iw), text(i, "passwordEnv", iw), roots, crls,
            i.has("environment") ? text(i, "environment", iw) : "PRODUCTION"));
      }
      List<LabelledCertificate> others = new ArrayList<>();
      if (c.has("others")) {
        int idx = 0;
        for (JsonNode o : array(c, "others", w)) {
          String ow = w + ".others[" + idx++ + "]";
          fields(o, ow, Set.of("label", "pem"), Set.of());
          where = ow;
          others.add(new LabelledCertificate(text(o, "label", ow), path(o, "pem", ow)));
        }
      }
      return new Certificates(insi, others);
    }

    Updates updates(JsonNode u) {
      String w = ".updates";
      fields(u, w, Set.of(), Set.of("advisory", "trustedKeys"));
      List<Ed25519PublicKey> keys = new ArrayList<>();
      if (u.has("trustedKeys")) {
        for (JsonNode k : array(u, "trustedKeys", w)) {
          where = w + ".trustedKeys";
          keys.add(Ed25519PublicKey.parse(k.asText()));
        }
      }
      return new Updates(u.has("advisory") ? Optional.of(path(u, "advisory", w)) : Optional.empty(), keys);
    }

    Passwords passwords(JsonNode p) {
      String w = ".passwords";
      fields(p, w, Set.of("hashes"), Set.of("target"));
      Argon2Params target = Argon2Params.recommended();
      if (p.has("target")) {
        JsonNode t = obj(p, "target");
        fields(t, w + ".target", Set.of("memoryKiB", "iterations", "parallelism"), Set.of());
        where = w + ".target";
        target = Argon2Params.of(integer(t, "memoryKiB", w + ".target", 0), integer(t, "iterations", w + ".target", 0),
            integer(t, "parallelism", w + ".target", 0));
      }
      return new Passwords(path(p, "hashes", w), target);
    }

    private static void fields(JsonNode n, String w, Set<String> required, Set<String> optional) {
      for (String r : required) {
        if (!n.has(r)) {
          throw fail(w + "." + r, "missing");
        }
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!required.contains(f) && !optional.contains(f)) {
          throw fail(w + "." + f, "unknown field");
        }
      }
    }

    private static JsonNode obj(JsonNode n, String name) {
      JsonNode v = n.get(name);
      if (v == null || !v.isObject()) {
        throw fail("." + name, "expected an object");
      }
      return v;
    }

    private static JsonNode array(JsonNode n, String name, String w) {
      JsonNode v = n.get(name);
      if (v == null || !v.isArray()) {
        throw fail(w + "." + name, "expected an array");
      }
      return v;
    }

    private static String text(JsonNode n, String name, String w) {
      JsonNode v = n.get(name);
      if (v == null || !v.isTextual()) {
        throw fail(w + "." + name, "expected a string");
      }
      return v.textValue();
    }

    private static String opt(JsonNode n, String name) {
      JsonNode v = n.get(name);
      return v == null || !v.isTextual() ? "" : v.textValue();
    }

    private static int integer(JsonNode n, String name, String w, int dflt) {
      JsonNode v = n.get(name);
      if (v == null) {
        if (dflt == 0) {
          throw fail(w + "." + name, "missing");
        }
        return dflt;
      }
      if (!v.isInt()) {
        throw fail(w + "." + name, "expected an integer");
      }
      return v.intValue();
    }

    private Ed25519PublicKey key(JsonNode n, String name, String w) {
      where = w + "." + name;
      return Ed25519PublicKey.parse(text(n, name, w));
    }

    private Path path(JsonNode n, String name, String w) {
      return resolve(n.get(name), w + "." + name);
    }

    private Path resolve(JsonNode v, String w) {
      if (v == null || !v.isTextual() || v.textValue().isBlank()) {
        throw fail(w, "expected a path");
      }
      try {
        return base.resolve(v.textValue()).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw fail(w, "not a valid path");
      }
    }

    private static PracticeException fail(String w, String message) {
      return new PracticeException(Code.INVALID_INPUT, "config" + w, message);
    }
  }
}
