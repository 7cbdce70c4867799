package dev.ins.security.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ins.core.testing.PiiGuard;
import dev.ins.security.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreachKitTest {
  private static final Instant AWARE = Instant.parse("2026-11-20T09:00:00Z");

  private static BreachRecord breach() {
    return BreachRecord.of("2026-001", AWARE, "ransomware on the reception PC",
        Set.of(DataCategory.INS_IDENTIFIER, DataCategory.IDENTITY_TRAITS), "identity theft", "PC isolated, restored from backup");
  }

  @Test
  void deadline_is72HoursAfterAwareness_andLateNotificationNeedsReasons() {
    BreachRecord b = breach();
    assertEquals(Instant.parse("2026-11-23T09:00:00Z"), b.deadline());
    assertEquals(Duration.ofHours(70), b.timeLeft(AWARE.plus(Duration.ofHours(2))));
    assertFalse(b.isLate(b.deadline()));
    assertTrue(b.isLate(b.deadline().plusSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> b.notified(b.deadline().plusSeconds(60), ""));
    assertEquals("forensics pending", b.notified(b.deadline().plusSeconds(60), "forensics pending").reasonNotNotifiedOrLate());
  }

  @Test
  void registerText_holdingAMatricule_isRefused() {
    String m = new dev.ins.core.testing.InsGenerators(4).matricule().value();
    assertThrows(IllegalArgumentException.class, () -> BreachRecord.of("x", AWARE, "leak of " + m, Set.of(DataCategory.LOGS), "", ""));
  }

  @Test
  void register_keepsEveryBreach_andListsOverdueOnes() {
    BreachRegister reg = new BreachRegister();
    reg.record(breach());
    BreachRecord minor = BreachRecord.of("2026-002", AWARE, "lost USB key, encrypted", Set.of(DataCategory.BILLING), "none", "key revoked");
    reg.record(new BreachRecord(minor.id(), minor.awareAt(), minor.nature(), minor.categories(), minor.likelyConsequences(),
        minor.measures(), java.util.Optional.empty(), "unlikely to result in a risk: data encrypted (art. 33(1))"));
    assertEquals(2, reg.all().size());
    assertEquals(List.of("2026-001"), reg.awaitingNotification().stream().map(BreachRecord::id).toList());
    assertTrue(reg.overdue(AWARE.plus(Duration.ofHours(1))).isEmpty());
    assertEquals(1, reg.overdue(AWARE.plus(Duration.ofHours(73))).size());
    reg.record(breach().notified(AWARE.plus(Duration.ofHours(30)), ""));
    assertTrue(reg.awaitingNotification().isEmpty());
    assertEquals(2, reg.all().size());
  }

  @Test
  void draft_countsPersonsAndRecordsFromTheAuditLog_withoutListingThem() throws Exception {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(AuditEntry.of(AWARE.minus(Duration.ofHours(10 - i)), i < 6 ? "acct-stolen" : "acct-ok", "identity.read", "ps1-subject-" + (i % 4), "ok"));
    }
    entries.add(AuditEntry.of(AWARE.minus(Duration.ofDays(30)), "acct-stolen", "identity.read", "ps1-subject-9", "ok"));
    CnilNotificationDraft d =
        CnilNotificationDraft.assemble(breach(), entries, AWARE.minus(Duration.ofDays(1)), AWARE, e -> e.actor().equals("acct-stolen"), "dpo@cabinet.example", AWARE.plus(Duration.ofHours(5)));
    assertEquals(6, d.affectedRecords());
    assertEquals(4, d.affectedPersons());
    assertFalse(d.late());
    JsonNode j = new ObjectMapper().readTree(d.toJson());
    assertEquals(4, j.get("approximatePersons").asInt());
    assertEquals(6, j.get("accessesByAction").get("identity.read").asInt());
    assertEquals("2026-11-23T09:00:00Z", j.get("deadline").asText());
    PiiGuard.assertNoPii(d.toJson(), List.of("ps1-subject-0", "ps1-subject-1"));
  }
}
