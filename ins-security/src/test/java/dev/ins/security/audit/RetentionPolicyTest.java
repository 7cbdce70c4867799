package dev.ins.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

  @Test
  void cnilDefault_keepsOneYear() {
    RetentionPolicy p = RetentionPolicy.cnilDefault();
    AuditEntry old = AuditEntry.of(Instant.parse("2025-11-27T23:59:59Z"), "u", "a", "", "ok");
    AuditEntry recent = AuditEntry.of(Instant.parse("2025-11-28T00:00:01Z"), "u", "a", "", "ok");
    assertTrue(p.isExpired(old, NOW));
    assertFalse(p.isExpired(recent, NOW));
    assertEquals(1, p.dueForDeletion(List.of(old, recent), NOW));
  }

  @Test
  void outsideTheCnilRange_isRefusedUnlessJustified() {
    assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Period.ofMonths(3), ""));
    assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(Period.ofYears(3), ""));
    assertEquals(Period.ofYears(3), RetentionPolicy.internalControl("documented misuse risk").retention());
  }
}
