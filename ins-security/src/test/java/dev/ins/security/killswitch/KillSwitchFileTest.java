package dev.ins.security.killswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.InsCryptoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSwitchFileTest {
  private static final Instant T0 = Instant.parse("2026-12-03T08:15:00Z");
  private final Ed25519SigningKey key = Ed25519SigningKey.generate();
  @TempDir Path dir;

  @Test
  void noFile_isOffAndLetsCallsThrough() {
    KillSwitchFile ks = KillSwitchFile.at(dir.resolve("ks.json"));
    assertEquals(KillSwitchState.Status.OFF, ks.state().status());
    ks.checkOutbound("insi");
  }

  @Test
  void engaged_blocksInEveryInstanceReadingTheFile_andSurvivesARestart() {
    Path file = dir.resolve("sub/ks.json");
    KillSwitchFile.at(file).engage("INC-1", "rançongiciel suspecté", key, T0);
    KillSwitchFile other = KillSwitchFile.at(file);  // another process, after a restart
    KillSwitchState s = other.state();
    assertEquals(KillSwitchState.Status.ENGAGED, s.status());
    assertEquals("INC-1", s.incidentId());
    assertEquals(T0, s.since().orElseThrow());
    OutboundBlockedException e = assertThrows(OutboundBlockedException.class, () -> other.checkOutbound("backup.upload"));
    assertEquals("backup.upload", e.component());
    assertTrue(e.getMessage().contains("engaged") && e.getMessage().contains("INC-1"), e.getMessage());
  }

  @Test
  void release_byTheEngagingKey_letsCallsThroughAgain() {
    KillSwitchFile ks = KillSwitchFile.at(dir.resolve("ks.json"));
    ks.engage("INC-1", "phishing", key, T0);
    KillSwitchState released = ks.release("INC-1", "mots de passe changés", key, T0.plusSeconds(3600));
    assertEquals(KillSwitchState.Status.RELEASED, released.status());
    assertFalse(ks.state().blocksOutbound());
    ks.checkOutbound("insi");
  }

  @Test
  void release_byAnotherKeyOrForAnotherIncidentOrWithoutNote_isRefused() {
    KillSwitchFile ks = KillSwitchFile.at(dir.resolve("ks.json"));
    ks.engage("INC-1", "phishing", key, T0);
    InsCryptoException other = assertThrows(InsCryptoException.class,
        () -> ks.release("INC-1", "note", Ed25519SigningKey.generate(), T0));
    assertEquals(InsCryptoException.Code.VERIFICATION_FAILED, other.code());
    assertThrows(InsCryptoException.class, () -> ks.release("INC-2", "note", key, T0));
    assertThrows(InsCryptoException.class, () -> ks.release("INC-1", " ", key, T0));
    assertTrue(ks.state().blocksOutbound());
  }

  @Test
  void tamperedOrGarbageFile_failsClosed() throws IOException {
    Path file = dir.resolve("ks.json");
    KillSwitchFile ks = KillSwitchFile.at(file);
    ks.engage("INC-1", "phishing", key, T0);
    ks.release("INC-1", "fini", key, T0.plusSeconds(60));
    // An attacker edits the reason of the released state: the signature no longer verifies.
    Files.writeString(file, Files.readString(file).replace("fini", "FINI"));
    KillSwitchState s = ks.state();
    assertEquals(KillSwitchState.Status.UNVERIFIABLE, s.status());
    assertThrows(OutboundBlockedException.class, () -> ks.checkOutbound("insi"));
    Files.writeString(file, "not json");
    assertEquals(KillSwitchState.Status.UNVERIFIABLE, ks.state().status());
    Files.write(file, new byte[KillSwitchFile.MAX_BYTES + 1]);
    assertTrue(ks.state().reason().contains("larger"), ks.state().reason());
  }

  @Test
  void trustedKey_refusesAStateSignedByAnotherKey() {
    Path file = dir.resolve("ks.json");
    Ed25519SigningKey attacker = Ed25519SigningKey.generate();
    KillSwitchFile.at(file).engage("INC-1", "x", attacker, T0);
    KillSwitchFile.at(file).release("INC-1", "released by the attacker", attacker, T0);
    assertFalse(KillSwitchFile.at(file).state().blocksOutbound());
    KillSwitchFile pinned = KillSwitchFile.at(file).trusting(key.publicKey());
    assertEquals(KillSwitchState.Status.UNVERIFIABLE, pinned.state().status());
    assertThrows(InsCryptoException.class, () -> pinned.engage("INC-2", "x", attacker, T0));
  }

  @Test
  void engage_refusesAMatriculeInTheReasonAndABadIncidentId() {
    KillSwitchFile ks = KillSwitchFile.at(dir.resolve("ks.json"));
    assertThrows(InsCryptoException.class, () -> ks.engage("INC-1", "patient 279035121518989", key, T0));
    assertThrows(InsCryptoException.class, () -> ks.engage("INC 1", "x", key, T0));
    assertEquals(KillSwitchState.Status.OFF, ks.state().status());
  }

  @Test
  void standardLocation_followsTheSystemProperty() {
    String old = System.getProperty(KillSwitchFile.LOCATION_PROPERTY);
    try {
      System.setProperty(KillSwitchFile.LOCATION_PROPERTY, dir.resolve("std.json").toString());
      assertEquals(dir.resolve("std.json"), KillSwitchFile.standardLocation());
      KillSwitchFile.at(dir.resolve("std.json")).engage("INC-9", "x", key, T0);
      assertTrue(KillSwitch.standard().state().blocksOutbound());
    } finally {
      if (old == null) {
        System.clearProperty(KillSwitchFile.LOCATION_PROPERTY);
      } else {
        System.setProperty(KillSwitchFile.LOCATION_PROPERTY, old);
      }
    }
    assertFalse(KillSwitch.none().state().blocksOutbound());
  }
}
