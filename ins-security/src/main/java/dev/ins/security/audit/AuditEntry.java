package dev.ins.security.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import dev.ins.security.internal.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One access to identity data, as recorded in the {@link AuditLog}: when, who (a pseudonymous
 * user id), what action, on which subject (a {@link dev.ins.security.Pseudonym}, never traits),
 * the outcome and a few extra details.
 *
 * <p>Patient data is kept out by construction: no field may hold a run of 13 or more digits (the
 * shape of a NIR) and subjects are meant to be pseudonyms. Times are UTC with millisecond
 * precision. The serialized form is canonical JSON (sorted keys, no whitespace), so the same
 * entry always hashes the same.
 *
 * <pre>{@code
 * AuditEntry e = AuditEntry.of(clock.instant(), "user-7", "insi.search", pseudonym.format(), "found");
 * }</pre>
 *
 * @param time when it happened (truncated to milliseconds)
 * @param actor the pseudonymous id of the user or system, 1..128 chars
 * @param action {@code [a-z0-9._-]{1,64}}, e.g. {@code insi.search}, {@code identity.read}
 * @param subject the object of the action (a pseudonym), or {@code ""} when none
 * @param outcome {@code [a-z0-9._-]{1,32}}, e.g. {@code ok}, {@code denied}, {@code found}
 * @param details at most 16 extra key/value pairs, keys {@code [A-Za-z0-9._-]{1,64}}, values up to
 *     256 chars
 */
public record AuditEntry(
    Instant time, String actor, String action, String subject, String outcome, Map<String, String> details) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9._-]{1,64}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NIR_LIKE = Pattern.compile("[0-9]{13,}|[0-9]{5}2[AaBb][0-9]{6}");
  private static final List<String> FIELDS = List.of("action", "actor", "details", "outcome", "subject", "time");

  /**
   * Validates the entry.
   *
   * @param time not null
   * @param actor 1..128 chars, no control characters
   * @param action {@code [a-z0-9._-]{1,64}}
   * @param subject up to 128 chars, may be empty
   * @param outcome {@code [a-z0-9._-]{1,32}}
   * @param details at most 16 pairs
   */
  public AuditEntry {
    Objects.requireNonNull(time, "time == null");
    time = time.truncatedTo(ChronoUnit.MILLIS);
    text("actor", actor, 1, 128);
    if (action == null || !CODE.matcher(action).matches()) {
      throw bad("action", "must match [a-z0-9._-]{1,64}");
    }
    text("subject", subject, 0, 128);
    if (outcome == null || outcome.length() > 32 || !CODE.matcher(outcome).matches()) {
      throw bad("outcome", "must match [a-z0-9._-]{1,32}");
    }
    Objects.requireNonNull(details, "details == null");
    if (details.size() > 16) {
      throw bad("details", "at most 16 entries");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> d : details.entrySet()) {
      if (d.getKey() == null || !KEY.matcher(d.getKey()).matches()) {
        throw bad("details", "keys must match [A-Za-z0-9._-]{1,64}");
      }
      text("details." + d.getKey(), d.getValue(), 0, 256);
      copy.put(d.getKey(), d.getValue());
    }
    details = Collections.unmodifiableMap(copy);
  }

  /**
   * Creates an entry without details.
   *
   * @param time when
   * @param actor who
   * @param action what
   * @param subject on what (a pseudonym), or empty
   * @param outcome result
   * @return the entry
   */
  public static AuditEntry of(Instant time, String actor, String action, String subject, String outcome) {
    return new AuditEntry(time, actor, action, subject, outcome, Map.of());
  }

  private static void text(String field, String v, int min, int max) {
    if (v == null || v.length() < min || v.length() > max) {
      throw bad(field, "length must be in " + min + ".." + max);
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw bad(field, "control character at index " + i);
      }
    }
    if (NIR_LIKE.matcher(v).find()) {
      throw bad(field, "looks like a NIR/matricule; audit entries hold pseudonyms, never patient data");
    }
  }

  private static InsCryptoException bad(String field, String msg) {
    return new InsCryptoException(Code.POLICY_VIOLATION, "auditEntry." + field, msg);
  }

  /**
   * Returns the canonical JSON bytes (the Merkle leaf data).
   *
   * @return UTF-8 JSON without a newline
   */
  public byte[] toCanonicalJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("time", time.toString());
    o.put("actor", actor);
    o.put("action", action);
    o.put("subject", subject);
    o.put("outcome", outcome);
    o.set("details", CanonicalJson.fromMap(details));
    return CanonicalJson.encode(o);
  }

  /**
   * Parses canonical JSON strictly: exact fields, canonical form, all rules of the constructor.
   *
   * @param json UTF-8 JSON
   * @return the entry
   * @throws InsCryptoException MALFORMED or POLICY_VIOLATION naming the field
   */
  public static AuditEntry parse(byte[] json) {
    Objects.requireNonNull(json, "json == null");
    if (json.length > 16384) {
      throw new InsCryptoException(Code.MALFORMED, "auditEntry", "longer than 16384 bytes");
    }
    JsonNode n = CanonicalJson.parse(json, "auditEntry");
    CanonicalJson.requireFields(n, "auditEntry", FIELDS, List.of());
    Instant t;
    String ts = CanonicalJson.text(n, "time", "auditEntry");
    try {
      t = Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new InsCryptoException(Code.MALFORMED, "auditEntry.time", "not an ISO-8601 instant", e);
    }
    JsonNode d = n.get("details");
    if (!d.isObject()) {
      throw new InsCryptoException(Code.MALFORMED, "auditEntry.details", "expected an object");
    }
    TreeMap<String, String> details = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : d.properties()) {
      if (!e.getValue().isTextual()) {
        throw new InsCryptoException(Code.MALFORMED, "auditEntry.details." + e.getKey(), "expected a string");
      }
      details.put(e.getKey(), e.getValue().textValue());
    }
    AuditEntry entry =
        new AuditEntry(
            t,
            CanonicalJson.text(n, "actor", "auditEntry"),
            CanonicalJson.text(n, "action", "auditEntry"),
            CanonicalJson.text(n, "subject", "auditEntry"),
            CanonicalJson.text(n, "outcome", "auditEntry"),
            details);
    // The rest of the canonical form was checked by CanonicalJson.parse; the time string must be
    // the one toCanonicalJson() writes.
    if (!entry.time().toString().equals(ts)) {
      throw new InsCryptoException(Code.MALFORMED, "auditEntry.time", "time not in canonical form (UTC, millisecond precision)");
    }
    return entry;
  }

  /**
   * Returns the canonical JSON as text.
   *
   * @return the JSON
   */
  public String toJsonText() {
    return new String(toCanonicalJson(), StandardCharsets.UTF_8);
  }
}
