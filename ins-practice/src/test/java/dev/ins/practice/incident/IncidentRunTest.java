package dev.ins.practice.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.InsiBlockedException;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiResult;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.RetryPolicy;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.practice.PracticeConfig;
import dev.ins.practice.PracticeException;
import dev.ins.practice.PracticeFixtureAccess;
import dev.ins.practice.TestClock;
import dev.ins.practice.backup.DestinationKind;
import dev.ins.practice.backup.FolderDestination;
import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.backup.RestoreDrill;
import dev.ins.security.breach.BreachRegisterFile;
import dev.ins.security.killswitch.KillSwitchFile;
import dev.ins.security.killswitch.KillSwitchState;
import dev.ins.security.killswitch.OutboundBlockedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole incident, step by step, on the real stub INSi server and a real backup destination. */
class IncidentRunTest {
  private static final Traits PIERRE = Traits.fromTyped("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT",
      BirthDate.parse("2009-07-14"), Sex.MALE, "63220");

  @TempDir Path dir;

  private static InsiClient client(StubInsiServer stub, Path killSwitch) {
    return InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint())
        .software(new LpsSoftware("TESTSGIE0000", "InsSdkTests", "0.1.0", UUID.fromString("3f0c2a6e-8d1b-4c55-9e2a-7b6f1d0c4a11")))
        .emitter("10B0000000").retry(RetryPolicy.NONE)
        .transport(HttpClientTransport.builder()
            .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
            .trustedRoots(List.of(stub.pki().rootCertificate())).build())
        .killSwitch(KillSwitchFile.at(killSwitch))
        .build();
  }

  @Test
  void wholeIncident_cutAlertPreserveDeclareRecoverClose() throws Exception {
    PracticeFixtureAccess f = new PracticeFixtureAccess(dir);
    PracticeConfig config = f.load();
    TestClock clock = new TestClock(f.now());
    Ed25519SigningKey key = Ed25519SigningKey.generate();
    Path ks = config.killSwitch().orElseThrow();
    Path offsite = Files.createDirectories(dir.resolve("cloud"));
    FolderDestination cloud = FolderDestination.builder("cloud", DestinationKind.OFFSITE, offsite)
        .trustedSigner(f.signerPublicKey()).killSwitch(KillSwitchFile.at(ks)).clock(clock).build();
    Path evidence = Files.createDirectories(dir.resolve("poste-accueil"));
    Files.writeString(evidence.resolve("LISEZMOI-RANCON.txt"), "Vos fichiers sont chiffrés. Payez 2 BTC.");
    Files.write(evidence.resolve("compta.xlsx.locked"), new byte[] {1, 2, 3, 4, 5});

    try (StubInsiServer stub = StubInsiServer.builder().start(); InsiClient insi = client(stub, ks)) {
      assertInstanceOf(InsiResult.Found.class, insi.searchByTraits(PIERRE));
      cloud.upload(f.backupFile());
      stub.clearRequests();

      // 1. Cut.
      IncidentMode mode = IncidentMode.builder(config, key).clock(clock).build();
      IncidentStatus started = mode.start(List.of("écran de rançon sur le poste d'accueil", "fichiers renommés en .locked"),
          f.now().minus(Duration.ofHours(2)));
      assertEquals(KillSwitchState.Status.ENGAGED, started.killSwitch().status());
      assertEquals(Optional.of(IncidentStep.ALERT), started.next());
      assertEquals(70, started.cnilTimeLeft().toHours());
      assertThrows(InsiBlockedException.class, () -> insi.searchByTraits(PIERRE));
      assertEquals(0, stub.requests().size(), "no INSi call leaves during the incident");
      assertThrows(OutboundBlockedException.class, () -> cloud.upload(f.backupFile()));
      assertThrows(PracticeException.class, () -> mode.start(List.of("encore"), f.now()), "one incident at a time");
      assertThrows(PracticeException.class, () -> mode.recover(Optional.empty(), f.practiceKeys(), p -> true, Optional.empty()),
          "no restore before the evidence is preserved");

      // 2. Alert.
      clock.advance(Duration.ofMinutes(10));
      String message = mode.alert();
      assertTrue(message.contains("écran de rançon") && message.contains("InfoSanté 63") && message.contains("Cabinet dentaire des Tilleuls"), message);

      // 3. Preserve.
      clock.advance(Duration.ofMinutes(20));
      EvidenceBundle.Created bundle = mode.preserve(List.of(evidence), "Dr Claire Vasseur");
      assertTrue(bundle.files() >= 4, bundle.toString());
      EvidenceBundle.Verification v = EvidenceBundle.verify(bundle.folder(), key.publicKey());
      assertTrue(v.intact(), v.findings().toString());
      EvidenceBundle.handOver(bundle.folder(), "Dr Claire Vasseur", "Gendarmerie de Riom", "plainte", key, clock.instant());
      assertEquals(2, EvidenceBundle.verify(bundle.folder(), key.publicKey()).custodyRecords());

      // A restart: a new instance resumes from the audit log.
      IncidentMode resumed = IncidentMode.builder(config, key).clock(clock).build();
      IncidentStatus afterRestart = resumed.status().orElseThrow();
      assertEquals(started.incidentId(), afterRestart.incidentId());
      assertEquals(Optional.of(IncidentStep.DECLARE), afterRestart.next());

      // 4. Declare.
      clock.advance(Duration.ofHours(1));
      Map<String, Path> declarations = resumed.declare();
      String cnil = Files.readString(declarations.get("cnil"));
      assertTrue(cnil.contains("68 h restantes"), cnil);
      assertTrue(Files.readString(declarations.get("ars")).contains("signalement.social-sante.gouv.fr"));
      assertTrue(Files.readString(declarations.get("police")).contains("AVANT toute réinstallation"));
      assertTrue(BreachRegisterFile.load(config.breaches().orElseThrow()).find(started.incidentId()).isPresent());

      // 5. Recover from the newest verified backup.
      clock.advance(Duration.ofHours(3));
      Path restored = dir.resolve("restored.bin");
      RestoreDrill.DrillResult drill = resumed.recover(Optional.empty(), f.practiceKeys(), p -> true, Optional.of(restored));
      assertTrue(drill.success(), drill.findings().toString());
      assertEquals("synthetic practice data", Files.readString(restored));
      assertEquals(Optional.empty(), resumed.status().orElseThrow().next());
      // Still cut until the explicit close.
      assertThrows(InsiBlockedException.class, () -> insi.searchByTraits(PIERRE));

      // Close.
      clock.advance(Duration.ofHours(20));
      IncidentStatus closed = resumed.close("postes réinstallés par le support, mots de passe changés");
      assertFalse(closed.open());
      assertEquals(KillSwitchState.Status.RELEASED, closed.killSwitch().status());
      assertInstanceOf(InsiResult.Found.class, insi.searchByTraits(PIERRE));
      assertEquals(f.backupId(), cloud.upload(f.backupFile()).backupId());

      // Everything is in the audit log, in order, and the bundle still verifies; no patient data in the texts.
      List<String> actions;
      try (AuditLog log = AuditLog.open(config.audit().orElseThrow().log())) {
        actions = log.entries().stream().filter(e -> e.actor().equals(IncidentMode.ACTOR)).map(AuditEntry::action).toList();
      }
      assertEquals(List.of("incident.start", "incident.step", "incident.step", "incident.step", "incident.step",
          "backup.restore-drill", "incident.step", "incident.close"), actions);
      StringBuilder all = new StringBuilder();
      try (var files = Files.list(config.stateDir().resolve(started.incidentId()))) {
        for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          all.append(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      PiiGuard.assertNoPii(all.toString(), List.of("ECETINSI", "PIERRE-ALAIN"));
    }
  }

  @Test
  void evidenceBundle_detectsEveryKindOfChange() throws Exception {
    PracticeFixtureAccess f = new PracticeFixtureAccess(dir);
    Ed25519SigningKey key = Ed25519SigningKey.generate();
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("a.log"), "line 1\n");
    Files.writeString(src.resolve("b.eml"), "From: x\n\nbody\n");
    Path bundle = dir.resolve("bundle");
    try (AuditLog log = AuditLog.open(f.load().audit().orElseThrow().log())) {
      EvidenceBundle.create(bundle, "INC-X", List.of(src), log, "cabinet-test", key, f.now(), "Dr V", 1 << 20);
    }
    assertTrue(EvidenceBundle.verify(bundle, key.publicKey()).intact());
    Path a = bundle.resolve("files/1-src/a.log");
    Files.writeString(a, "line 2\n");
    assertTrue(EvidenceBundle.verify(bundle, key.publicKey()).findings().contains("files/1-src/a.log: modified (SHA-256 differs)"));
    Files.writeString(a, "line 1\n");
    Files.writeString(bundle.resolve("files/1-src/extra.txt"), "x");
    assertFalse(EvidenceBundle.verify(bundle, key.publicKey()).intact());
    Files.delete(bundle.resolve("files/1-src/extra.txt"));
    Files.delete(bundle.resolve("files/1-src/b.eml"));
    assertTrue(EvidenceBundle.verify(bundle, key.publicKey()).findings().contains("files/1-src/b.eml: removed"));
    Files.writeString(bundle.resolve("files/1-src/b.eml"), "From: x\n\nbody\n");
    assertTrue(EvidenceBundle.verify(bundle, key.publicKey()).intact());
    String manifest = Files.readString(bundle.resolve(EvidenceBundle.MANIFEST));
    Files.writeString(bundle.resolve(EvidenceBundle.MANIFEST), manifest.replace("files/1-src/a.log", "files/1-src/A.log"));
    assertFalse(EvidenceBundle.verify(bundle, key.publicKey()).intact());
    Files.writeString(bundle.resolve(EvidenceBundle.MANIFEST), manifest);
    Files.writeString(bundle.resolve("custody.jsonl"), "");
    assertFalse(EvidenceBundle.verify(bundle, key.publicKey()).intact());
    assertFalse(EvidenceBundle.verify(bundle, Ed25519SigningKey.generate().publicKey()).intact(), "another signer");
  }
}
