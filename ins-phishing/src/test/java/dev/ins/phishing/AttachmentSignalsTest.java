package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.MailComposer;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attachments judged by content and by the extension Windows acts on, with legitimate documents and archives. */
class AttachmentSignalsTest {

  private static Assessment attach(String name, String type, byte[] content) {
    return attach("Bonjour,\nveuillez trouver le document joint.", name, type, content);
  }

  private static Assessment attach(String text, String name, String type, byte[] content) {
    return Triages.assess(Triages.from("Comptabilité", "compta@facturation-sud.fr").subject("Document").text(text).attach(name, type, content));
  }

  private static Reason reason(Assessment a, ReasonCode code) {
    return a.reasons().stream().filter(r -> r.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + a.reasons()));
  }

  @Test
  void windowsExecutable_isDangerousByContentWhateverItsName() {
    Assessment a = attach("facture", "application/octet-stream", SyntheticAttachments.windowsExecutable());
    assertTrue(reason(a, ReasonCode.ATTACHMENT_EXECUTABLE).message().contains("programme exécutable"));
    assertEquals(Verdict.DANGEROUS, a.verdict());
    assertEquals(Verdict.DANGEROUS, attach("update.bin", "application/octet-stream", SyntheticAttachments.elfExecutable()).verdict());
  }

  @Test
  void executableNamedAsAPdf_isDisguised() {
    Assessment a = attach("Facture_2026.pdf", "application/pdf", SyntheticAttachments.windowsExecutable());
    Reason r = reason(a, ReasonCode.ATTACHMENT_DISGUISED);
    assertTrue(r.message().contains("Facture_2026.pdf") && r.message().contains("document PDF") && r.message().contains("exécutable"), r.message());
    assertEquals(ReasonCode.DECISIVE, r.points());
  }

  @Test
  void zipNamedAsAPdf_isDisguisedButNotDecisive() {
    byte[] zip = SyntheticAttachments.zip(Map.of("a.txt", "bonjour".getBytes(StandardCharsets.UTF_8)));
    Assessment a = attach("releve.pdf", "application/pdf", zip);
    assertEquals(20, reason(a, ReasonCode.ATTACHMENT_DISGUISED).points());
  }

  @ParameterizedTest
  @ValueSource(strings = {"paiement.js", "facture.vbs", "dossier.hta", "maj.ps1", "lancer.bat", "setup.msi", "outil.jar", "scan.scr"})
  void scriptsAndProgrammes_areDangerousByTheExtensionWindowsRuns(String name) {
    Assessment a = attach(name, "text/plain", "WScript.Echo 1".getBytes(StandardCharsets.US_ASCII));
    assertTrue(reason(a, ReasonCode.ATTACHMENT_EXECUTABLE).message().contains(name.substring(name.indexOf('.'))), a.reasons().toString());
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void doubleExtension_showsTheFakeAndTheRealOne() {
    Assessment a = attach("Releve_honoraires.pdf.exe", "application/pdf", SyntheticAttachments.windowsExecutable());
    Reason r = reason(a, ReasonCode.ATTACHMENT_DOUBLE_EXTENSION);
    assertTrue(r.message().contains(".pdf") && r.message().contains(".exe"), r.message());
    assertEquals(ReasonCode.DECISIVE, r.points());
  }

  @Test
  void paddedDoubleExtension_isFound() {
    Assessment a = attach("Commande.pdf" + " ".repeat(40) + ".exe", "application/octet-stream", SyntheticAttachments.windowsExecutable());
    assertTrue(reason(a, ReasonCode.ATTACHMENT_DOUBLE_EXTENSION).message().contains("espaces"));
  }

  @Test
  void doubleExtensionOfTwoHarmlessTypes_isWeak() {
    Assessment a = attach("photo.jpg.zip", "application/zip", SyntheticAttachments.zip(Map.of("photo.jpg", SyntheticAttachments.png(1))));
    assertEquals(15, reason(a, ReasonCode.ATTACHMENT_DOUBLE_EXTENSION).points());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  @Test
  void rightToLeftOverride_inTheName_isDecisive() {
    Assessment a = attach("Facture\u202Efdp.exe", "application/octet-stream", SyntheticAttachments.windowsExecutable());
    Reason r = reason(a, ReasonCode.ATTACHMENT_DOUBLE_EXTENSION);
    assertTrue(r.message().contains("inversion"), r.message());
    assertFalse(r.message().contains("\u202E"), "the control character is not shown");
  }

  @Test
  void ooxmlWithVbaProject_isAMacroDocument() {
    Assessment docm = attach("Facture.docm", "application/vnd.ms-word.document.macroEnabled.12", SyntheticAttachments.ooxml(true));
    assertTrue(docm.reasons().stream().anyMatch(r -> r.code() == ReasonCode.ATTACHMENT_MACRO && r.message().contains("vbaProject.bin")),
        docm.reasons().toString());
    assertTrue(docm.reasons().stream().anyMatch(r -> r.code() == ReasonCode.ATTACHMENT_MACRO && r.message().contains(".docm")));
    Assessment renamed = attach("Facture.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SyntheticAttachments.ooxml(true));
    assertEquals(Verdict.DANGEROUS, renamed.verdict(), "found by content, not by the .docm extension");
  }

  @Test
  void ole2WithAVbaProject_isAMacroDocument() {
    Assessment a = attach("commande.doc", "application/msword", SyntheticAttachments.ole2(true));
    assertTrue(reason(a, ReasonCode.ATTACHMENT_MACRO).message().contains("OLE2"));
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void shortcut_isDangerousByContentAndByName() {
    assertTrue(attach("Document", "application/octet-stream", SyntheticAttachments.shortcut()).has(ReasonCode.ATTACHMENT_SHORTCUT));
    assertEquals(Verdict.DANGEROUS, attach("Document.lnk", "application/octet-stream", new byte[10]).verdict());
  }

  @Test
  void isoImage_isDangerousByContent() {
    Assessment a = attach("Facture.pdf", "application/pdf", SyntheticAttachments.isoImage());
    assertTrue(a.has(ReasonCode.ATTACHMENT_DISK_IMAGE), a.reasons().toString());
    assertTrue(a.has(ReasonCode.ATTACHMENT_DISGUISED));
    assertEquals(Verdict.DANGEROUS, attach("Dossier.img", "application/octet-stream", new byte[100]).verdict());
  }

  @Test
  void htmlAttachment_withAForm_isSuspiciousAndItsFormIsReported() {
    Assessment a = attach("Document.html", "text/html", SyntheticAttachments.loginPage("Assurance Maladie", "https://collect.example.net/p"));
    assertEquals(50, reason(a, ReasonCode.ATTACHMENT_HTML).points());
    assertTrue(reason(a, ReasonCode.CREDENTIAL_FORM).message().contains("Document.html"));
    assertEquals(Verdict.DANGEROUS, a.verdict());
  }

  @Test
  void svgWithScript_actsLikeAPage() {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>window.location='https://x.example'</script></svg>".getBytes(StandardCharsets.UTF_8);
    assertTrue(attach("facture.svg", "image/svg+xml", svg).has(ReasonCode.ATTACHMENT_HTML));
  }

  @Test
  void encryptedZip_isSuspicious_andWithItsPasswordInTheBody_dangerous() {
    byte[] zip = SyntheticAttachments.encryptedZip("Facture.pdf", SyntheticAttachments.pdf("x"), "4821", 5L);
    Assessment alone = attach("Bonjour, voici la facture.", "facture.zip", "application/zip", zip);
    assertTrue(alone.has(ReasonCode.ARCHIVE_ENCRYPTED), alone.reasons().toString());
    assertEquals(Verdict.SUSPICIOUS, alone.verdict());
    Assessment withPassword = attach("Bonjour, voici la facture.\nMot de passe : 4821", "facture.zip", "application/zip", zip);
    Reason r = reason(withPassword, ReasonCode.ARCHIVE_PASSWORD_IN_BODY);
    assertFalse(r.message().contains("4821"), "the password is not repeated");
    assertEquals(Verdict.DANGEROUS, withPassword.verdict());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mot de passe : 4821", "MDP: 4821", "Le code pour ouvrir le fichier est 4821.", "password = 4821",
      "Le mot de passe de l'archive sera « 4821 »"})
  void archivePassword_isFoundInItsUsualPhrasings(String phrase) {
    byte[] zip = SyntheticAttachments.encryptedZip("Facture.pdf", SyntheticAttachments.pdf("x"), "4821", 6L);
    assertTrue(attach("Bonjour,\n" + phrase + "\nCordialement", "facture.zip", "application/zip", zip).has(ReasonCode.ARCHIVE_PASSWORD_IN_BODY));
  }

  @Test
  void encryptedZip_withoutAPasswordInTheText_isNotGivenOne() {
    byte[] zip = SyntheticAttachments.encryptedZip("Facture.pdf", SyntheticAttachments.pdf("x"), "4821", 7L);
    assertFalse(attach("Bonjour, le code vous sera communiqué par téléphone. Pensez à changer votre mot de passe.", "facture.zip",
        "application/zip", zip).has(ReasonCode.ARCHIVE_PASSWORD_IN_BODY));
  }

  @Test
  void zipHoldingAProgrammeOrAShortcut_isDangerous() {
    Assessment exe = attach("docs.zip", "application/zip", SyntheticAttachments.zip(Map.of("facture.pdf.exe", SyntheticAttachments.windowsExecutable())));
    assertTrue(reason(exe, ReasonCode.ARCHIVE_DANGEROUS_CONTENT).message().contains("facture.pdf.exe"));
    Assessment byContent = attach("docs.zip", "application/zip", SyntheticAttachments.zip(Map.of("lisez-moi.txt", SyntheticAttachments.shortcut())));
    assertEquals(Verdict.DANGEROUS, byContent.verdict(), byContent.reasons().toString());
    Assessment macro = attach("docs.zip", "application/zip", SyntheticAttachments.zip(Map.of("commande.doc", SyntheticAttachments.ole2(true))));
    assertEquals(Verdict.DANGEROUS, macro.verdict(), macro.reasons().toString());
  }

  @Test
  void nestedArchiveOrUnreadableFormat_isNotInspectedAndSaysSo() {
    byte[] inner = SyntheticAttachments.zip(Map.of("a.exe", SyntheticAttachments.windowsExecutable()));
    Assessment nested = attach("docs.zip", "application/zip", SyntheticAttachments.zip(Map.of("inner.zip", inner)));
    assertTrue(nested.has(ReasonCode.ARCHIVE_NOT_INSPECTED), nested.reasons().toString());
    byte[] rar = "Rar!\u001a\u0007\u0001\u0000xxxxxxxxxxxx".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(attach("docs.rar", "application/octet-stream", rar).has(ReasonCode.ARCHIVE_NOT_INSPECTED));
  }

  @Test
  void legitimateDocumentsAndArchives_areSafe() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("resultats.pdf", SyntheticAttachments.pdf("r"));
    files.put("photo.png", SyntheticAttachments.png(2));
    MailComposer m = Triages.from("Laboratoire Biomed", "resultats@labo-biomed.fr").text("Résultats joints.")
        .attach("resultats.zip", "application/zip", SyntheticAttachments.zip(files))
        .attach("devis.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SyntheticAttachments.ooxml(false))
        .attach("ancien.doc", "application/msword", SyntheticAttachments.ole2(false))
        .attach("radio.png", "image/png", SyntheticAttachments.png(5))
        .attach("cr.pdf", "application/pdf", SyntheticAttachments.pdf("cr"))
        .attach("notes.txt", "text/plain", "rien".getBytes(StandardCharsets.UTF_8));
    Assessment a = Triages.assess(m);
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    assertEquals(0, a.score(), a.reasons().toString());
  }

  @Test
  void forwardedMessage_isAnalysedInside() {
    byte[] inner = new MailComposer().from("X", "x@exemple-envoi.fr").subject("s").text("t")
        .attach("facture.exe", "application/octet-stream", SyntheticAttachments.windowsExecutable()).build();
    Assessment a = Triages.assess(Triages.from("Julien Petit", "julien.petit@gmail.com").text("Regarde ça").attach("fwd.eml", "message/rfc822", inner));
    assertEquals(Verdict.DANGEROUS, a.verdict(), a.reasons().toString());
  }
}
