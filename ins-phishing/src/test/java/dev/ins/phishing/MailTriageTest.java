package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.MailCorpus;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTriageTest {

  @Test
  void assess_legitimateMessage_isSafeWithoutReasons() {
    Assessment a = Triages.assess(Triages.from("Dr Julien Petit", "julien.petit@gmail.com")
        .text("Bonjour Claire,\n\nCi-joint le compte rendu.\n\nBien confraternellement")
        .attach("compte-rendu.pdf", "application/pdf", SyntheticAttachments.pdf("CR")));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    assertEquals(0, a.score());
    assertTrue(a.reasons().isEmpty());
  }

  @Test
  void assess_pathAndStreamAndBytes_giveTheSameAssessment(@TempDir Path dir) throws IOException {
    byte[] eml = Triages.from("Comptabilité", "compta@facturation-sud.fr").text("Facture jointe.")
        .attach("facture.pdf.exe", "application/pdf", SyntheticAttachments.windowsExecutable()).build();
    Path file = dir.resolve("m.eml");
    Files.write(file, eml);
    Assessment fromBytes = Triages.PRACTICE.assess(eml);
    assertEquals(fromBytes, Triages.PRACTICE.assess(file));
    assertEquals(fromBytes, Triages.PRACTICE.assess(new ByteArrayInputStream(eml)));
    assertSame(Verdict.DANGEROUS, fromBytes.verdict());
  }

  @Test
  void assess_missingFile_throwsMailReadExceptionNamingTheFileNotItsContent(@TempDir Path dir) {
    MailReadException e = assertThrows(MailReadException.class, () -> Triages.PRACTICE.assess(dir.resolve("absent.eml")));
    assertTrue(e.getMessage().contains("absent.eml"), e.getMessage());
  }

  @Test
  void assess_failingStream_throwsMailReadException() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk");
      }
    };
    assertThrows(MailReadException.class, () -> Triages.PRACTICE.assess(broken));
  }

  @Test
  void assess_streamLongerThanTheBound_readsOnlyTheBoundAndSaysSo() {
    MailTriage small = MailTriage.builder().limits(TriageLimits.defaults().withMaxMessageBytes(4096)).build();
    byte[] eml = Triages.from("A", "a@exemple-envoi.fr").text("x".repeat(20_000)).build();
    Assessment a = small.assess(new ByteArrayInputStream(eml));
    assertTrue(a.has(ReasonCode.LIMIT_EXCEEDED), a.toString());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
    assertEquals(a, small.assess(eml), "the byte[] overload applies the same bound");
  }

  @Test
  void assess_fiveMegabytePart_isHandledWithinTheBounds() {
    byte[] big = new byte[5 << 20];
    System.arraycopy(SyntheticAttachments.pdf("grand"), 0, big, 0, 100);
    Assessment a = Triages.assess(Triages.from("Laboratoire", "resultats@labo-biomed.fr").text("Imagerie jointe.")
        .attach("imagerie.pdf", "application/pdf", big));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
  }

  @Test
  void assess_fiveHundredNestedMultiparts_stopsAtTheDepthBoundAndIsSuspicious() {
    Assessment a = Triages.PRACTICE.assess(MailCorpus.nested(500));
    assertTrue(a.has(ReasonCode.LIMIT_EXCEEDED), a.toString());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void assess_tooManyParts_stopsAtThePartBound() {
    MailTriage few = MailTriage.builder().limits(TriageLimits.defaults().withMaxParts(3)).build();
    byte[] eml = Triages.from("A", "a@exemple-envoi.fr").text("t")
        .attach("a.pdf", "application/pdf", SyntheticAttachments.pdf("a"))
        .attach("b.pdf", "application/pdf", SyntheticAttachments.pdf("b"))
        .attach("c.exe", "application/octet-stream", SyntheticAttachments.windowsExecutable()).build();
    Assessment a = few.assess(eml);
    assertTrue(a.has(ReasonCode.LIMIT_EXCEEDED), a.toString());
    assertFalse(a.has(ReasonCode.ATTACHMENT_EXECUTABLE), "parts past the bound are not analysed");
  }

  @Test
  void assess_concurrentCalls_giveTheSameAssessmentsAsSequentialOnes() throws Exception {
    List<byte[]> mails = MailCorpus.generate(11L, 60).stream().map(m -> m.raw()).toList();
    List<Assessment> sequential = mails.stream().map(Triages.PRACTICE::assess).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Assessment>> futures = mails.stream().map(m -> pool.submit(() -> Triages.PRACTICE.assess(m))).toList();
      for (int i = 0; i < mails.size(); i++) {
        assertEquals(sequential.get(i), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void assessment_toString_listsCodesOnly() {
    Assessment a = Triages.assess(Triages.from("Assurance Maladie", "ameli.remboursement@gmail.com")
        .text("Votre remboursement de 23 € est en attente."));
    String s = a.toString();
    assertTrue(s.contains("DISPLAY_NAME_IMPERSONATION"), s);
    assertFalse(s.contains("gmail") || s.contains("remboursement de"), s);
  }

  @Test
  void assessment_rejectsAVerdictThatDoesNotMatchTheScore() {
    assertThrows(IllegalArgumentException.class, () -> new Assessment(Verdict.SAFE, 45, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Assessment(Verdict.DANGEROUS, 101, List.of()));
    assertEquals(Verdict.SUSPICIOUS, new Assessment(Verdict.SUSPICIOUS, 30, List.of()).verdict());
  }

  @Test
  void verdict_ofScore_followsTheDocumentedThresholds() {
    assertEquals(Verdict.SAFE, Verdict.ofScore(0));
    assertEquals(Verdict.SAFE, Verdict.ofScore(29));
    assertEquals(Verdict.SUSPICIOUS, Verdict.ofScore(30));
    assertEquals(Verdict.SUSPICIOUS, Verdict.ofScore(69));
    assertEquals(Verdict.DANGEROUS, Verdict.ofScore(70));
    assertEquals(Verdict.DANGEROUS, Verdict.ofScore(100));
    assertThrows(IllegalArgumentException.class, () -> Verdict.ofScore(-1));
  }

  @Test
  void builder_rejectsBadValuesNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailTriage.builder().practiceDomain("not a domain"));
    assertTrue(e.getMessage().startsWith("practiceDomain"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MailTriage.builder().trustedDomain("192.0.2.7"));
    assertTrue(e.getMessage().startsWith("trustedDomain"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MailTriage.builder().authservId("mx.example.fr; dmarc=pass"));
    assertTrue(e.getMessage().startsWith("authservId"), e.getMessage());
    assertThrows(NullPointerException.class, () -> MailTriage.builder().limits(null));
  }

  @Test
  void builder_acceptsInternationalisedDomainsAsPunycode() {
    MailTriage t = MailTriage.builder().practiceDomain("cabinet-hélène.fr").build();
    Assessment a = t.assess(Triages.from("Cabinet", "secretariat@cabinet-helene.fr").text("Bonjour").build());
    assertTrue(a.has(ReasonCode.LOOKALIKE_DOMAIN), "cabinet-helene.fr imitates cabinet-hélène.fr: " + a.reasons());
  }

  @Test
  void limits_rejectNonPositiveValuesNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TriageLimits.defaults().withMaxDepth(0));
    assertTrue(e.getMessage().startsWith("maxDepth"), e.getMessage());
  }

  @Test
  void institution_rejectsAnUpperCaseOrUnicodeDomain() {
    assertThrows(IllegalArgumentException.class, () -> Institution.of("X", List.of("x"), List.of("Exemple.fr")));
    assertThrows(IllegalArgumentException.class, () -> Institution.of("X", List.of("x"), List.of("exémple.fr")));
    assertThrows(IllegalArgumentException.class, () -> Institution.of("X", List.of(), List.of("exemple.fr")));
    assertEquals("exemple.fr", Institution.of("X", List.of("x"), List.of("exemple.fr")).domains().get(0));
  }

  @Test
  void institutions_replacingTheDefaults_dropsTheirImpersonationCheck() {
    MailTriage none = MailTriage.builder().institutions(List.of(Institution.of("Labo", List.of("Biomed"), List.of("labo-biomed.fr")))).build();
    byte[] eml = Triages.from("Assurance Maladie", "assurance@gmail.com").text("Bonjour").build();
    assertFalse(none.assess(eml).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
    byte[] labo = Triages.from("Biomed résultats", "labo.biomed@gmail.com").text("Bonjour").build();
    assertTrue(none.assess(labo).has(ReasonCode.DISPLAY_NAME_IMPERSONATION));
  }

  @Test
  void reasons_areOrderedHeaviestFirst() {
    Assessment a = Triages.assess(Triages.from("Assurance Maladie", "ameli@gmail.com").text("Remboursement urgent")
        .attach("facture.exe", "application/octet-stream", SyntheticAttachments.windowsExecutable()));
    for (int i = 1; i < a.reasons().size(); i++) {
      assertTrue(a.reasons().get(i - 1).points() >= a.reasons().get(i).points(), a.reasons().toString());
    }
    assertEquals(ReasonCode.ATTACHMENT_EXECUTABLE, a.reasons().get(0).code());
  }
}
