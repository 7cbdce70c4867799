package dev.ins.security.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.internal.CanonicalJson;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link Backup#verify} or {@link Backup#restore}: intact or not, and why.
 *
 * <pre>{@code
 * BackupReport r = Backup.verify(file, trustedSigner);
 * if (!r.intact()) System.err.println(r.toJson());
 * }</pre>
 *
 * @param intact true when every check passed
 * @param decrypted true when the payload was also decrypted and authenticated
 * @param restoredBytes plaintext bytes written by a restore (0 for verify)
 * @param manifest the manifest, when it could be read
 * @param findings what failed, each naming the part of the file
 */
public record BackupReport(
    boolean intact, boolean decrypted, long restoredBytes, Optional<BackupManifest> manifest, List<String> findings) {

  /**
   * Copies the findings.
   *
   * @param intact whether intact
   * @param decrypted whether decrypted
   * @param restoredBytes bytes restored
   * @param manifest the manifest if read
   * @param findings the findings
   */
  public BackupReport {
    findings = List.copyOf(findings);
  }

  /**
   * Returns one JSON object describing the result (the CLI's output).
   *
   * @return canonical JSON text
   */
  public String toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("intact", intact);
    o.put("decrypted", decrypted);
    o.put("restoredBytes", restoredBytes);
    manifest.ifPresent(
        m -> {
          o.put("backupId", m.backupId());
          o.put("createdAt", m.createdAt().toString());
          o.put("plaintextLength", m.plaintextLength());
          o.put("label", m.label());
        });
    var a = o.putArray("findings");
    findings.forEach(a::add);
    return CanonicalJson.toText(o);
  }
}
