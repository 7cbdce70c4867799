package dev.ins.security.breach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The internal register of personal-data breaches (GDPR art. 33(5)): every breach, notified or
 * not. Thread-safe. Entries are replaced by id when updated, never removed.
 *
 * <pre>{@code
 * BreachRegister reg = new BreachRegister();
 * reg.record(breach);
 * List<BreachRecord> due = reg.awaitingNotification();
 * }</pre>
 */
public final class BreachRegister {
  private final List<BreachRecord> records = new ArrayList<>();

  /** Creates an empty register. */
  public BreachRegister() {}

  /**
   * Adds a breach or replaces the record with the same id.
   *
   * @param r the record
   */
  public synchronized void record(BreachRecord r) {
    Objects.requireNonNull(r, "record == null");
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).id().equals(r.id())) {
        records.set(i, r);
        return;
      }
    }
    records.add(r);
  }

  /**
   * Finds a record.
   *
   * @param id the reference
   * @return the record, if any
   */
  public synchronized Optional<BreachRecord> find(String id) {
    return records.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * Returns every record, oldest first.
   *
   * @return an unmodifiable copy
   */
  public synchronized List<BreachRecord> all() {
    return Collections.unmodifiableList(new ArrayList<>(records));
  }

  /**
   * Returns the breaches not notified and without a recorded reason for not notifying.
   *
   * @return the records still needing a decision
   */
  public synchronized List<BreachRecord> awaitingNotification() {
    List<BreachRecord> out = new ArrayList<>();
    for (BreachRecord r : records) {
      if (r.notifiedAt().isEmpty() && r.reasonNotNotifiedOrLate().isBlank()) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Returns the breaches awaiting notification whose 72-hour deadline has passed.
   *
   * @param now the current time
   * @return the overdue records
   */
  public synchronized List<BreachRecord> overdue(Instant now) {
    List<BreachRecord> out = new ArrayList<>();
    for (BreachRecord r : awaitingNotification()) {
      if (r.isLate(now)) {
        out.add(r);
      }
    }
    return out;
  }
}
