package dev.ins.insi.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bytes on the wire as the real service and its schemas have them: no empty wsse:Security,
 * a prefixed siram:Erreur with a separate Reason, INSHISTO children in the schema's order; and
 * responses read tolerantly (unknown elements skipped anywhere, known ones strict).
 */
class WireFidelityTest {

  private static final SoapCodec CODEC = SoapCodec.get();

  /** The live response recorded by an open client for ECETINSI (published CNDA test identity). */
  private static final String LIVE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
      + "<env:Body xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\">"
      + "<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>"
      + "<INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>1090763220834</NumIdentifiant><Cle>89</Cle></IdIndividu>"
      + "<OID>1.2.250.1.213.1.4.8</OID></INSACTIF>"
      + "<INSHISTO><IdIndividu><NumIdentifiant>2090763220834</NumIdentifiant><Cle>39</Cle></IdIndividu>"
      + "<OID>1.2.250.1.213.1.4.8</OID><DateDeb>2019-03-01</DateDeb><DateFin>2019-02-28</DateFin></INSHISTO>"
      + "<TIQ><NomNaissance>ECETINSI</NomNaissance><ListePrenom>PIERRE-ALAIN MURIEL FLORIANT</ListePrenom>"
      + "<Sexe>M</Sexe><DateNaissance>2009-07-14</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ>"
      + "</INDIVIDU></RESULTAT></env:Body></soap:Envelope>";

  /** An unknown element with attributes, text and children, in a namespace of its own. */
  private static final String UNKNOWN = "<x:Futur xmlns:x=\"urn:cnam:futur\" a=\"1\">texte<x:Enfant b=\"2\">"
      + "<x:PetitEnfant/>encore</x:Enfant></x:Futur>";

  /** The same, in the response's own namespace, as CNAM would add an optional element. */
  private static final String UNKNOWN_SAME_NS = "<Nouveau code=\"A\">valeur<Detail>d</Detail></Nouveau>";

  static LongStream seeds() {
    return Seeds.stream(32);
  }

  private static ResultatXml read(String xml) throws XmlProblem {
    SoapMessages.Response r = CODEC.readResponse(xml.getBytes(StandardCharsets.UTF_8), SoapCodec.DEFAULT_MAX_BYTES);
    assertNull(r.fault());
    return r.result();
  }

  private static String describe(ResultatXml r) {
    StringBuilder b = new StringBuilder(r.cr.codeCR + "|" + r.cr.libelleCR);
    if (r.individu != null) {
      for (ResultatXml.Ins i : concat(r.individu.insActif, r.individu.insHisto)) {
        b.append('|').append(i.idIndividu.numIdentifiant).append(i.idIndividu.cle).append(i.oid)
            .append(i.dateDeb).append(i.dateFin);
      }
      ResultatXml.Tiq t = r.individu.tiq;
      b.append('|').append(t.nomNaissance).append(t.prenom).append(t.listePrenom).append(t.sexe)
          .append(t.dateNaissance).append(t.lieuNaissance);
    }
    return b.toString();
  }

  private static List<ResultatXml.Ins> concat(ResultatXml.Ins a, List<ResultatXml.Ins> rest) {
    List<ResultatXml.Ins> out = new ArrayList<>();
    out.add(a);
    out.addAll(rest);
    return out;
  }

  /** Every position after a start tag of the live response, where an element could be added. */
  private static List<Integer> insertionPoints(String xml) {
    List<Integer> out = new ArrayList<>();
    Matcher m = Pattern.compile("<[A-Za-z][^>]*>").matcher(xml);
    int body = xml.indexOf("<env:Body");
    while (m.find()) {
      if (m.start() >= body) {
        out.add(m.end());
      }
    }
    return out;
  }

  @Test
  void unknownElements_anywhereInAResponse_areSkipped_andKnownOnesReadUnchanged() throws XmlProblem {
    String expected = describe(read(LIVE));
    List<Integer> points = insertionPoints(LIVE);
    assertTrue(points.size() > 20, "every level of the response is exercised: " + points.size());
    for (int p : points) {
      for (String extra : List.of(UNKNOWN, UNKNOWN_SAME_NS)) {
        String xml = LIVE.substring(0, p) + extra + LIVE.substring(p);
        assertEquals(expected, describe(read(xml)), "element added after offset " + p);
      }
    }
    // And after the last child of each known element, just before its end tag.
    Matcher end = Pattern.compile("</[A-Za-z][^>]*>").matcher(LIVE);
    while (end.find()) {
      if (end.group().startsWith("</soap:Envelope")) {
        continue;
      }
      String xml = LIVE.substring(0, end.start()) + UNKNOWN + LIVE.substring(end.start());
      assertEquals(expected, describe(read(xml)), "element added before " + end.group());
    }
  }

  @Test
  void knownElements_stayStrict() {
    // Values of known elements are checked where they are mapped (ResponseMappingTest); here, the XML itself.
    assertThrows(XmlProblem.class, () -> read(LIVE.replace("<Sexe>M</Sexe>", "<Sexe>M</Sexe")));
    XmlProblem dtd = assertThrows(XmlProblem.class, () -> read(LIVE.replace("<soap:Envelope",
        "<!DOCTYPE x [<!ENTITY e \"e\">]><soap:Envelope")));
    assertEquals(XmlProblem.Reason.DTD_FORBIDDEN, dtd.reason());
    XmlProblem noResult = assertThrows(XmlProblem.class,
        () -> read(LIVE.substring(0, LIVE.indexOf("<RESULTAT")) + UNKNOWN + "</env:Body></soap:Envelope>"));
    assertEquals(XmlProblem.Reason.UNEXPECTED_CONTENT, noResult.reason());
  }

