package dev.ins.security.audit;

import java.util.Objects;

/**
 * One finding of {@link AuditVerifier}: what is wrong, where, and whether it breaks integrity.
 *
 * <pre>{@code
 * for (AuditFinding f : report.findings()) System.out.println(f.kind() + " at " + f.index());
 * }</pre>
 *
 * @param kind what was found
 * @param index the entry index concerned, or -1 when the finding is not about one entry
 * @param message a plain explanation, without patient data
 * @param fatal whether it means the log is not intact
 */
public record AuditFinding(Kind kind, long index, String message, boolean fatal) {

  /** What the verifier found. */
  public enum Kind {
    /** A line is not a valid canonical entry. */
    MALFORMED_ENTRY,
    /** The last line has no terminating newline. */
    UNTERMINATED_LINE,
    /** A checkpoint's signature does not verify under the trusted key. */
    SIGNATURE_INVALID,
    /** The log holds fewer entries than a checkpoint commits to. */
    TRUNCATED,
    /** The entries covered by a checkpoint hash to another root: changed, deleted or reordered. */
    ROOT_MISMATCH,
    /** An entry's time is earlier than the previous entry's (clock step or reordering). */
    TIME_REGRESSION,
    /** Entries were appended after the newest checkpoint (normal; not yet covered). */
    UNCOVERED_TAIL,
    /** Two checkpoints name different logs. */
    ORIGIN_MISMATCH
  }

  /**
   * Validates.
   *
   * @param kind not null
   * @param index -1 or an entry index
   * @param message not null
   * @param fatal whether integrity is broken
   */
  public AuditFinding {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
  }
}
