package dev.ins.insi.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DTDs, entities, oversized and deeply nested documents are refused with a typed reason. */
class XmlHardeningTest {

  private static final SoapCodec CODEC = SoapCodec.get();
  private static final String ENV = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">";

  private static XmlProblem.Reason reasonOf(String xml) {
    return assertThrows(XmlProblem.class,
        () -> CODEC.readResponse(xml.getBytes(StandardCharsets.UTF_8), SoapCodec.DEFAULT_MAX_BYTES)).reason();
  }

  @Test
  void securityHeaderElementWithAnEmptyPrefix_isMalformed_notAnUncheckedDomError() {
    // Found by the fuzzer: the StAX parser accepts "<:a>", DOM does not.
    String xml = ENV + "<soap:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
        + "oasis-200401-wss-wssecurity-secext-1.0.xsd\"><:a/></wsse:Security></soap:Header>"
        + "<soap:Body><x/></soap:Body></soap:Envelope>";
    XmlProblem p = assertThrows(XmlProblem.class,
        () -> CODEC.readRequest(xml.getBytes(StandardCharsets.UTF_8), SoapCodec.DEFAULT_MAX_BYTES));
    assertEquals(XmlProblem.Reason.MALFORMED, p.reason());
  }

  @Test
  void externalEntity_isRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + ENV
        + "<soap:Body><RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>&x;</CodeCR></CR>"
        + "</RESULTAT></soap:Body></soap:Envelope>";
    assertEquals(XmlProblem.Reason.DTD_FORBIDDEN, reasonOf(xxe));
  }

  @Test
  void billionLaughs_isRefused() {
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
        + ENV + "<soap:Body>&b;</soap:Body></soap:Envelope>";
    assertEquals(XmlProblem.Reason.DTD_FORBIDDEN, reasonOf(bomb));
  }

  @Test
  void undeclaredEntity_isMalformed() {
    assertEquals(XmlProblem.Reason.MALFORMED, reasonOf(ENV + "<soap:Body>&nope;</soap:Body></soap:Envelope>"));
  }

  @Test
  void oversizedDocument_isRefusedBeforeParsing() {
    byte[] big = new byte[2048];
    XmlProblem p = assertThrows(XmlProblem.class, () -> CODEC.readResponse(big, 1024));
    assertEquals(XmlProblem.Reason.TOO_LARGE, p.reason());
  }

  @Test
  void deepNesting_insideTheResult_isRefused() {
    String deep = "<x>".repeat(500) + "</x>".repeat(500);
    String xml = ENV + "<soap:Body><RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>00</CodeCR>"
        + "</CR>" + deep + "</RESULTAT></soap:Body></soap:Envelope>";
    assertEquals(XmlProblem.Reason.MALFORMED, reasonOf(xml));
  }

  @Test
  void resultInTheWrongNamespace_isUnexpectedContent() {
    String xml = ENV + "<soap:Body><RESULTAT xmlns=\"urn:other\"><CR><CodeCR>00</CodeCR></CR></RESULTAT>"
        + "</soap:Body></soap:Envelope>";
    assertEquals(XmlProblem.Reason.UNEXPECTED_CONTENT, reasonOf(xml));
  }

  @Test
  void soap11Envelope_isNotSoap12() {
    String xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>";
    assertEquals(XmlProblem.Reason.NOT_SOAP, reasonOf(xml));
  }

  @Test
  void emptyBody_isUnexpectedContent() {
    assertEquals(XmlProblem.Reason.UNEXPECTED_CONTENT, reasonOf(ENV + "<soap:Body></soap:Body></soap:Envelope>"));
  }

  @Test
  void invalidUtf8_isMalformed_andNothingIsPrinted() {
    byte[] bad = (ENV + "<soap:Body>").getBytes(StandardCharsets.UTF_8);
    byte[] doc = java.util.Arrays.copyOf(bad, bad.length + 3);
    doc[bad.length] = (byte) 0xC3;
    doc[bad.length + 1] = (byte) 0x28;
    doc[bad.length + 2] = (byte) 0xFF;
    String printed = dev.ins.core.testing.PiiGuard.captureStderr(() -> {
      XmlProblem p = assertThrows(XmlProblem.class, () -> CODEC.readResponse(doc, SoapCodec.DEFAULT_MAX_BYTES));
      assertEquals(XmlProblem.Reason.MALFORMED, p.reason());
    });
    assertEquals("", printed);
  }

  @Test
  void truncatedDocument_isMalformed() {
    assertEquals(XmlProblem.Reason.MALFORMED, reasonOf(ENV + "<soap:Body><RESULTAT xmlns=\"http://www.cnam"));
  }
}
