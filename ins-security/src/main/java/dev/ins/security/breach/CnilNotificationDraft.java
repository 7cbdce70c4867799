package dev.ins.security.breach;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.internal.CanonicalJson;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A draft CNIL breach notification assembled from a {@link BreachRecord} and audit-log queries:
 * what happened, when, how many people (distinct pseudonymous subjects touched), how many records
 * (matching entries), which data, and whether the 72-hour deadline holds.
 *
 * <p>It is a draft for the controller and the DPO to complete and submit through the CNIL's
 * online form; the SDK does not submit anything. It holds no patient data: subjects are counted,
 * not listed.
 *
 * <pre>{@code
 * CnilNotificationDraft d = CnilNotificationDraft.assemble(breach, log.entries(),
 *     from, to, e -> e.actor().equals("compromised-account"), "dpo@cabinet.example", clock.instant());
 * String json = d.toJson();
 * }</pre>
 *
 * @param breach the register entry
 * @param windowStart start of the period examined
 * @param windowEnd end of the period examined
 * @param affectedPersons distinct subjects in matching entries (approximate number of persons)
 * @param affectedRecords matching audit entries (approximate number of records)
 * @param actionsSeen matching entries per action
 * @param firstSeen the earliest matching entry, or null
 * @param lastSeen the latest matching entry, or null
 * @param contact the DPO or contact point
 * @param preparedAt when the draft was prepared
 */
public record CnilNotificationDraft(
    BreachRecord breach,
    Instant windowStart,
    Instant windowEnd,
    long affectedPersons,
    long affectedRecords,
    Map<String, Long> actionsSeen,
    Instant firstSeen,
    Instant lastSeen,
    String contact,
    Instant preparedAt) {

  /**
   * Copies the map.
   *
   * @param breach the breach
   * @param windowStart start
   * @param windowEnd end
   * @param affectedPersons persons
   * @param affectedRecords records
   * @param actionsSeen per action
   * @param firstSeen earliest, may be null
   * @param lastSeen latest, may be null
   * @param contact contact
   * @param preparedAt preparation time
   */
  public CnilNotificationDraft {
    Objects.requireNonNull(breach, "breach == null");
    actionsSeen = Map.copyOf(actionsSeen);
  }

  /**
   * Assembles a draft.
   *
   * @param breach the register entry
   * @param entries the audit entries (e.g. {@code AuditLog.entries()})
   * @param from start of the examined period (inclusive)
   * @param to end of the examined period (exclusive)
   * @param concerned which entries the breach concerns (compromised account, terminal, action...)
   * @param contact the DPO or contact point
   * @param now the preparation time
   * @return the draft
   */
  public static CnilNotificationDraft assemble(
      BreachRecord breach, List<AuditEntry> entries, Instant from, Instant to, Predicate<AuditEntry> concerned, String contact, Instant now) {
    Set<String> subjects = new HashSet<>();
    Map<String, Long> actions = new TreeMap<>();
    long records = 0;
    Instant first = null;
    Instant last = null;
    for (AuditEntry e : entries) {
      if (e.time().isBefore(from) || !e.time().isBefore(to) || !concerned.test(e)) {
        continue;
      }
      records++;
      if (!e.subject().isEmpty()) {
        subjects.add(e.subject());
      }
      actions.merge(e.action(), 1L, Long::sum);
      first = first == null || e.time().isBefore(first) ? e.time() : first;
      last = last == null || e.time().isAfter(last) ? e.time() : last;
    }
    return new CnilNotificationDraft(breach, from, to, subjects.size(), records, actions, first, last, contact, now);
  }

  /**
   * Tells whether the notification is late if sent when the draft was prepared.
   *
   * @return true after 72 hours; the notification must then give the reasons
   */
  public boolean late() {
    return breach.isLate(preparedAt);
  }

  /**
   * Returns the draft as one JSON object, in the order of the CNIL form's sections.
   *
   * @return canonical JSON text
   */
  public String toJson() {
    ObjectNode o = CanonicalJson.object();
    o.put("reference", breach.id());
    o.put("awareAt", breach.awareAt().toString());
    o.put("deadline", breach.deadline().toString());
    o.put("preparedAt", preparedAt.toString());
    o.put("late", late());
    o.put("reasonForDelay", breach.reasonNotNotifiedOrLate());
    o.put("nature", breach.nature());
    ArrayNode cats = o.putArray("dataCategories");
    breach.categories().stream().sorted().forEach(c -> cats.add(c.name()));
    o.put("approximatePersons", affectedPersons);
    o.put("approximateRecords", affectedRecords);
    ObjectNode acts = o.putObject("accessesByAction");
    actionsSeen.forEach(acts::put);
    o.put("periodExamined", windowStart + "/" + windowEnd);
    o.put("firstAccessSeen", firstSeen == null ? "" : firstSeen.toString());
    o.put("lastAccessSeen", lastSeen == null ? "" : lastSeen.toString());
    o.put("likelyConsequences", breach.likelyConsequences());
    o.put("measures", breach.measures());
    o.put("contact", contact);
    return CanonicalJson.toText(o);
  }
}
