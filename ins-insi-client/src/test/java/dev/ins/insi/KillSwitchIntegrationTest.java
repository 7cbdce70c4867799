package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.killswitch.KillSwitchFile;
import dev.ins.security.killswitch.KillSwitchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INSi client honours the practice's kill switch before any byte leaves: proved on the real stub. */
class KillSwitchIntegrationTest {
  private static final Traits PIERRE = Traits.fromTyped("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT",
      BirthDate.parse("2009-07-14"), Sex.MALE, "63220");
  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

  @TempDir Path dir;

  @Test
  void engagedSwitch_refusesTheCallWithATypedError_andTheStubSeesNothing_thenReleaseRestoresCalls() {
    Ed25519SigningKey key = Ed25519SigningKey.generate();
    KillSwitchFile ks = KillSwitchFile.at(dir.resolve("kill-switch.json"));
    try (StubInsiServer stub = StubInsiServer.builder().start();
         InsiClient client = StubFixture.client(stub, StubPki.Client.INSI_AUTO).killSwitch(ks).build()) {
      assertInstanceOf(InsiResult.Found.class, client.searchByTraits(PIERRE));
      stub.clearRequests();

      ks.engage("INC-7", "rançongiciel suspecté", key, T0);
      InsiBlockedException e = assertThrows(InsiBlockedException.class, () -> client.searchByTraits(PIERRE));
      assertEquals(KillSwitchState.Status.ENGAGED, e.killSwitch().status());
      assertEquals("INC-7", e.killSwitch().incidentId());
      assertTrue(e.messageId().startsWith("uuid:"), e.messageId());
      assertEquals(0, stub.requests().size(), "nothing may reach INSi while the switch is engaged");

      ks.release("INC-7", "postes nettoyés", key, T0.plusSeconds(7200));
      assertInstanceOf(InsiResult.Found.class, client.searchByTraits(PIERRE));
    }
  }

  @Test
  void tamperedSwitchFile_failsClosed() throws Exception {
    Ed25519SigningKey key = Ed25519SigningKey.generate();
    Path file = dir.resolve("kill-switch.json");
    KillSwitchFile ks = KillSwitchFile.at(file);
    ks.engage("INC-8", "phishing", key, T0);
    Files.writeString(file, Files.readString(file).replace("ENGAGED", "RELEASED"));
    try (StubInsiServer stub = StubInsiServer.builder().start();
         InsiClient client = StubFixture.client(stub, StubPki.Client.INSI_AUTO).killSwitch(ks).build()) {
      InsiBlockedException e = assertThrows(InsiBlockedException.class, () -> client.searchByTraits(PIERRE));
      assertEquals(KillSwitchState.Status.UNVERIFIABLE, e.killSwitch().status());
      assertEquals(0, stub.requests().size());
    }
  }

  @Test
  void defaultClient_readsTheSwitchAtTheDocumentedLocation() {
    Ed25519SigningKey key = Ed25519SigningKey.generate();
    Path file = dir.resolve("std-kill-switch.json");
    String old = System.getProperty(KillSwitchFile.LOCATION_PROPERTY);
    System.setProperty(KillSwitchFile.LOCATION_PROPERTY, file.toString());
    try (StubInsiServer stub = StubInsiServer.builder().start();
         InsiClient client = StubFixture.client(stub, StubPki.Client.INSI_AUTO).build()) {
      KillSwitchFile.at(file).engage("INC-9", "vol de poste", key, T0);
      assertThrows(InsiBlockedException.class, () -> client.searchByTraits(PIERRE));
      assertEquals(0, stub.requests().size());
    } finally {
      if (old == null) {
        System.clearProperty(KillSwitchFile.LOCATION_PROPERTY);
      } else {
        System.setProperty(KillSwitchFile.LOCATION_PROPERTY, old);
      }
    }
  }
}
