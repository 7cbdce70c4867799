package dev.ins.insi.cps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.insi.internal.xml.AssertionXml;
import dev.ins.insi.internal.xml.SecureXml;
import dev.ins.security.testing.SyntheticPki;
import dev.ins.security.testing.SyntheticPki.LeafProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The signer's output passes the verifier; each defect is refused with its own problem. */
class AssertionPsVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final SyntheticPki PKI = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
  private static final SyntheticPki.Issued CPS = PKI.issue("899700000001",
      NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(900)), LeafProfile.DEFAULT);

  private static AssertionPsSigner signer(Clock clock, SyntheticPki.Issued who) {
    return AssertionPsSigner.builder().key(who.key(), who.certificate(), PKI.ca)
        .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
        .codeSpecialite("SM26").clock(clock).build();
  }

  private static AssertionPsVerifier verifier(Instant at) {
    return AssertionPsVerifier.builder().trustAnchor(PKI.root)
        .clock(Clock.fixed(at, ZoneOffset.UTC)).maxClockSkew(Duration.ofMinutes(2)).build();
  }

  private static AssertionPsException.Problem refused(String xml, Instant at) {
    return assertThrows(AssertionPsException.class, () -> verifier(at).verify(xml)).problem();
  }

  @Test
  void goodAssertion_isAcceptedWithItsFacts() {
    AssertionPs a = signer(Clock.fixed(NOW, ZoneOffset.UTC), CPS).current();
    AssertionPs v = verifier(NOW.plus(Duration.ofMinutes(10))).verify(a.xml());
    assertEquals(a.id(), v.id());
    assertEquals("899700000001", v.psIdentifier());
    assertEquals(NOW.plus(Duration.ofHours(1)), v.notOnOrAfter());
    assertTrue(v.issuer().contains("CN=899700000001"), v.issuer());
    assertTrue(a.xml().contains("NameQualifier=\"CPS\""));
    assertTrue(a.xml().contains("http://www.w3.org/2001/10/xml-exc-c14n#"));
    assertTrue(a.xml().contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"));
  }

  @Test
  void tamperedAssertion_isRefusedAsTampered() {
    String xml = signer(Clock.fixed(NOW, ZoneOffset.UTC), CPS).current().xml().replace("SM26", "SM01");
    assertEquals(AssertionPsException.Problem.TAMPERED, refused(xml, NOW));
  }

  @Test
  void expiredAndFutureAssertions_areRefusedForTheirWindow() {
    String xml = signer(Clock.fixed(NOW, ZoneOffset.UTC), CPS).current().xml();
    assertEquals(AssertionPsException.Problem.EXPIRED, refused(xml, NOW.plus(Duration.ofMinutes(63))));
    assertEquals(AssertionPsException.Problem.NOT_YET_VALID, refused(xml, NOW.minus(Duration.ofMinutes(3))));
    verifier(NOW.plus(Duration.ofMinutes(61))).verify(xml); // within the clock-skew allowance
  }

  @Test
  void signatureByAnotherKey_isRefusedAsWrongKey() throws Exception {
    SyntheticPki.Issued other = PKI.issue("899700000002", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(10)), LeafProfile.DEFAULT);
    AssertionPs a = AssertionPsSigner.builder().key(other.key(), CPS.certificate(), PKI.ca)
        .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
        .codeSpecialite("SM26").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().current();
    assertEquals(AssertionPsException.Problem.WRONG_KEY, refused(a.xml(), NOW));
  }

  @Test
  void missingAttribute_isRefusedAsMissingAttribute() throws Exception {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("identifiantFacturation", "991234567");
    attrs.put("secteurActivite", "SA07");
    Document d = AssertionXml.build("_a1", AssertionXml.subjectDn(CPS.certificate()), "899700000001", NOW,
        NOW.plus(Duration.ofHours(1)), attrs);
    AssertionXml.sign(d, CPS.key(), List.of(CPS.certificate(), PKI.ca), null);
    AssertionPsException e = assertThrows(AssertionPsException.class,
        () -> verifier(NOW).verify(SecureXml.toString(d.getDocumentElement())));
    assertEquals(AssertionPsException.Problem.MISSING_ATTRIBUTE, e.problem());
    assertTrue(e.getMessage().contains("codeSpecialite"), e.getMessage());
  }

  @Test
  void certificateFromAnotherPki_isUntrusted() {
    SyntheticPki otherPki = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
    SyntheticPki.Issued stranger = otherPki.issue("899700000001", NOW.minus(Duration.ofDays(1)),
        NOW.plus(Duration.ofDays(10)), LeafProfile.DEFAULT);
    AssertionPs a = AssertionPsSigner.builder().key(stranger.key(), stranger.certificate(), otherPki.ca)
        .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
        .codeSpecialite("SM26").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().current();
    assertEquals(AssertionPsException.Problem.UNTRUSTED_CERTIFICATE, refused(a.xml(), NOW));
  }

  @Test
  void signatureMovedOrRemoved_isRefused() throws Exception {
    String xml = signer(Clock.fixed(NOW, ZoneOffset.UTC), CPS).current().xml();
    Document d = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8), 65536);
    Element sig = (Element) d.getElementsByTagNameNS(AssertionXml.DSIG, "Signature").item(0);
    sig.getParentNode().removeChild(sig);
    assertEquals(AssertionPsException.Problem.BAD_SIGNATURE, refused(SecureXml.toString(d.getDocumentElement()), NOW));
    assertEquals(AssertionPsException.Problem.BAD_SIGNATURE,
        refused(xml.replace("ID=\"" + xml.replaceAll("(?s).*ID=\"([^\"]+)\".*", "$1") + "\"", "ID=\"_other\""), NOW));
  }

  @Test
  void dtdAndGarbage_areMalformed() {
    assertEquals(AssertionPsException.Problem.MALFORMED,
        refused("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", NOW));
    assertEquals(AssertionPsException.Problem.MALFORMED, refused("not xml", NOW));
    assertEquals(AssertionPsException.Problem.MALFORMED, refused("<Assertion/>", NOW));
    assertEquals(AssertionPsException.Problem.MALFORMED, refused("<a>" + "x".repeat(70_000) + "</a>", NOW));
  }

  @Test
  void current_reusesTheAssertionUntilShortlyBeforeItExpires() {
    MutableClock clock = new MutableClock(NOW);
    AssertionPsSigner s = signer(clock, CPS);
    AssertionPs first = s.current();
    clock.now = NOW.plus(Duration.ofMinutes(54));
    assertSame(first, s.current());
    clock.now = NOW.plus(Duration.ofMinutes(56));
    AssertionPs second = s.current();
    assertNotSame(first, second);
    assertEquals(clock.now, second.notBefore());
  }

  @Test
  void builder_failsFastOnMissingConfiguration() {
    assertThrows(IllegalStateException.class, () -> AssertionPsSigner.builder().build());
    assertThrows(IllegalStateException.class, () -> AssertionPsSigner.builder().key(CPS.key(), CPS.certificate())
        .psIdentifier("x").identifiantFacturation("y").secteurActivite("z").build());
    assertThrows(IllegalStateException.class, () -> AssertionPsVerifier.builder().build());
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
