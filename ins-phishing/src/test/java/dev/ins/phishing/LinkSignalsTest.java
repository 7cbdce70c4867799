package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.MailComposer;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Links, forms and QR lures, with the newsletters and invitations that must stay safe. */
class LinkSignalsTest {

  private static MailComposer unknown() {
    return Triages.from("Information", "info@relation-usagers.org").subject("Votre dossier");
  }

  private static Reason reason(Assessment a, ReasonCode code) {
    return a.reasons().stream().filter(r -> r.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + a.reasons()));
  }

  @Test
  void visibleUrl_differentFromTheTarget_isAMismatchNamingBoth() {
    Assessment a = Triages.assess(unknown().html("<a href=\"https://secure-assure-remb.com/s/1\">https://www.ameli.fr/assure</a>"));
    Reason r = reason(a, ReasonCode.LINK_TEXT_MISMATCH);
    assertTrue(r.message().contains("https://www.ameli.fr/assure") && r.message().contains("secure-assure-remb.com")
        && r.message().contains("Assurance Maladie"), r.message());
    assertEquals(50, r.points(), "showing an institution's address weighs more");
    assertTrue(a.score() >= Verdict.SUSPICIOUS_FROM);
  }

  @Test
  void visibleDomainWithoutScheme_isCompared() {
    Assessment a = Triages.assess(unknown().html("<a href=\"http://203.0.113.9.nip.example/x\">www.doctolib.fr</a>"));
    assertTrue(a.has(ReasonCode.LINK_TEXT_MISMATCH), a.reasons().toString());
  }

  @Test
  void visibleTextThatIsNotAnAddress_isNotCompared() {
    Assessment a = Triages.assess(unknown().html("<a href=\"https://www.relation-usagers.org/x\">Lire la suite</a>"
        + " <a href=\"https://www.relation-usagers.org/f\">rapport.pdf</a> <a href=\"https://www.relation-usagers.org/p\">M.Dupont</a>"));
    assertFalse(a.has(ReasonCode.LINK_TEXT_MISMATCH), a.reasons().toString());
  }

  @Test
  void newsletterTrackingRedirect_toTheAddressShown_isSafe() {
    String target = "https://www.dentaire-info.fr/agenda";
    String href = "https://click.dentaire-info.fr/r/123?url=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    Assessment a = Triages.assess(Triages.from("La lettre", "newsletter@dentaire-info.fr")
        .html("<a href=\"" + href + "\">www.dentaire-info.fr/agenda</a> <a href=\"" + href + "\">Lire</a>"));
    assertEquals(Verdict.SAFE, a.verdict(), a.reasons().toString());
    assertFalse(a.has(ReasonCode.LINK_OPEN_REDIRECT) || a.has(ReasonCode.LINK_TEXT_MISMATCH));
  }

  @Test
  void authenticatedNewsletter_showingItsOwnSiteThroughAMailingTracker_isSafe() {
    Assessment a = Triages.assess(Triages.from("Congrès", "info@congres-odonto.fr")
        .html("<a href=\"https://xk2p.mjt.lu/lnk/AVAA123\">www.congres-odonto.fr</a>"));
    assertFalse(a.has(ReasonCode.LINK_TEXT_MISMATCH), a.reasons().toString());
  }

  @Test
  void unauthenticatedSender_showingItsOwnSiteThroughAnotherHost_isAMismatch() {
    Assessment a = Triages.assess(new MailComposer().from("Congrès", "info@congres-odonto.fr").subject("x")
        .html("<a href=\"https://xk2p.mjt.lu/lnk/AVAA123\">www.congres-odonto.fr</a>"));
    assertTrue(a.has(ReasonCode.LINK_TEXT_MISMATCH), a.reasons().toString());
  }

  @Test
  void ipLiteralHost_inHtmlOrText_isReported() {
    assertTrue(Triages.assess(unknown().text("Connectez-vous sur http://198.51.100.23/espace/login.php")).has(ReasonCode.LINK_IP_HOST));
    assertTrue(Triages.assess(unknown().html("<a href=\"http://[2001:db8::7]/x\">ici</a>")).has(ReasonCode.LINK_IP_HOST));
    assertTrue(Triages.assess(unknown().html("<a href=\"http://3325256715/x\">ici</a>")).has(ReasonCode.LINK_IP_HOST), "a bare number is an IP");
  }

  @Test
  void shortener_isWeakAndNamed() {
    Assessment a = Triages.assess(unknown().text("Voir https://bit.ly/3xYz12 pour le détail."));
    Reason r = reason(a, ReasonCode.LINK_SHORTENER);
    assertTrue(r.message().contains("bit.ly"), r.message());
    assertEquals(Verdict.SAFE, a.verdict(), "weak on its own");
  }

  @Test
  void openRedirect_carryingAnotherSite_isReportedWithBothHosts() {
    String target = "https://verif-compte-pro.net/ameli/";
    Assessment a = Triages.assess(unknown().html("<a href=\"https://www.google.com/url?q=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
        + "\">Formulaire</a>"));
    Reason r = reason(a, ReasonCode.LINK_OPEN_REDIRECT);
    assertTrue(r.message().contains("www.google.com") && r.message().contains("verif-compte-pro.net"), r.message());
  }

  @Test
  void openRedirect_doublyEncoded_isFound() {
    String target = URLEncoder.encode(URLEncoder.encode("https://verif-compte-pro.net/x", StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertTrue(Triages.assess(unknown().html("<a href=\"https://l.example-social.com/l.php?u=" + target + "\">x</a>"))
        .has(ReasonCode.LINK_OPEN_REDIRECT));
  }

  @Test
  void scriptAndDataSchemes_areReported() {
    assertTrue(Triages.assess(unknown().html("<a href=\"javascript:alert(1)\">ouvrir</a>")).has(ReasonCode.LINK_SCRIPT_SCHEME));
    assertTrue(Triages.assess(unknown().html("<a href=\"data:text/html;base64,PGgxPng8L2gxPg==\">ouvrir</a>")).has(ReasonCode.LINK_SCRIPT_SCHEME));
    assertFalse(Triages.assess(unknown().html("<a href=\"mailto:contact@relation-usagers.org\">écrire</a> <a href=\"tel:3646\">3646</a>"))
        .has(ReasonCode.LINK_SCRIPT_SCHEME));
  }

  @Test
  void userinfoBeforeTheHost_isReportedWithTheRealHost() {
    Reason r = reason(Triages.assess(unknown().html("<a href=\"https://www.ameli.fr@verif-compte-pro.net/assure\">compte</a>")), ReasonCode.LINK_USERINFO);
    assertTrue(r.message().contains("www.ameli.fr") && r.message().contains("verif-compte-pro.net"), r.message());
  }

  @Test
  void formAskingForAPassword_isReportedWithItsTarget() {
    Assessment a = Triages.assess(unknown().html("<form action=\"https://collect.example.net/p.php\">Identifiant <input name=\"u\">"
        + " <input type=\"password\" name=\"p\"><input type=\"submit\"></form>"));
    Reason r = reason(a, ReasonCode.CREDENTIAL_FORM);
    assertEquals(50, r.points());
    assertTrue(r.message().contains("mot de passe") && r.message().contains("collect.example.net"), r.message());
    assertTrue(a.score() >= Verdict.SUSPICIOUS_FROM);
  }

  @Test
  void formWithDataFields_isWeaker_andASearchBoxIsNotAForm() {
    assertEquals(30, reason(Triages.assess(unknown().html("<form action=\"https://x.example/\"><input type=\"email\" name=\"mail\"></form>")),
        ReasonCode.CREDENTIAL_FORM).points());
    assertFalse(Triages.assess(unknown().html("<form action=\"https://www.relation-usagers.org/search\"><input type=\"search\" name=\"q\"></form>"))
        .has(ReasonCode.CREDENTIAL_FORM));
  }

  @Test
  void qrCodeWithoutLinks_isAWeakLure() {
    Assessment a = Triages.assess(unknown().html("<p>Scannez ce QR code pour renouveler votre accès.</p><img src=\"cid:qr\">")
        .inlineImage("qr", "image/png", SyntheticAttachments.png(3)));
    assertEquals(20, reason(a, ReasonCode.QR_CODE_LURE).points());
  }

  @Test
  void invitationWithAQrCodeAndLinks_isSafe() {
    Assessment a = Triages.assess(Triages.from("Congrès Odonto", "evenements@congres-odonto.fr")
        .html("<p>Scannez le QR code ou inscrivez-vous en ligne.</p><img src=\"cid:qr\"><a href=\"https://www.congres-odonto.fr/i\">S'inscrire</a>"
            + "<a href=\"https://www.congres-odonto.fr/p\">Programme</a>")
        .inlineImage("qr", "image/png", SyntheticAttachments.png(4)));
    assertFalse(a.has(ReasonCode.QR_CODE_LURE), a.reasons().toString());
    assertEquals(Verdict.SAFE, a.verdict());
  }

  @Test
  void manyLinks_areAnalysedUpToTheBound() {
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      h.append("<a href=\"https://www.relation-usagers.org/").append(i).append("\">l</a>");
    }
    h.append("<a href=\"http://192.0.2.1/\">late</a>");
    Assessment a = Triages.assess(unknown().html(h.toString()));
    assertTrue(a.has(ReasonCode.ANALYSIS_TRUNCATED), a.reasons().toString());
    assertFalse(a.has(ReasonCode.LINK_IP_HOST), "links past the bound are not analysed");
  }
}
