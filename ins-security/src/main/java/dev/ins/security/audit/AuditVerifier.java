package dev.ins.security.audit;

import dev.ins.security.Ed25519PublicKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.audit.AuditFinding.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The auditor's check of an audit log against saved, signed checkpoints. It detects any
 * modification, deletion, reordering or truncation of the checkpointed entries, and says where
 * (between which checkpoints, at which line).
 *
 * <p>Every checkpoint must verify under the trusted key and, when an origin is pinned, name that
 * log; the log must hold at least as many entries as each checkpoint; the first {@code size}
 * entries must hash to its root. Entries after the newest checkpoint are reported as their own
 * {@code UNCOVERED_TAIL} finding with their count (not fatal: no checkpoint vouches for them yet).
 *
 * <pre>{@code
 * AuditReport r = AuditVerifier.verify(Path.of("audit.jsonl"), List.of(Checkpoint.parse(text)),
 *     "cab-42", Ed25519PublicKey.parse(b64));
 * }</pre>
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Verifies a log file.
   *
   * @param log the log file
   * @param checkpoints saved checkpoints, at least one
   * @param keyName the trusted signer name
   * @param key the trusted public key
   * @return the report
   */
  public static AuditReport verify(Path log, List<Checkpoint> checkpoints, String keyName, Ed25519PublicKey key) {
    return verify(log, checkpoints, null, keyName, key);
  }

  /**
   * Verifies a log file against checkpoints that must all belong to one named log: a checkpoint
   * of another log (another practice's, an old installation's) is an {@code ORIGIN_MISMATCH}.
   *
   * <pre>{@code
   * AuditReport r = AuditVerifier.verify(logFile, checkpoints, "cab-42.example/audit", "cab-42", key);
   * }</pre>
   *
   * @param log the log file
   * @param checkpoints saved checkpoints, at least one
   * @param origin the log's name every checkpoint must carry, or null to accept the first one's
   * @param keyName the trusted signer name
   * @param key the trusted public key
   * @return the report
   */
  public static AuditReport verify(Path log, List<Checkpoint> checkpoints, String origin, String keyName,
      Ed25519PublicKey key) {
    try (InputStream in = Files.newInputStream(log)) {
      return verify(in, checkpoints, origin, keyName, key);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "no such file", e);
    } catch (IOException e) {
      throw new InsCryptoException(Code.IO, "auditLog.file", "cannot read the audit log", e);
    }
  }

  /**
   * Verifies log bytes.
   *
   * @param log the log contents
   * @param checkpoints saved checkpoints, at least one
   * @param keyName the trusted signer name
   * @param key the trusted public key
   * @return the report
   */
  public static AuditReport verify(byte[] log, List<Checkpoint> checkpoints, String keyName, Ed25519PublicKey key) {
    try {
      return verify(new ByteArrayInputStream(log), checkpoints, null, keyName, key);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuditReport verify(InputStream in, List<Checkpoint> checkpoints, String pinnedOrigin,
      String keyName, Ed25519PublicKey key) throws IOException {
    Objects.requireNonNull(keyName, "keyName == null");
    Objects.requireNonNull(key, "key == null");
    if (checkpoints == null || checkpoints.isEmpty()) {
      throw new InsCryptoException(Code.POLICY_VIOLATION, "checkpoints", "at least one saved checkpoint is needed");
    }
    List<AuditFinding> findings = new ArrayList<>();
    MerkleTree tree = new MerkleTree();
    Instant[] last = {null};
    try {
      AuditLog.Lines.read(
          in,
          line -> {
            if (!line.terminated()) {
              findings.add(new AuditFinding(Kind.UNTERMINATED_LINE, line.index(), "last line has no newline (cut or interrupted write)", true));
            }
            try {
              AuditEntry e = AuditEntry.parse(line.bytes());
              if (last[0] != null && e.time().isBefore(last[0])) {
                findings.add(new AuditFinding(Kind.TIME_REGRESSION, line.index(), "time earlier than the previous entry", false));
              }
              last[0] = e.time();
            } catch (InsCryptoException ex) {
              findings.add(new AuditFinding(Kind.MALFORMED_ENTRY, line.index(), ex.getMessage(), true));
            }
            tree.append(line.bytes());
          });
    } catch (InsCryptoException e) {
      findings.add(new AuditFinding(Kind.MALFORMED_ENTRY, -1, e.getMessage(), true));
    }
    long n = tree.size();
    List<Checkpoint> valid = new ArrayList<>();
    String origin = pinnedOrigin;
    for (Checkpoint cp : checkpoints) {
      if (!cp.verify(keyName, key)) {
        findings.add(new AuditFinding(Kind.SIGNATURE_INVALID, -1, "checkpoint of size " + cp.size() + " is not signed by the trusted key '" + keyName + "'", true));
        continue;
      }
      if (origin != null && !origin.equals(cp.origin())) {
        findings.add(new AuditFinding(Kind.ORIGIN_MISMATCH, -1, pinnedOrigin != null
            ? "checkpoint of size " + cp.size() + " belongs to log '" + cp.origin() + "', not to '" + pinnedOrigin + "'"
            : "checkpoints name different logs", true));
        continue;
      }
      origin = cp.origin();
      valid.add(cp);
    }
    valid.sort(Comparator.comparingLong(Checkpoint::size));
    long maxSize = 0;
    long lastGood = 0;
    for (Checkpoint cp : valid) {
      maxSize = Math.max(maxSize, cp.size());
      if (cp.size() > n) {
        findings.add(new AuditFinding(Kind.TRUNCATED, n, "log has " + n + " entries but a checkpoint commits to " + cp.size() + ": entries " + n + ".." + (cp.size() - 1) + " are missing", true));
        continue;
      }
      if (!MessageDigest.isEqual(tree.root(cp.size()), cp.root())) {
        findings.add(new AuditFinding(Kind.ROOT_MISMATCH, lastGood, "entries " + lastGood + ".." + (cp.size() - 1) + " were modified, deleted, inserted or reordered (root differs from the checkpoint of size " + cp.size() + ")", true));
      } else {
        lastGood = cp.size();
      }
    }
    if (n > maxSize && !valid.isEmpty()) {
      findings.add(new AuditFinding(Kind.UNCOVERED_TAIL, maxSize, (n - maxSize) + " entries (" + maxSize + ".."
          + (n - 1) + ") appended after the newest checkpoint: no checkpoint vouches for them yet", false));
    }
    boolean intact = !valid.isEmpty() && findings.stream().noneMatch(AuditFinding::fatal);
    return new AuditReport(intact, n, maxSize, findings);
  }
}
