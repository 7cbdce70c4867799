package dev.ins.security.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.internal.CanonicalJson;
import java.util.List;

/**
 * The result of {@link AuditVerifier#verify}: intact or not, sizes, and every finding.
 *
 * <pre>{@code
 * AuditReport r = AuditVerifier.verify(logFile, List.of(checkpoint), "cab-42", publicKey);
 * if (!r.intact()) alert(r.toJson());
 * }</pre>
 *
 * @param intact true when no fatal finding was made
 * @param entries the number of lines in the log
 * @param checkpointSize the largest checkpointed size
 * @param findings everything found, fatal or not
 */
public record AuditReport(boolean intact, long entries, long checkpointSize, List<AuditFinding> findings) {

  /**
   * Copies the findings.
   *
   * @param intact whether intact
   * @param entries entries read
   * @param checkpointSize largest checkpoint size
   * @param findings the findings
   */
  public AuditReport {
    findings = List.copyOf(findings);
  }

  /**
   * Returns how many entries follow the newest valid checkpoint (the {@code UNCOVERED_TAIL}
   * finding): entries no checkpoint vouches for yet.
   *
   * @return the count, 0 when every entry is covered
   */
  public long uncoveredEntries() {
    for (AuditFinding f : findings) {
      if (f.kind() == AuditFinding.Kind.UNCOVERED_TAIL) {
        return entries - f.index();
      }
    }
    return 0;
  }

  /**
   * Returns one JSON object describing the result (the CLI's output).
   *
   * @return canonical JSON text
   */
  public String toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("intact", intact);
    o.put("entries", entries);
    o.put("checkpointSize", checkpointSize);
    o.put("uncoveredEntries", uncoveredEntries());
    ArrayNode a = o.putArray("findings");
    for (AuditFinding f : findings) {
      ObjectNode fo = a.addObject();
      fo.put("kind", f.kind().name());
      fo.put("index", f.index());
      if (f.kind() == AuditFinding.Kind.UNCOVERED_TAIL) {
        fo.put("count", entries - f.index());
      }
      fo.put("message", f.message());
      fo.put("fatal", f.fatal());
    }
    return CanonicalJson.toText(o);
  }
}
