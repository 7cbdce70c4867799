package dev.ins.insi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call made to INSi while answering a search: what was sent (first names, birthplace or not)
 * and the report received.
 *
 * <p>{@link #toString()} masks the first names.
 *
 * <pre>{@code
 * for (Attempt a : result.attempts()) {
 *   log.info("attempt {} -> CR {} ({} ms)", a.index(), a.cr().code(), a.duration().toMillis());
 * }
 * }</pre>
 *
 * @param index 1-based position in the search
 * @param operation the operation called
 * @param firstNamesSent the {@code Prenom} values sent (patient data), empty for the Vitale search
 * @param birthplaceSent whether {@code LieuNaissance} was sent
 * @param cr the report received
 * @param messageId the {@code wsa:MessageID} sent
 * @param startedAt when the call started
 * @param duration how long the call took, transport retries included
 */
public record Attempt(int index, InsiOperation operation, List<String> firstNamesSent, boolean birthplaceSent,
    CompteRendu cr, String messageId, Instant startedAt, Duration duration) {

  /**
   * Validates and copies.
   *
   * @param index see the record component
   * @param operation see the record component
   * @param firstNamesSent see the record component
   * @param birthplaceSent see the record component
   * @param cr see the record component
   * @param messageId see the record component
   * @param startedAt see the record component
   * @param duration see the record component
   */
  public Attempt {
    if (index < 1) {
      throw new IllegalArgumentException("index starts at 1");
    }
    Objects.requireNonNull(operation, "operation");
    firstNamesSent = List.copyOf(firstNamesSent);
    Objects.requireNonNull(cr, "cr");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
  }

  /** Masked: first names are not shown. */
  @Override
  public String toString() {
    return "Attempt[" + index + ", " + operation + ", firstNames=" + firstNamesSent.size() + " value(s)"
        + ", birthplace=" + birthplaceSent + ", cr=" + cr.code() + ", messageId=" + messageId
        + ", " + duration.toMillis() + " ms]";
  }
}
