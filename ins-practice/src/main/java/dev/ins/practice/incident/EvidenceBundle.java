package dev.ins.practice.incident;

import dev.ins.practice.PracticeException;
import dev.ins.practice.PracticeException.Code;
import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.SignedJson;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.audit.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The evidence bundle for the police complaint: copies of the chosen folders and logs, a copy of
 * the audit log with a signed checkpoint taken now, a SHA-256 manifest of every file, a signed,
 * time-stamped description of the bundle, and a chain-of-custody record. {@link #verify} later
 * detects any change: a file modified, added or removed, the manifest or description edited, a
 * custody record altered, removed or reordered.
 *
 * <p>Layout of the bundle folder: {@code files/<n>-<name>/...} (copies; symbolic links are not
 * followed and are listed as skipped), {@code audit/audit.jsonl} and {@code audit/checkpoint.txt},
 * {@code MANIFEST.sha256} ({@code sha256sum} format, sorted, so {@code sha256sum -c} checks it too),
 * {@code bundle.json} ({@link SignedJson} {@value #TYPE}: incident, time, manifest hash, counts,
 * checkpoint), {@code custody.jsonl} (one signed record per hand-over, each naming the previous
 * record's hash). Copies never touch the originals (read-only). The time is the signer's clock:
 * no third-party time-stamp is possible offline; the audit checkpoint anchors it.
 *
 * <pre>{@code
 * EvidenceBundle.Created b = EvidenceBundle.create(dir, "INC-1", List.of(Path.of("C:/rancon")), log,
 *     "cabinet-42", key, clock.instant(), "Dr Martin", 4L << 30);
 * EvidenceBundle.handOver(dir, "Dr Martin", "Gendarmerie de Riom", "plainte", key, clock.instant());
 * EvidenceBundle.Verification v = EvidenceBundle.verify(dir, key.publicKey());
 * }</pre>
 */
public final class EvidenceBundle {
  /** The signed description's type. */
  public static final String TYPE = "ins-sdk/evidence-bundle/v1";
  /** The custody records' type. */
  public static final String CUSTODY_TYPE = "ins-sdk/custody/v1";
  /** The manifest file. */
  public static final String MANIFEST = "MANIFEST.sha256";

  private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S.*)");

  private EvidenceBundle() {}

  /**
   * What was packaged.
   *
   * @param folder the bundle folder
   * @param files the number of files in the manifest
   * @param bytes their total size
   * @param manifestSha256 the manifest's SHA-256 (hex)
   * @param skipped entries not copied (symbolic links, unreadable files), by path
   */
  public record Created(Path folder, int files, long bytes, String manifestSha256, List<String> skipped) {
    /**
     * Copies.
     *
     * @param folder not null
     * @param files non-negative
     * @param bytes non-negative
     * @param manifestSha256 not null
     * @param skipped not null
     */
    public Created {
      Objects.requireNonNull(folder, "folder == null");
      Objects.requireNonNull(manifestSha256, "manifestSha256 == null");
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * The result of {@link #verify}.
   *
   * @param intact true when nothing changed
   * @param incidentId the incident named by the signed description, empty if unreadable
   * @param custodyRecords the number of verified custody records
   * @param findings what changed, each naming the file or record
   */
  public record Verification(boolean intact, String incidentId, int custodyRecords, List<String> findings) {
    /**
     * Copies.
     *
     * @param intact whether intact
     * @param incidentId not null
     * @param custodyRecords non-negative
     * @param findings not null
     */
    public Verification {
      Objects.requireNonNull(incidentId, "incidentId == null");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Creates a bundle.
   *
   * @param folder the bundle folder (must not exist yet)
   * @param incidentId the incident
   * @param include the folders and files to copy (logs, ransom note, encrypted samples, e-mails)
   * @param log the practice's audit log (copied, and a checkpoint of it is signed now)
   * @param keyName the checkpoint signer's name
   * @param key the signing key
   * @param at now
   * @param custodian who made the bundle (first custody record)
   * @param maxBytes the bound on the copied bytes
   * @return what was packaged
   * @throws PracticeException STATE when the folder exists, INVALID_INPUT when a source is missing
   *     or the bound is exceeded, IO when copying fails
   */
  public static Created create(Path folder, String incidentId, List<Path> include, AuditLog log, String keyName,
      Ed25519SigningKey key, Instant at, String custodian, long maxBytes) {
    Objects.requireNonNull(key, "key == null");
    if (Files.exists(folder)) {
      throw new PracticeException(Code.STATE, "evidence.folder", "the bundle folder already exists");
    }
    List<String> skipped = new ArrayList<>();
    long[] total = {0};
    try {
      Files.createDirectories(folder.resolve("files"));
      Files.createDirectories(folder.resolve("audit"));
      int n = 0;
      for (Path src : include) {
        n++;
        if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
          throw new PracticeException(Code.INVALID_INPUT, "evidence.include[" + (n - 1) + "]", "no such file or folder");
        }
        Path name = src.toAbsolutePath().normalize().getFileName();
        Path dst = folder.resolve("files").resolve(n + "-" + (name == null ? "racine" : name.toString()));
        copy(src, dst, skipped, total, maxBytes);
      }
      Checkpoint cp = log.checkpoint("evidence/" + incidentId, keyName, key);
      StringBuilder audit = new StringBuilder();
      log.entries().forEach(e -> audit.append(e.toJsonText()).append('\n'));
      Files.writeString(folder.resolve("audit/audit.jsonl"), audit.toString(), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("audit/checkpoint.txt"), cp.format(), StandardCharsets.UTF_8);
      TreeMap<String, String> hashes = new TreeMap<>();
      long bytes = 0;
      for (Path p : regularFiles(folder)) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith("files/") || rel.startsWith("audit/")) {
          hashes.put(rel, sha256(p));
          bytes += Files.size(p);
        }
      }
      StringBuilder m = new StringBuilder();
      hashes.forEach((rel, h) -> m.append(h).append("  ").append(rel).append('\n'));
      byte[] manifest = m.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(MANIFEST), manifest);
      String manifestHash = HexFormat.of().formatHex(digest().digest(manifest));
      Map<String, Object> desc = new LinkedHashMap<>();
      desc.put("incidentId", incidentId);
      desc.put("createdAt", at.toString());
      desc.put("manifestSha256", manifestHash);
      desc.put("files", hashes.size());
      desc.put("bytes", bytes);
      desc.put("checkpointOrigin", cp.origin());
      desc.put("checkpointSize", cp.size());
      desc.put("skipped", skipped);
      Files.writeString(folder.resolve("bundle.json"), SignedJson.sign(TYPE, desc, key) + "\n", StandardCharsets.UTF_8);
      handOver(folder, custodian, custodian, "constitution du dossier de preuves", key, at);
      return new Created(folder, hashes.size(), bytes, manifestHash, skipped);
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "evidence", "cannot write the evidence bundle (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static void copy(Path src, Path dst, List<String> skipped, long[] total, long maxBytes) throws IOException {
    Files.walkFileTree(src, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(dst.resolve(src.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
          skipped.add(f.toString());
          return FileVisitResult.CONTINUE;
        }
        total[0] += attrs.size();
        if (total[0] > maxBytes) {
          throw new PracticeException(Code.INVALID_INPUT, "evidence.include", "more than " + maxBytes + " bytes to copy");
        }
        Path target = src.equals(f) ? dst : dst.resolve(src.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        skipped.add(f.toString());
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Appends a chain-of-custody record: who handed the bundle to whom, when, and why.
   *
   * @param folder the bundle folder
   * @param from who hands it over
   * @param to who receives it
   * @param purpose why (e.g. "plainte", "expertise")
   * @param key the signing key
   * @param at now
   */
  public static void handOver(Path folder, String from, String to, String purpose, Ed25519SigningKey key, Instant at) {
    try {
      Path custody = folder.resolve("custody.jsonl");
      List<String> lines = Files.exists(custody) ? Files.readAllLines(custody, StandardCharsets.UTF_8) : List.of();
      String previous = lines.isEmpty() ? "" : HexFormat.of().formatHex(digest().digest(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8)));
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("seq", lines.size() + 1);
      rec.put("at", at.toString());
      rec.put("from", Objects.requireNonNull(from, "from == null"));
      rec.put("to", Objects.requireNonNull(to, "to == null"));
      rec.put("purpose", Objects.requireNonNull(purpose, "purpose == null"));
      rec.put("bundleSha256", sha256(folder.resolve("bundle.json")));
      rec.put("previous", previous);
      Files.writeString(custody, SignedJson.sign(CUSTODY_TYPE, rec, key) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new PracticeException(Code.IO, "evidence.custody", "cannot append the custody record", e);
    }
  }

  /**
   * Verifies a bundle.
   *
   * @param folder the bundle folder
   * @param trusted the key that signed it
   * @return every difference found
   */
  public static Verification verify(Path folder, Ed25519PublicKey trusted) {
    List<String> findings = new ArrayList<>();
    String incident = "";
    String manifestHash = null;
    try {
      SignedJson.Document d = SignedJson.verify(Files.readAllBytes(folder.resolve("bundle.json")), TYPE, trusted, 1 << 20);
      incident = String.valueOf(d.fields().get("incidentId"));
      manifestHash = String.valueOf(d.fields().get("manifestSha256"));
    } catch (IOException e) {
      findings.add("bundle.json: missing or unreadable");
    } catch (InsCryptoException e) {
      findings.add("bundle.json: " + e.getMessage());
    }
    Map<String, String> listed = new TreeMap<>();
    try {
      byte[] manifest = Files.readAllBytes(folder.resolve(MANIFEST));
      if (manifestHash != null && !manifestHash.equals(HexFormat.of().formatHex(digest().digest(manifest)))) {
        findings.add(MANIFEST + ": changed since the bundle was signed");
      }
      for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        java.util.regex.Matcher mm = LINE.matcher(line);
        if (!mm.matches()) {
          findings.add(MANIFEST + ": malformed line");
          continue;
        }
        listed.put(mm.group(2), mm.group(1));
      }
    } catch (IOException e) {
      findings.add(MANIFEST + ": missing or unreadable");
    }
    try {
      Map<String, Boolean> seen = new TreeMap<>();
      for (Path p : regularFiles(folder)) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith("files/") && !rel.startsWith("audit/")) {
          continue;
        }
        seen.put(rel, true);
        String expected = listed.get(rel);
        if (expected == null) {
          findings.add(rel + ": added after the bundle was made");
        } else if (!expected.equals(sha256(p))) {
          findings.add(rel + ": modified (SHA-256 differs)");
        }
      }
      for (String rel : listed.keySet()) {
        if (!seen.containsKey(rel)) {
          findings.add(rel + ": removed");
        }
      }
    } catch (IOException e) {
      findings.add("files: cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    int custody = 0;
    try {
      String bundleHash = sha256(folder.resolve("bundle.json"));
      List<String> lines = Files.readAllLines(folder.resolve("custody.jsonl"), StandardCharsets.UTF_8);
      String previous = "";
      for (int i = 0; i < lines.size(); i++) {
        try {
          SignedJson.Document d = SignedJson.verify(lines.get(i).getBytes(StandardCharsets.UTF_8), CUSTODY_TYPE, trusted, 65536);
          if (!Long.valueOf(i + 1).equals(d.fields().get("seq")) || !previous.equals(d.fields().get("previous"))) {
            findings.add("custody.jsonl: record " + (i + 1) + " out of order or a record before it was removed");
          } else if (!bundleHash.equals(d.fields().get("bundleSha256"))) {
            findings.add("custody.jsonl: record " + (i + 1) + " names another bundle.json");
          } else {
            custody++;
          }
        } catch (InsCryptoException e) {
          findings.add("custody.jsonl: record " + (i + 1) + " does not verify");
        }
        previous = HexFormat.of().formatHex(digest().digest(lines.get(i).getBytes(StandardCharsets.UTF_8)));
      }
      if (lines.isEmpty()) {
        findings.add("custody.jsonl: empty");
      }
    } catch (IOException e) {
      findings.add("custody.jsonl: missing or unreadable");
    }
    return new Verification(findings.isEmpty(), incident, custody, findings);
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.walk(folder)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(out::add);
    }
    return out;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String sha256(Path p) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
