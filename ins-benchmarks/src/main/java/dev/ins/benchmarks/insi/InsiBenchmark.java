package dev.ins.benchmarks.insi;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.FirstNameStrategy;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.RetryPolicy;
import dev.ins.insi.ReturnedIns;
import dev.ins.insi.ReturnedTraits;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.insi.transport.InsiTransport;
import dev.ins.insi.transport.TransportRequest;
import dev.ins.insi.transport.TransportResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * INSi client hot paths against a DOM + XPath baseline: (1) build a search request and read a CR 00
 * response with history (in memory, no network), (2) one loopback round trip over mutual TLS with
 * keep-alive against the stub server.
 *
 * <p>Run: {@code java -cp ins-benchmarks/target/classes:<deps> org.openjdk.jmh.Main InsiBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InsiBenchmark {

  private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
  private static final String RES = "http://www.cnamts.fr/INSiResultat";

  private final Traits traits = Traits.fromTyped("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT",
      BirthDate.parse("2009-07-14"), Sex.MALE, "63220");
  private byte[] cannedResponse;
  private InsiClient inMemory;
  private StubInsiServer stub;
  private InsiClient loopback;
  private HttpClientTransport loopbackTransport;
  private DocumentBuilderFactory dom;
  private TransformerFactory transformers;
  private XPath xpath;
  private final java.util.Map<String, javax.xml.xpath.XPathExpression> compiled = new java.util.HashMap<>();

  /** Creates the benchmark state (JMH needs a public constructor). */
  public InsiBenchmark() {}

  /** Starts the stub, builds clients and the baseline's factories. */
  @Setup(Level.Trial)
  public void setUp() {
    stub = StubInsiServer.builder().start();
    LpsSoftware sw = new LpsSoftware("BENCH", "bench", "1", new UUID(7, 7));
    // The canned response is what the stub answers for these traits.
    loopbackTransport = HttpClientTransport.builder()
        .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(stub.pki().rootCertificate())).build();
    CapturingTransport capture = new CapturingTransport(loopbackTransport);
    loopback = InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint()).software(sw)
        .emitter("B").retry(RetryPolicy.NONE).firstNameStrategy(FirstNameStrategy.SINGLE_CALL)
        .transport(capture).build();
    loopback.searchByTraits(traits);
    cannedResponse = capture.last;
    inMemory = InsiClient.builder().environment(InsiEnvironment.STUB).endpoint(stub.endpoint()).software(sw)
        .emitter("B").retry(RetryPolicy.NONE).firstNameStrategy(FirstNameStrategy.SINGLE_CALL)
        .transport(r -> new TransportResponse(200, "application/soap+xml", cannedResponse)).build();
    dom = DocumentBuilderFactory.newDefaultInstance();
    dom.setNamespaceAware(true);
    try {
      dom.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    transformers = TransformerFactory.newDefaultInstance();
    xpath = XPathFactory.newDefaultInstance().newXPath();
    xpath.setNamespaceContext(new Ns());
  }

  /** Stops the stub. */
  @TearDown(Level.Trial)
  public void tearDown() {
    stub.close();
  }

  /** SDK: marshal the request (StAX + JAXB), unmarshal and map the response. */
  @Benchmark
  public Object sdk_marshalUnmarshal() {
    return inMemory.searchByTraits(traits);
  }

  /** Baseline: DOM-built request, DOM parse + XPath extraction of the same response. */
  @Benchmark
  public Object baseline_domXPath() throws Exception {
    byte[] request = domRequest();
    return domRead(cannedResponse, request.length);
  }

  /** SDK: one search over mutual TLS to the loopback stub (keep-alive connection). */
  @Benchmark
  public Object sdk_loopbackRoundTrip() {
    return loopback.searchByTraits(traits);
  }

  /** Baseline: the same round trip with a DOM-built request and a DOM + XPath read. */
  @Benchmark
  public Object baseline_loopbackDomXPath() throws Exception {
    byte[] request = domRequest();
    TransportResponse r = loopbackTransport.send(new TransportRequest(stub.endpoint(),
        "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite", "uuid:" + UUID.randomUUID(), request));
    return domRead(r.body(), request.length);
  }

  private byte[] domRequest() throws Exception {
    Document d = dom.newDocumentBuilder().newDocument();
    Element env = d.createElementNS(SOAP, "soap:Envelope");
    d.appendChild(env);
    Element header = child(d, env, SOAP, "soap:Header", null);
    Element bam = child(d, header, "urn:siram:bam:ctxbam", "ctxbam:ContexteBAM", null);
    bam.setAttribute("Nature", "CTXBAM");
    bam.setAttribute("Version", "01_02");
    child(d, bam, "urn:siram:bam:ctxbam", "ctxbam:Id", UUID.randomUUID().toString());
    child(d, bam, "urn:siram:bam:ctxbam", "ctxbam:Temps", "2026-11-28T10:00:00.000Z");
    child(d, bam, "urn:siram:bam:ctxbam", "ctxbam:Emetteur", "B");
    child(d, bam, "urn:siram:bam:ctxbam", "ctxbam:COUVERTURE", null);
    Element lps = child(d, header, "urn:siram:lps:ctxlps", "ctxlps:ContexteLPS", null);
    lps.setAttribute("Nature", "CTXLPS");
    lps.setAttribute("Version", "01_00");
    child(d, lps, "urn:siram:lps:ctxlps", "ctxlps:Id", UUID.randomUUID().toString());
    child(d, lps, "urn:siram:lps:ctxlps", "ctxlps:Temps", "2026-11-28T10:00:00.000Z");
    child(d, lps, "urn:siram:lps:ctxlps", "ctxlps:Emetteur", "B");
    Element l = child(d, lps, "urn:siram:lps:ctxlps", "ctxlps:LPS", null);
    child(d, l, "urn:siram:lps:ctxlps", "ctxlps:IDAM", "BENCH").setAttribute("R", "4");
    child(d, l, "urn:siram:lps:ctxlps", "ctxlps:Version", "1");
    child(d, l, "urn:siram:lps:ctxlps", "ctxlps:Instance", new UUID(7, 7).toString());
    child(d, l, "urn:siram:lps:ctxlps", "ctxlps:Nom", "urn:lps:bench:1");
    child(d, header, "http://www.w3.org/2005/08/addressing", "wsa:Action",
        "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite");
    child(d, header, "http://www.w3.org/2005/08/addressing", "wsa:MessageID", "uuid:" + UUID.randomUUID());
    child(d, header, "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
        "wsse:Security", null);
    Element body = child(d, env, SOAP, "soap:Body", null);
    String ns = "http://www.cnamts.fr/INSiRecSans";
    Element rec = child(d, body, ns, "RECSANSVITALE", null);
    child(d, rec, ns, "NomNaissance", traits.birthName().value());
    child(d, rec, ns, "Prenom", traits.firstNames().value());
    child(d, rec, ns, "Sexe", traits.sex().code());
    child(d, rec, ns, "DateNaissance", traits.birthDate().format());
    child(d, rec, ns, "LieuNaissance", traits.birthplace().orElseThrow().value());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformers.newTransformer().transform(new DOMSource(d), new StreamResult(out));
    return out.toByteArray();
  }

  private static Element child(Document d, Element parent, String ns, String qname, String text) {
    Element e = d.createElementNS(ns, qname);
    if (text != null) {
      e.setTextContent(text);
    }
    parent.appendChild(e);
    return e;
  }

  /** XPath expressions are compiled once, as a careful DOM + XPath implementation would. */
  private String x(String expr, Object node) throws Exception {
    javax.xml.xpath.XPathExpression e = compiled.get(expr);
    if (e == null) {
      e = xpath.compile(expr);
      compiled.put(expr, e);
    }
    return e.evaluate(node);
  }

  private Object domRead(byte[] response, int sent) throws Exception {
    Document d = dom.newDocumentBuilder().parse(new ByteArrayInputStream(response));
    String cr = x("/s:Envelope/s:Body/r:RESULTAT/r:CR/r:CodeCR", d);
    Node ind = (Node) xpath.evaluate("/s:Envelope/s:Body/r:RESULTAT/r:INDIVIDU", d, XPathConstants.NODE);
    ReturnedIns active = ReturnedIns.read(x("r:INSACTIF/r:IdIndividu/r:NumIdentifiant", ind),
        x("r:INSACTIF/r:IdIndividu/r:Cle", ind), x("r:INSACTIF/r:OID", ind), null, null);
    NodeList h = (NodeList) xpath.evaluate("r:INSHISTO", ind, XPathConstants.NODESET);
    List<ReturnedIns> history = new ArrayList<>();
    for (int i = 0; i < h.getLength(); i++) {
      Node n = h.item(i);
      history.add(ReturnedIns.read(x("r:IdIndividu/r:NumIdentifiant", n),
          x("r:IdIndividu/r:Cle", n), x("r:OID", n), x("r:DateDeb", n),
          x("r:DateFin", n)));
    }
    ReturnedTraits t = ReturnedTraits.read(x("r:TIQ/r:NomNaissance", ind),
        x("r:TIQ/r:Prenom", ind), x("r:TIQ/r:ListePrenom", ind),
        x("r:TIQ/r:Sexe", ind), x("r:TIQ/r:DateNaissance", ind),
        x("r:TIQ/r:LieuNaissance", ind));
    return List.of(cr, active, history, t, sent);
  }

  /** Keeps the last response body, to serve it in memory. */
  private static final class CapturingTransport implements InsiTransport {
    private final InsiTransport inner;
    private byte[] last;

    CapturingTransport(InsiTransport inner) {
      this.inner = inner;
    }

    @Override
    public TransportResponse send(TransportRequest request) {
      TransportResponse r = inner.send(request);
      last = r.body();
      return r;
    }
  }

  /** Prefixes for the baseline's XPath. */
  private static final class Ns implements NamespaceContext {
    @Override
    public String getNamespaceURI(String prefix) {
      switch (prefix) {
        case "s":
          return SOAP;
        case "r":
          return RES;
        default:
          return XMLConstants.NULL_NS_URI;
      }
    }

    @Override
    public String getPrefix(String uri) {
      return null;
    }

    @Override
    public java.util.Iterator<String> getPrefixes(String uri) {
      return java.util.Collections.emptyIterator();
    }
  }
}
