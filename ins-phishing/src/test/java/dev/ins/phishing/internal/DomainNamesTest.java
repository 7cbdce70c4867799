package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {

  @ParameterizedTest
  @CsvSource({"info.ameli.fr,ameli.fr", "ameli.fr,ameli.fr", "www.esante.gouv.fr,esante.gouv.fr", "esante.gouv.fr,esante.gouv.fr",
      "ars.sante.fr,sante.fr", "a.b.example.co.uk,example.co.uk", "evil.github.io,evil.github.io", "fr,fr",
      "x.ville.gouv.qc.ca,ville.gouv.qc.ca"})
  void registrable_isTheSuffixPlusOneLabel(String domain, String expected) {
    assertEquals(expected, DomainNames.registrable(domain));
  }

  @Test
  void normalize_lowerCasesDropsTheTrailingDotAndEncodesUnicode() {
    assertEquals("ameli.fr", DomainNames.normalize(" AMELI.FR. "));
    assertEquals(java.net.IDN.toASCII("améli.fr"), DomainNames.normalize("AMÉLI.fr"));
    assertEquals("améli.fr", DomainNames.unicode(DomainNames.normalize("améli.fr")));
    assertNull(DomainNames.normalize("bad host/"));
    assertNull(DomainNames.normalize(""));
    assertNull(DomainNames.normalize("a..b"));
  }

  @Test
  void normalize_isIdempotent() {
    for (String s : new String[] {"Améli.FR", "xn--amli-cpa.fr", "info.urssaf.fr", "ÇA-VA.fr", "ｅxample.fr"}) {
      String once = DomainNames.normalize(s);
      assertEquals(once, DomainNames.normalize(once), s);
    }
  }

  @Test
  void within_meansItselfOrASubDomain() {
    assertTrue(DomainNames.within("info.ameli.fr", "ameli.fr"));
    assertTrue(DomainNames.within("ameli.fr", "ameli.fr"));
    assertFalse(DomainNames.within("monameli.fr", "ameli.fr"));
    assertFalse(DomainNames.within("ameli.fr.evil.example", "ameli.fr"));
  }

  @Test
  void isIpLiteral_knowsDottedBareAndBracketedForms() {
    assertTrue(DomainNames.isIpLiteral("192.0.2.7"));
    assertTrue(DomainNames.isIpLiteral("3221225991"));
    assertTrue(DomainNames.isIpLiteral("0xC0.0x00.0x02.0x07"));
    assertTrue(DomainNames.isIpLiteral("[2001:db8::1]"));
    assertFalse(DomainNames.isIpLiteral("192.0.2.7.nip.example"));
    assertFalse(DomainNames.isIpLiteral("ameli.fr"));
    assertFalse(DomainNames.isIpLiteral("cafe.fr"));
  }
}