  @Test
  void unknownElementsInAFault_areSkipped() throws XmlProblem {
    String fault = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
        + "<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender" + UNKNOWN + "</soap:Value><soap:Subcode>"
        + "<soap:Value>soap:siram_100</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">"
        + "Texte" + UNKNOWN + " affiché</soap:Text></soap:Reason><soap:Detail>" + UNKNOWN
        + "<siram:Erreur code=\"desir_550\" messageID=\"uuid:1\" severite=\"erreur\" xmlns:siram=\"urn:siram\">Numéro"
        + UNKNOWN + " inconnu.</siram:Erreur></soap:Detail></soap:Fault></soap:Body></soap:Envelope>";
    SoapMessages.Fault f = CODEC.readResponse(fault.getBytes(StandardCharsets.UTF_8), SoapCodec.DEFAULT_MAX_BYTES).fault();
    assertEquals("Sender", f.code());
    assertEquals("siram_100", f.subcode());
    assertEquals("Texte affiché", f.reason());
    assertEquals("desir_550", f.detail().code);
    assertEquals("Numéro inconnu.", f.detail().text);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void requestWithoutAssertion_carriesNoSecurityHeader(long seed) throws XmlProblem {
    InsGenerators g = new InsGenerators(seed);
    RecSansXml body = new RecSansXml();
    body.nomNaissance = g.insBirthName();
    body.prenom.add(g.word());
    body.sexe = "M";
    body.dateNaissance = "2009-07-14";
    ContexteLpsXml lps = new ContexteLpsXml();
    lps.nature = "CTXLPS";
    lps.version = "01_00";
    ContexteBamXml bam = new ContexteBamXml();
    bam.nature = "CTXBAM";
    bam.version = "01_02";
    byte[] bytes = CODEC.writeRequest(new SoapMessages.Request(Ns.ACTION_TRAITS, "uuid:" + seed, lps, bam, List.of(), body));
    String xml = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(xml.contains("Security"), xml);
    assertFalse(xml.contains(Ns.WSSE), xml);
    int header = xml.indexOf("<soap:Header>");
    int action = xml.indexOf("<wsa:Action>");
    int message = xml.indexOf("<wsa:MessageID>");
    assertTrue(header > 0 && header < action && action < message && message < xml.indexOf("</soap:Header>"), xml);
    assertTrue(CODEC.readRequest(bytes, SoapCodec.DEFAULT_MAX_BYTES).security().isEmpty());
  }

  @Test
  void fault_isWrittenAsTheServiceWritesIt() throws XmlProblem {
    ErreurXml e = new ErreurXml();
    e.code = "desir_550";
    e.messageId = "uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f";
    e.severite = "erreur";
    e.text = "Numéro d'autorisation du logiciel inconnu.";
    String reason = "L'accès par ce progiciel au service n'est pas autorisé.";
    String xml = new String(CODEC.writeFault(new SoapMessages.Fault("Sender", "siram_100", reason, e)),
        StandardCharsets.UTF_8);
    assertTrue(xml.contains("<soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"desir_550\" messageID=\""
        + e.messageId + "\" severite=\"erreur\">Numéro d&apos;autorisation du logiciel inconnu.</siram:Erreur>")
        || xml.contains("<soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"desir_550\" messageID=\""
        + e.messageId + "\" severite=\"erreur\">Numéro d'autorisation du logiciel inconnu.</siram:Erreur>"), xml);
    assertTrue(xml.contains("<soap:Text xml:lang=\"fr\">L'accès par ce progiciel au service n'est pas autorisé.</soap:Text>")
        || xml.contains("<soap:Text xml:lang=\"fr\">L&apos;accès"), xml);
    SoapMessages.Fault back = CODEC.readResponse(xml.getBytes(StandardCharsets.UTF_8), SoapCodec.DEFAULT_MAX_BYTES).fault();
    assertEquals(reason, back.reason());
    assertEquals(e.text, back.detail().text);
  }

  @Test
  void history_isWrittenInTheSchemaOrder() {
    ResultatXml r = read(LIVE.getBytes(StandardCharsets.UTF_8));
    String xml = new String(CODEC.writeResult(r), StandardCharsets.UTF_8);
    Matcher histo = Pattern.compile("<(?:\\w+:)?INSHISTO>(.*?)</(?:\\w+:)?INSHISTO>").matcher(xml);
    assertTrue(histo.find(), xml);
    List<String> children = new ArrayList<>();
    Matcher child = Pattern.compile("<(?:\\w+:)?(\\w+)>").matcher(histo.group(1));
    while (child.find()) {
      children.add(child.group(1));
    }
    assertEquals(List.of("IdIndividu", "NumIdentifiant", "Cle", "OID", "DateDeb", "DateFin"), children);
  }

  private static ResultatXml read(byte[] xml) {
    try {
      return CODEC.readResponse(xml, SoapCodec.DEFAULT_MAX_BYTES).result();
    } catch (XmlProblem e) {
      throw new AssertionError(e);
    }
  }
}
