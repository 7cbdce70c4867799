package dev.ins.security.killswitch;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.SignedJson;
import dev.ins.security.logging.PiiRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The persistent kill switch: a small state file signed with an Ed25519 key of the SDK
 * ({@link SignedJson} of type {@value #TYPE}), so that it survives restarts and a change of any
 * byte is detected.
 *
 * <p>Rules, fail closed: no file means {@code OFF}; a verified {@code ENGAGED} file blocks; a
 * verified {@code RELEASED} file (written by {@link #release}) lets calls through; a file that is
 * unreadable, larger than 8 KiB, malformed, tampered with, or signed by another key than the
 * trusted one ({@link #trusting}) is {@code UNVERIFIABLE} and blocks. Only the key that engaged
 * the switch can release it. The file is read on every {@link #state()} call (a few hundred bytes
 * and one signature check), so a switch engaged by another process is honoured at once. Deleting
 * the file turns the switch off: protect its folder like the key files.
 *
 * <pre>{@code
 * KillSwitchFile ks = KillSwitchFile.at(Path.of("/var/lib/cabinet/kill-switch.json"));
 * ks.engage("INC-2026-001", "rançongiciel suspecté", incidentKey, clock.instant());
 * ks.state().blocksOutbound();   // true, in every process using this file
 * ks.release("INC-2026-001", "postes réinstallés, sauvegarde restaurée", incidentKey, clock.instant());
 * }</pre>
 */
public final class KillSwitchFile implements KillSwitch {
  /** The signed document type. */
  public static final String TYPE = "ins-sdk/kill-switch/v1";
  /** The system property naming the state file. */
  public static final String LOCATION_PROPERTY = "ins.killswitch.file";
  /** The environment variable naming the state file (when the property is not set). */
  public static final String LOCATION_ENV = "INS_KILL_SWITCH_FILE";
  /** The system property giving the trusted signer's base64 Ed25519 public key. */
  public static final String KEY_PROPERTY = "ins.killswitch.key";
  /** The environment variable giving the trusted signer's key (when the property is not set). */
  public static final String KEY_ENV = "INS_KILL_SWITCH_KEY";
  /** The largest state file read. */
  public static final int MAX_BYTES = 8192;

  private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Path file;
  private final Ed25519PublicKey trusted;

  private KillSwitchFile(Path file, Ed25519PublicKey trusted) {
    this.file = file;
    this.trusted = trusted;
  }

  /**
   * The switch stored in a file, trusting the key that signed the file (integrity only).
   *
   * @param file the state file
   * @return the switch
   */
  public static KillSwitchFile at(Path file) {
    return new KillSwitchFile(Objects.requireNonNull(file, "file == null"), null);
  }

  /**
   * The switch at the documented location (see {@link KillSwitch#standard()}).
   *
   * @return the switch
   */
  public static KillSwitchFile standard() {
    KillSwitchFile f = at(standardLocation());
    String key = setting(KEY_PROPERTY, KEY_ENV);
    return key == null ? f : f.trusting(Ed25519PublicKey.parse(key));
  }

  /**
   * Returns the documented location: {@value #LOCATION_PROPERTY}, else {@value #LOCATION_ENV}, else
   * {@code ${user.home}/.ins-sdk/kill-switch.json}.
   *
   * @return the path
   */
  public static Path standardLocation() {
    String p = setting(LOCATION_PROPERTY, LOCATION_ENV);
    return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".ins-sdk", "kill-switch.json");
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  /**
   * Returns a switch on the same file that accepts only files signed by this key.
   *
   * @param key the trusted signer
   * @return the switch
   */
  public KillSwitchFile trusting(Ed25519PublicKey key) {
    return new KillSwitchFile(file, Objects.requireNonNull(key, "key == null"));
  }

  /**
   * Returns the state file's path.
   *
   * @return the path
   */
  public Path path() {
    return file;
  }

  @Override
  public KillSwitchState state() {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return unverifiable("the state file is larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return KillSwitchState.off();
    } catch (IOException | SecurityException e) {
      return unverifiable("the state file cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return read(bytes).state();
    } catch (InsCryptoException e) {
      return unverifiable("the state file does not verify: " + e.getMessage());
    }
  }

  private record Read(KillSwitchState state, Ed25519PublicKey signer) {}

  private Read read(byte[] bytes) {
    SignedJson.Document d = trusted == null
        ? SignedJson.verifySelfSigned(bytes, TYPE, MAX_BYTES)
        : SignedJson.verify(bytes, TYPE, trusted, MAX_BYTES);
    Map<String, Object> f = d.fields();
    if (!f.keySet().equals(java.util.Set.of("state", "incidentId", "at", "reason"))) {
      throw new InsCryptoException(Code.MALFORMED, "killSwitch", "expected the fields state, incidentId, at, reason");
    }
    KillSwitchState.Status status;
    Object s = f.get("state");
    if ("ENGAGED".equals(s)) {
      status = KillSwitchState.Status.ENGAGED;
    } else if ("RELEASED".equals(s)) {
      status = KillSwitchState.Status.RELEASED;
    } else {
      throw new InsCryptoException(Code.MALFORMED, "killSwitch.state", "expected ENGAGED or RELEASED");
    }
    Instant at;
    try {
      at = Instant.parse(String.valueOf(f.get("at")));
    } catch (DateTimeParseException e) {
      throw new InsCryptoException(Code.MALFORMED, "killSwitch.at", "not an ISO-8601 instant", e);
    }
    String id = String.valueOf(f.get("incidentId"));
    if (!INCIDENT_ID.matcher(id).matches()) {
      throw new InsCryptoException(Code.MALFORMED, "killSwitch.incidentId", "must match [A-Za-z0-9._-]{1,64}");
    }
    return new Read(new KillSwitchState(status, id, Optional.of(at), String.valueOf(f.get("reason"))), d.signer());
  }

  private static KillSwitchState unverifiable(String why) {
    return new KillSwitchState(KillSwitchState.Status.UNVERIFIABLE, "", Optional.empty(), why);
  }

  /**
   * Engages the switch: writes a signed {@code ENGAGED} state (atomically, owner-only permissions
   * where the file system has them). Engaging an engaged switch rewrites it.
   *
   * @param incidentId {@code [A-Za-z0-9._-]{1,64}}
   * @param reason why, up to 512 characters, no patient data
   * @param key the incident signing key (the same key must release it)
   * @param at now
   * @return the new state
   */
  public KillSwitchState engage(String incidentId, String reason, Ed25519SigningKey key, Instant at) {
    return write("ENGAGED", incidentId, reason, key, at);
  }

  /**
   * Releases the switch after an incident: writes a signed {@code RELEASED} state.
   *
   * @param incidentId the incident being closed
   * @param note the post-incident note, 1..512 characters, no patient data
   * @param key the key that engaged the switch
   * @param at now
   * @return the new state
   * @throws InsCryptoException VERIFICATION_FAILED when the current file was signed by another key
   *     or cannot be verified, POLICY_VIOLATION when the switch is not engaged for this incident
   */
  public KillSwitchState release(String incidentId, String note, Ed25519SigningKey key, Instant at) {
    Objects.requireNonNull(key, "key == null");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch", "not engaged: no readable state file", e);
    }
    Read current = read(bytes);
    if (!current.signer().equals(key.publicKey())) {
      throw new InsCryptoException(Code.VERIFICATION_FAILED, "killSwitch.signer", "only the key that engaged the switch can release it");
    }
    if (current.state().status() != KillSwitchState.Status.ENGAGED || !current.state().incidentId().equals(incidentId)) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch.incidentId", "the switch is not engaged for incident " + incidentId);
    }
    if (note == null || note.isBlank()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch.reason", "a post-incident note is required");
    }
    return write("RELEASED", incidentId, note, key, at);
  }

  private KillSwitchState write(String state, String incidentId, String reason, Ed25519SigningKey key, Instant at) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(at, "at == null");
    if (incidentId == null || !INCIDENT_ID.matcher(incidentId).matches()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch.incidentId", "must match [A-Za-z0-9._-]{1,64}");
    }
    if (reason == null || reason.length() > 512 || !PiiRedactor.redact(reason).equals(reason)) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch.reason", "at most 512 characters and no matricule");
    }
    if (trusted != null && !trusted.equals(key.publicKey())) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "killSwitch.signer", "this switch trusts another key");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("state", state);
    fields.put("incidentId", incidentId);
    fields.put("at", at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    fields.put("reason", reason);
    byte[] text = (SignedJson.sign(TYPE, fields, key) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".kill-switch", ".tmp");
      try {
        ownerOnly(tmp);
        Files.write(tmp, text);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "killSwitch.file", "cannot write the kill-switch state file", e);
    }
    return read(text).state();
  }

  private static void ownerOnly(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the folder's ACL protects it.
    }
  }

  @Override
  public String toString() {
    return "KillSwitchFile[" + file + (trusted == null ? "" : ", trusting " + trusted.toBase64()) + "]";
  }
}
