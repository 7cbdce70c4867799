package dev.ins.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.PiiGuard;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.Pseudonymizer;
import dev.ins.security.audit.AuditFinding.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  private static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();
  private static final String ORIGIN = "cabinet-test.example/audit";

  private static List<AuditEntry> entries(int n) {
    Pseudonymizer ps = Pseudonymizer.of(Pseudonymizer.EXPORT, Keyset.generate(KeyType.HMAC_SHA256));
    List<AuditEntry> out = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-28T08:00:00Z");
    for (int i = 0; i < n; i++) {
      out.add(
          new AuditEntry(
              t0.plusSeconds(i),
              "user-" + (i % 3),
              i % 2 == 0 ? "identity.read" : "insi.search",
              ps.blindIndex(new InsGenerators(i).matricule()).format(),
              "ok",
              Map.of("terminal", "t" + i)));
    }
    return out;
  }

  private static Checkpoint write(Path file, List<AuditEntry> es) {
    try (AuditLog log = AuditLog.open(file)) {
      es.forEach(log::append);
      return log.checkpoint(ORIGIN, "cabinet-test", KEY);
    }
  }

  private static AuditReport verify(byte[] bytes, Checkpoint cp) {
    return AuditVerifier.verify(bytes, List.of(cp), "cabinet-test", KEY.publicKey());
  }

  @Test
  void appendReopenAndVerify_isIntact(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    List<AuditEntry> es = entries(10);
    Checkpoint cp = write(f, es);
    try (AuditLog log = AuditLog.open(f)) {
      assertEquals(10, log.size());
      assertEquals(es, log.entries());
      assertTrue(cp.verify("cabinet-test", KEY.publicKey()));
      AuditReport r = AuditVerifier.verify(f, List.of(cp), "cabinet-test", KEY.publicKey());
      assertTrue(r.intact(), r.toJson());
      InclusionProof p = log.inclusionProof(4, 10);
      assertTrue(MerkleTree.verifyInclusion(MerkleTree.leafHash(es.get(4).toCanonicalJson()), p, cp.root()));
      log.append(entries(11).get(10));
      Checkpoint cp2 = log.checkpoint(ORIGIN, "cabinet-test", KEY);
      assertTrue(MerkleTree.verifyConsistency(log.consistencyProof(10, 11), cp.root(), cp2.root()));
    }
    AuditReport later = AuditVerifier.verify(f, List.of(cp), "cabinet-test", KEY.publicKey());
    assertTrue(later.intact(), later.toJson());
    assertTrue(later.findings().stream().anyMatch(x -> x.kind() == Kind.UNCOVERED_TAIL));
  }

  @Test
  void everySingleByteFlip_isDetected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    Checkpoint cp = write(f, entries(3));
    byte[] good = Files.readAllBytes(f);
    for (int i = 0; i < good.length; i++) {
      byte[] t = good.clone();
      t[i] ^= 0x01;
      AuditReport r = verify(t, cp);
      assertFalse(r.intact(), "flip at byte " + i);
    }
  }

  @Test
  void everyTruncationPoint_isDetected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    Checkpoint cp = write(f, entries(3));
    byte[] good = Files.readAllBytes(f);
    for (int n = 0; n < good.length; n++) {
      assertFalse(verify(Arrays.copyOf(good, n), cp).intact(), "truncated to " + n);
    }
  }

  @Test
  void deletionAndReorderingOfEntries_areDetectedAndLocated(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    List<AuditEntry> es = entries(6);
    Checkpoint cp = write(f, es);
    List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    for (int i = 0; i < lines.size(); i++) {
      List<String> del = new ArrayList<>(lines);
      del.remove(i);
      AuditReport r = verify((String.join("\n", del) + "\n").getBytes(StandardCharsets.UTF_8), cp);
      assertFalse(r.intact(), "deleted " + i);
      assertTrue(r.findings().stream().anyMatch(x -> x.kind() == Kind.TRUNCATED), r.toJson());
    }
    for (int i = 0; i + 1 < lines.size(); i++) {
      List<String> sw = new ArrayList<>(lines);
      sw.set(i, lines.get(i + 1));
      sw.set(i + 1, lines.get(i));
      AuditReport r = verify((String.join("\n", sw) + "\n").getBytes(StandardCharsets.UTF_8), cp);
      assertFalse(r.intact(), "swapped " + i);
      assertTrue(r.findings().stream().anyMatch(x -> x.kind() == Kind.ROOT_MISMATCH), r.toJson());
      long moved = i + 1;
      assertTrue(r.findings().stream().anyMatch(x -> x.kind() == Kind.TIME_REGRESSION && x.index() == moved), r.toJson());
    }
  }

  @Test
  void rewriteWithDeletionPlusForgedEntry_isCaughtByTheRoot_andLocatedBetweenCheckpoints(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    List<Checkpoint> cps = new ArrayList<>();
    List<AuditEntry> es = entries(8);
    try (AuditLog log = AuditLog.open(f)) {
      for (int i = 0; i < 8; i++) {
        log.append(es.get(i));
        if (i % 2 == 1) {
          cps.add(log.checkpoint(ORIGIN, "cabinet-test", KEY));
        }
      }
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    lines.set(5, new AuditEntry(es.get(5).time(), "user-0", "identity.read", "", "ok", Map.of()).toJsonText());
    AuditReport r = AuditVerifier.verify((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), cps, "cabinet-test", KEY.publicKey());
    assertFalse(r.intact());
    AuditFinding first = r.findings().stream().filter(x -> x.kind() == Kind.ROOT_MISMATCH).findFirst().orElseThrow();
    assertEquals(4, first.index(), r.toJson());
    assertTrue(first.message().contains("entries 4..5"), first.message());
  }

  @Test
  void checkpointFromAnotherKey_isRejected(@TempDir Path dir) {
    Path f = dir.resolve("audit.jsonl");
    List<AuditEntry> es = entries(2);
    write(f, es);
    Checkpoint forged;
    try (AuditLog log = AuditLog.open(f)) {
      forged = log.checkpoint(ORIGIN, "cabinet-test", Ed25519SigningKey.generate());
    }
    AuditReport r = AuditVerifier.verify(f, List.of(forged), "cabinet-test", KEY.publicKey());
    assertFalse(r.intact());
    assertEquals(Kind.SIGNATURE_INVALID, r.findings().get(0).kind());
  }

  @Test
  void entry_withMatriculeShapedData_isRefused_andNothingLeaks() {
    String nir = new InsGenerators(3).matricule().value();
    InsCryptoException e =
        assertThrows(InsCryptoException.class, () -> AuditEntry.of(Instant.now(), "user-1", "identity.read", nir, "ok"));
    assertEquals("auditEntry.subject", e.field());
    PiiGuard.assertNoPii(e.getMessage(), List.of(nir));
    assertThrows(InsCryptoException.class, () -> new AuditEntry(Instant.now(), "u", "a", "", "ok", Map.of("note", "nir " + nir)));
  }

  @Test
  void secondWriter_isRefused(@TempDir Path dir) {
    Path f = dir.resolve("audit.jsonl");
    try (AuditLog log = AuditLog.open(f)) {
      log.append(entries(1).get(0));
      InsCryptoException e = assertThrows(InsCryptoException.class, () -> AuditLog.open(f));
      assertEquals(InsCryptoException.Code.IO, e.code());
    }
    try (AuditLog again = AuditLog.open(f)) {
      assertEquals(1, again.size());
    }
  }

  @Test
  void damagedLog_isRefusedOnOpen_namingTheLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("audit.jsonl");
    write(f, entries(3));
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length - 3));
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> AuditLog.open(f));
    assertEquals("auditLog.line[2]", e.field());
  }

  @Test
  void openExisting_onAMissingFile_refusesAndCreatesNothing(@TempDir Path dir) {
    Path missing = dir.resolve("typo.jsonl");
    InsCryptoException e = assertThrows(InsCryptoException.class, () -> AuditLog.openExisting(missing));
    assertEquals(InsCryptoException.Code.IO, e.code());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    assertFalse(Files.exists(missing), "no empty log created");
  }

  @Test
  void entriesAfterTheNewestCheckpoint_areTheirOwnFindingWithTheirCount(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.jsonl");
    Checkpoint cp = write(file, entries(4));
    try (AuditLog log = AuditLog.open(file)) {
      entries(3).forEach(log::append);
    }
    AuditReport r = AuditVerifier.verify(file, List.of(cp), "cabinet-test", KEY.publicKey());
    assertTrue(r.intact(), "an uncovered tail is not tampering");
    assertEquals(3, r.uncoveredEntries());
    AuditFinding tail = r.findings().get(r.findings().size() - 1);
    assertEquals(Kind.UNCOVERED_TAIL, tail.kind());
    assertEquals(4, tail.index());
    assertTrue(tail.message().startsWith("3 entries (4..6)"), tail.message());
    assertTrue(r.toJson().contains("\"count\":3") && r.toJson().contains("\"uncoveredEntries\":3"), r.toJson());
    assertEquals(0, verifyCovered(file).uncoveredEntries(), "a checkpoint of the whole log covers every entry");
  }

  private static AuditReport verifyCovered(Path file) {
    try (AuditLog log = AuditLog.openExisting(file)) {
      return AuditVerifier.verify(file, List.of(log.checkpoint(ORIGIN, "cabinet-test", KEY)), "cabinet-test", KEY.publicKey());
    }
  }

  @Test
  void pinnedOrigin_refusesACheckpointOfAnotherLog(@TempDir Path dir) {
    Path file = dir.resolve("a.jsonl");
    Checkpoint cp = write(file, entries(3));
    assertTrue(AuditVerifier.verify(file, List.of(cp), ORIGIN, "cabinet-test", KEY.publicKey()).intact());
    AuditReport other = AuditVerifier.verify(file, List.of(cp), "other-practice.example/audit", "cabinet-test",
        KEY.publicKey());
    assertFalse(other.intact());
    assertEquals(Kind.ORIGIN_MISMATCH, other.findings().get(0).kind());
    assertTrue(other.findings().get(0).message().contains("belongs to log '" + ORIGIN + "'"), other.findings().get(0).message());
  }
}
