package dev.ins.cardreader.vitale;

import java.util.Objects;

/**
 * A beneficiary template of a Carte Vitale whose data breaks the format: the card stays readable,
 * the other beneficiaries are kept, and this one is reported with the field and the rule it breaks
 * (never its data).
 *
 * <pre>{@code
 * for (UnreadableBeneficiary u : card.unreadable()) {
 *   log.warn("beneficiary {} unreadable: {}: {}", u.position(), u.field(), u.rule());
 * }
 * }</pre>
 *
 * @param position the template's position on the card, 0 for the card holder
 * @param field the field path, e.g. {@code beneficiaries[1].birthDate}
 * @param rule the rule broken, e.g. {@code expected 8 digits YYYYMMDD, got 7 characters}
 */
public record UnreadableBeneficiary(int position, String field, String rule) {

  /**
   * Validates.
   *
   * @param position see the record component, at least 0
   * @param field see the record component, not null
   * @param rule see the record component, not null
   */
  public UnreadableBeneficiary {
    if (position < 0) {
      throw new IllegalArgumentException("position: at least 0, got " + position);
    }
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(rule, "rule == null");
  }

  /**
   * Describes the problem as one line.
   *
   * @return {@code field: rule}
   */
  public String describe() {
    return field + ": " + rule;
  }
}
