package dev.ins.insi.internal.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes and reads the INSi SOAP 1.2 envelopes: StAX for the envelope, Jakarta XML Binding for the
 * header and body payloads, hardened against DTDs, external entities and oversized input.
 *
 * <p>Wire choices, measured against the CNAM schemas and the exchanges open clients record from the
 * real service: {@code wsse:Security} is written only when there is something to carry (the
 * service's Security.xsd requires an assertion inside it; mutual-TLS requests work without the
 * header); fault details are written as the service writes them, {@code siram:Erreur} with its
 * prefix; responses are read tolerantly: an element this codec does not know, anywhere in a
 * response, is skipped with its content, while the elements it knows stay strict.
 *
 * <p>Thread-safe; one shared instance ({@link #get()}).
 */
public final class SoapCodec {

  /** Default bound on any document read. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  private static final QName ENVELOPE = new QName(Ns.SOAP, "Envelope");
  private static final QName HEADER = new QName(Ns.SOAP, "Header");
  private static final QName BODY = new QName(Ns.SOAP, "Body");
  private static final QName FAULT = new QName(Ns.SOAP, "Fault");
  private static final QName ACTION = new QName(Ns.WSA, "Action");
  private static final QName MESSAGE_ID = new QName(Ns.WSA, "MessageID");
  private static final QName SECURITY = new QName(Ns.WSSE, "Security");
  private static final QName LPS = new QName(Ns.CTXLPS, "ContexteLPS");
  private static final QName BAM = new QName(Ns.CTXBAM, "ContexteBAM");
  private static final QName RESULTAT = new QName(Ns.RESULTAT, "RESULTAT");
  private static final QName RECSANS = new QName(Ns.RECSANS, "RECSANSVITALE");
  private static final QName RECVIT = new QName(Ns.RECVIT, "RECVITALE");
  private static final QName ERREUR = new QName(Ns.SIRAM, "Erreur");
  private static final int MAX_DEPTH = 64;

  private static final SoapCodec INSTANCE = new SoapCodec();

  private final java.util.Map<Class<?>, JAXBContext> contexts = new java.util.HashMap<>();
  private final XMLInputFactory inputFactory;
  private final XMLOutputFactory outputFactory;
  private final DocumentBuilderFactory domFactory;

  private SoapCodec() {
    try {
      // One context per root type: each fragment then declares only its own namespace.
      for (Class<?> c : List.of(RecSansXml.class, RecVitXml.class, ResultatXml.class,
          ContexteLpsXml.class, ContexteBamXml.class, ErreurXml.class)) {
        contexts.put(c, JAXBContext.newInstance(c));
      }
    } catch (JAXBException e) {
      throw new IllegalStateException("INSi binding classes are inconsistent", e);
    }
    inputFactory = XMLInputFactory.newDefaultFactory();
    inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    inputFactory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    inputFactory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // Parser diagnostics go nowhere: they could quote the document, and errors are raised anyway.
    inputFactory.setXMLReporter((message, type, info, location) -> { });
    inputFactory.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external resources are not resolved");
    });
    outputFactory = XMLOutputFactory.newDefaultFactory();
    domFactory = DocumentBuilderFactory.newDefaultInstance();
    domFactory.setNamespaceAware(true);
    try {
      domFactory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      domFactory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    domFactory.setExpandEntityReferences(false);
  }

  /**
   * Returns the shared codec.
   *
   * @return the codec
   */
  public static SoapCodec get() {
    return INSTANCE;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes a request envelope.
   *
   * @param request the request
   * @return UTF-8 bytes
   */
  public byte[] writeRequest(SoapMessages.Request request) {
    return envelope(2048, "an INSi request", w -> {
      w.writeNamespace("wsa", Ns.WSA);
      w.writeStartElement("soap", "Header", Ns.SOAP);
      marshaller(ContexteBamXml.class).marshal(request.bam(), w);
      marshaller(ContexteLpsXml.class).marshal(request.lps(), w);
      w.writeStartElement("wsa", "Action", Ns.WSA);
      w.writeCharacters(request.action());
      w.writeEndElement();
      w.writeStartElement("wsa", "MessageID", Ns.WSA);
      w.writeCharacters(request.messageId());
      w.writeEndElement();
      if (!request.security().isEmpty()) {
        w.writeStartElement("wsse", "Security", Ns.WSSE);
        w.writeNamespace("wsse", Ns.WSSE);
        for (Element e : request.security()) {
          writeDom(e, w);
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("soap", "Body", Ns.SOAP);
      marshaller(request.body().getClass()).marshal(request.body(), w);
      w.writeEndElement();
    });
  }

  /**
   * Writes a response envelope carrying a RESULTAT.
   *
   * @param result the result
   * @return UTF-8 bytes
   */
  public byte[] writeResult(ResultatXml result) {
    return envelope(2048, "an INSi response", w -> {
      w.writeStartElement("soap", "Body", Ns.SOAP);
      marshaller(ResultatXml.class).marshal(result, w);
      w.writeEndElement();
    });
  }

  /**
   * Writes a SOAP 1.2 fault envelope.
   *
   * @param fault the fault
   * @return UTF-8 bytes
   */
  public byte[] writeFault(SoapMessages.Fault fault) {
    return envelope(1024, "a SOAP fault", w -> {
      w.writeStartElement("soap", "Body", Ns.SOAP);
      w.writeStartElement("soap", "Fault", Ns.SOAP);
      w.writeStartElement("soap", "Code", Ns.SOAP);
      w.writeStartElement("soap", "Value", Ns.SOAP);
      w.writeCharacters("soap:" + fault.code());
      w.writeEndElement();
      if (fault.subcode() != null) {
        w.writeStartElement("soap", "Subcode", Ns.SOAP);
        w.writeStartElement("soap", "Value", Ns.SOAP);
        w.writeCharacters("soap:" + fault.subcode());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("soap", "Reason", Ns.SOAP);
      w.writeStartElement("soap", "Text", Ns.SOAP);
      w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "fr");
      w.writeCharacters(fault.reason() == null ? "" : fault.reason());
      w.writeEndElement();
      w.writeEndElement();
      if (fault.detail() != null) {
        ErreurXml d = fault.detail();
        w.writeStartElement("soap", "Detail", Ns.SOAP);
        w.writeStartElement("siram", "Erreur", Ns.SIRAM);
        w.writeNamespace("siram", Ns.SIRAM);
        for (String[] a : new String[][] {{"code", d.code}, {"messageID", d.messageId}, {"severite", d.severite}}) {
          if (a[1] != null) {
            w.writeAttribute(a[0], a[1]);
          }
        }
        w.writeCharacters(d.text == null ? "" : d.text);
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
    });
  }

  /** What goes inside the SOAP Envelope element: namespaces, Header, Body. */
  @FunctionalInterface
  private interface EnvelopeContent {
    void write(XMLStreamWriter w) throws XMLStreamException, JAXBException;
  }

  /**
   * Writes a UTF-8 SOAP 1.2 document: the declaration, {@code soap:Envelope} with its namespace,
   * {@code content}, and the closing tags.
   */
  private byte[] envelope(int initialSize, String what, EnvelopeContent content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(initialSize);
    try {
      XMLStreamWriter w = outputFactory.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("soap", "Envelope", Ns.SOAP);
      w.writeNamespace("soap", Ns.SOAP);
      content.write(w);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException | JAXBException e) {
      throw new IllegalStateException("cannot write " + what, e);
    }
    return out.toByteArray();
  }

  private Marshaller marshaller(Class<?> type) throws JAXBException {
    JAXBContext c = contexts.get(type);
    if (c == null) {
      throw new JAXBException("not an INSi binding class: " + type.getName());
    }
    Marshaller m = c.createMarshaller();
    m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
    m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
    return m;
  }

  /** Copies a DOM element (an assertion) into the envelope, namespaces included. */
  private static void writeDom(Node n, XMLStreamWriter w) throws XMLStreamException {
    switch (n.getNodeType()) {
      case Node.ELEMENT_NODE -> {
        Element e = (Element) n;
        String ns = e.getNamespaceURI();
        String prefix = e.getPrefix() == null ? "" : e.getPrefix();
        String local = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        if (ns == null) {
          w.writeStartElement(local);
        } else {
          w.writeStartElement(prefix, local, ns);
          w.writeNamespace(prefix, ns);
        }
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
          Node a = attrs.item(i);
          String ans = a.getNamespaceURI();
          if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ans)) {
            String p = a.getLocalName();
            if ("xmlns".equals(p) || p == null) {
              continue;
            }
            if (!p.equals(prefix)) {
              w.writeNamespace(p, a.getNodeValue());
            }
          } else if (ans == null) {
            w.writeAttribute(a.getLocalName() != null ? a.getLocalName() : a.getNodeName(), a.getNodeValue());
          } else {
            w.writeAttribute(a.getPrefix() == null ? "" : a.getPrefix(), ans, a.getLocalName(), a.getNodeValue());
          }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          writeDom(c, w);
        }
        w.writeEndElement();
      }
      case Node.TEXT_NODE -> w.writeCharacters(n.getNodeValue());
      case Node.CDATA_SECTION_NODE -> w.writeCData(n.getNodeValue());
      default -> {
        // comments and processing instructions are not copied
      }
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a response envelope: RESULTAT or Fault.
   *
   * @param xml the bytes
   * @param maxBytes the size bound
   * @return the response
   * @throws XmlProblem when the bytes are not an INSi response
   */
  public SoapMessages.Response readResponse(byte[] xml, int maxBytes) throws XmlProblem {
    XMLStreamReader r = open(xml, maxBytes);
    try {
      enterBody(r, null);
      QName first = firstBodyChild(r);
      while (!FAULT.equals(first) && !RESULTAT.equals(first)) {
        // an element the client does not know: skipped, as anywhere in a response
        skipElement(r);
        int ev = nextTag(r);
        if (ev != XMLStreamConstants.START_ELEMENT) {
          throw new XmlProblem(XmlProblem.Reason.UNEXPECTED_CONTENT, "Body holds no RESULTAT and no Fault", null);
        }
        first = r.getName();
      }
      if (FAULT.equals(first)) {
        return new SoapMessages.Response(null, readFault(r));
      }
      return new SoapMessages.Response(unmarshal(r, ResultatXml.class, true), null);
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      close(r);
    }
  }

  /**
   * Reads a request envelope (used by the stub server and by tests).
   *
   * @param xml the bytes
   * @param maxBytes the size bound
   * @return the request
   * @throws XmlProblem when the bytes are not an INSi request
   */
  public SoapMessages.Request readRequest(byte[] xml, int maxBytes) throws XmlProblem {
    XMLStreamReader r = open(xml, maxBytes);
    try {
      HeaderSink h = new HeaderSink();
      enterBody(r, h);
      QName first = firstBodyChild(r);
      Object body;
      if (RECSANS.equals(first)) {
        body = unmarshal(r, RecSansXml.class);
      } else if (RECVIT.equals(first)) {
        body = unmarshal(r, RecVitXml.class);
      } else {
        throw new XmlProblem(XmlProblem.Reason.UNEXPECTED_CONTENT,
            "Body holds " + first + ", expected RECSANSVITALE or RECVITALE", null);
      }
      return new SoapMessages.Request(h.action, h.messageId, h.lps, h.bam, List.copyOf(h.security), body);
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      close(r);
    }
  }

  private static final class HeaderSink {
    String action;
    String messageId;
    ContexteLpsXml lps;
    ContexteBamXml bam;
    final List<Element> security = new ArrayList<>();
  }

  private XMLStreamReader open(byte[] xml, int maxBytes) throws XmlProblem {
    if (xml == null || xml.length == 0) {
      throw new XmlProblem(XmlProblem.Reason.MALFORMED, "empty document", null);
    }
    if (xml.length > maxBytes) {
      throw new XmlProblem(XmlProblem.Reason.TOO_LARGE,
          "document of " + xml.length + " bytes exceeds the bound of " + maxBytes, null);
    }
    String text = decode(xml);
    try {
      return inputFactory.createXMLStreamReader(new java.io.StringReader(text));
    } catch (XMLStreamException | RuntimeException e) {
      throw new XmlProblem(XmlProblem.Reason.MALFORMED, "unreadable XML: " + safe(e), e);
    }
  }

  /**
   * Decodes strictly (UTF-8 unless a BOM or the XML declaration says UTF-16, ISO-8859-1 or
   * US-ASCII), so that encoding errors become typed problems and the parser never prints them.
   */
  private static String decode(byte[] xml) throws XmlProblem {
    java.nio.charset.Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (xml.length >= 3 && (xml[0] & 0xFF) == 0xEF && (xml[1] & 0xFF) == 0xBB && (xml[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (xml.length >= 2 && (xml[0] & 0xFF) == 0xFE && (xml[1] & 0xFF) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (xml.length >= 2 && (xml[0] & 0xFF) == 0xFF && (xml[1] & 0xFF) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      String head = new String(xml, 0, Math.min(xml.length, 100), StandardCharsets.ISO_8859_1);
      java.util.regex.Matcher m = DECLARED.matcher(head);
      if (m.lookingAt()) {
        String name = m.group(1).toUpperCase(java.util.Locale.ROOT);
        if (name.equals("ISO-8859-1") || name.equals("LATIN1")) {
          cs = StandardCharsets.ISO_8859_1;
        } else if (name.equals("US-ASCII") || name.equals("ASCII")) {
          cs = StandardCharsets.US_ASCII;
        } else if (!name.equals("UTF-8") && !name.equals("UTF8")) {
          throw new XmlProblem(XmlProblem.Reason.MALFORMED, "unsupported encoding declared", null);
        }
      }
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(xml, skip, xml.length - skip))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new XmlProblem(XmlProblem.Reason.MALFORMED, "invalid " + cs.name() + " byte sequence", e);
    }
  }

  private static final java.util.regex.Pattern DECLARED =
      java.util.regex.Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  /** Positions the reader on the Body start tag, reading the Header into {@code sink} if asked. */
  private void enterBody(XMLStreamReader r, HeaderSink sink) throws XMLStreamException, XmlProblem {
    int ev = nextTag(r);
    if (ev != XMLStreamConstants.START_ELEMENT || !ENVELOPE.equals(r.getName())) {
      throw new XmlProblem(XmlProblem.Reason.NOT_SOAP, "root is not a SOAP 1.2 Envelope", null);
    }
    ev = nextTag(r);
    if (ev == XMLStreamConstants.START_ELEMENT && HEADER.equals(r.getName())) {
      readHeader(r, sink);
      ev = nextTag(r);
    }
    if (ev != XMLStreamConstants.START_ELEMENT || !BODY.equals(r.getName())) {
      throw new XmlProblem(XmlProblem.Reason.NOT_SOAP, "SOAP Envelope without Body", null);
    }
  }

  private QName firstBodyChild(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    int ev = nextTag(r);
    if (ev != XMLStreamConstants.START_ELEMENT) {
      throw new XmlProblem(XmlProblem.Reason.UNEXPECTED_CONTENT, "empty SOAP Body", null);
    }
    return r.getName();
  }

  private void readHeader(XMLStreamReader r, HeaderSink sink) throws XMLStreamException, XmlProblem {
    r.next();
    while (true) {
      int ev = r.getEventType();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        QName n = r.getName();
        if (sink != null && ACTION.equals(n)) {
          sink.action = r.getElementText().trim();
          r.next();
        } else if (sink != null && MESSAGE_ID.equals(n)) {
          sink.messageId = r.getElementText().trim();
          r.next();
        } else if (sink != null && LPS.equals(n)) {
          sink.lps = unmarshal(r, ContexteLpsXml.class);
        } else if (sink != null && BAM.equals(n)) {
          sink.bam = unmarshal(r, ContexteBamXml.class);
        } else if (sink != null && SECURITY.equals(n)) {
          sink.security.addAll(readDomChildren(r));
          r.next();
        } else {
          skipElement(r);
          r.next();
        }
        continue;
      }
      checkEvent(r, ev);
      r.next();
    }
  }

  private List<Element> readDomChildren(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    List<Element> out = new ArrayList<>();
    Document doc;
    try {
      DocumentBuilder b = domFactory.newDocumentBuilder();
      doc = b.newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    int depth = 1;
    Node current = null;
    while (depth > 0) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth > MAX_DEPTH) {
            throw new XmlProblem(XmlProblem.Reason.MALFORMED, "elements nested too deeply", null);
          }
          Element e = domElement(doc, r);
          if (current == null) {
            out.add(e);
          } else {
            current.appendChild(e);
          }
          current = e;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (current != null) {
            Node p = current.getParentNode();
            current = p instanceof Element ? p : null;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (current != null) {
            current.appendChild(doc.createTextNode(r.getText()));
          }
        }
        default -> checkEvent(r, ev);
      }
    }
    return out;
  }

  /**
   * Copies the current start tag into a DOM element. The StAX parser lets through some names that
   * are not namespace-well-formed (for example {@code <:a>}, an empty prefix before the colon);
   * DOM refuses them, and so do we, as malformed XML rather than an unchecked DOM error.
   */
  private static Element domElement(Document doc, XMLStreamReader r) throws XmlProblem {
    try {
      Element e = doc.createElementNS(emptyToNull(r.getNamespaceURI()), qualified(r.getPrefix(), r.getLocalName()));
      for (int i = 0; i < r.getAttributeCount(); i++) {
        e.setAttributeNS(emptyToNull(r.getAttributeNamespace(i)),
            qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
      }
      for (int i = 0; i < r.getNamespaceCount(); i++) {
        String p = r.getNamespacePrefix(i);
        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
            p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
      }
      return e;
    } catch (DOMException e) {
      throw new XmlProblem(XmlProblem.Reason.MALFORMED,
          "element or attribute name in the security header is not namespace-well-formed", null);
    }
  }

  private static String qualified(String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private SoapMessages.Fault readFault(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    String code = null;
    String subcode = null;
    String reason = null;
    ErreurXml detail = null;
    r.next();
    while (true) {
      int ev = r.getEventType();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String local = r.getLocalName();
        if (!Ns.SOAP.equals(r.getNamespaceURI())) {
          skipElement(r);
        } else if ("Code".equals(local)) {
          String[] cs = readCode(r);
          code = cs[0];
          subcode = cs[1];
        } else if ("Reason".equals(local)) {
          reason = readReason(r);
        } else if ("Detail".equals(local)) {
          detail = readDetail(r);
          continue;
        } else {
          skipElement(r);
        }
        r.next();
        continue;
      }
      checkEvent(r, ev);
      r.next();
    }
    if (code == null) {
      throw new XmlProblem(XmlProblem.Reason.NOT_SOAP, "SOAP Fault without Code", null);
    }
    return new SoapMessages.Fault(code, subcode, reason, detail);
  }

  /** Reads Code (Value + optional Subcode/Value); leaves the reader on Code's end tag. */
  private String[] readCode(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    String value = null;
    String sub = null;
    int depth = 1;
    String path = "";
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth > MAX_DEPTH) {
          throw new XmlProblem(XmlProblem.Reason.MALFORMED, "elements nested too deeply", null);
        }
        path = path + "/" + r.getLocalName();
        if ("Value".equals(r.getLocalName())) {
          String v = localPart(text(r).trim());
          depth--;
          path = path.substring(0, path.lastIndexOf('/'));
          if (path.isEmpty() && value == null) {
            value = v;
          } else if (path.equals("/Subcode") && sub == null) {
            sub = v;
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (depth > 0) {
          path = path.substring(0, path.lastIndexOf('/'));
        }
      } else {
        checkEvent(r, ev);
      }
    }
    return new String[] {value, sub};
  }

  private String readReason(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    String text = null;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if ("Text".equals(r.getLocalName()) && text == null) {
          text = text(r);
        } else {
          skipElement(r);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else {
        checkEvent(r, ev);
      }
    }
    return text;
  }

  /** Reads Detail; leaves the reader just after Detail's end tag. */
  private ErreurXml readDetail(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    ErreurXml found = null;
    r.next();
    while (true) {
      int ev = r.getEventType();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        r.next();
        return found;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if (ERREUR.equals(r.getName()) && found == null) {
          found = unmarshal(r, ErreurXml.class, true);
        } else {
          skipElement(r);
          r.next();
        }
        continue;
      }
      checkEvent(r, ev);
      r.next();
    }
  }

  private static void close(XMLStreamReader r) {
    try {
      r.close();
    } catch (XMLStreamException e) {
      // nothing held open: the input is a byte array
    }
  }

  private static String localPart(String qname) {
    int i = qname.indexOf(':');
    return i < 0 ? qname : qname.substring(i + 1);
  }

  /** Unmarshals the element the reader is on, strictly; leaves the reader on the event after its end tag. */
  private <T> T unmarshal(XMLStreamReader r, Class<T> type) throws XmlProblem {
    return unmarshal(r, type, false);
  }

  /**
   * Unmarshals the element the reader is on; leaves the reader on the event after its end tag.
   * {@code tolerant}: elements the binding class does not declare are skipped (responses).
   */
  private <T> T unmarshal(XMLStreamReader r, Class<T> type, boolean tolerant) throws XmlProblem {
    try {
      Unmarshaller u = contexts.get(type).createUnmarshaller();
      u.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
      XMLStreamReader limited = new DepthLimitedReader(r, MAX_DEPTH);
      return u.unmarshal(tolerant ? new TolerantReader(limited, type) : limited, type).getValue();
    } catch (JAXBException e) {
      Throwable c = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
      throw new XmlProblem(XmlProblem.Reason.MALFORMED,
          "cannot bind " + type.getSimpleName() + ": " + safe(c != null ? c : e), e);
    } catch (RuntimeException e) {
      throw new XmlProblem(XmlProblem.Reason.MALFORMED, "cannot bind " + type.getSimpleName(), e);
    }
  }

  /**
   * Reads the text of the element the reader is on, skipping any child element with its content;
   * leaves the reader on the element's end tag.
   */
  private static String text(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    StringBuilder b = new StringBuilder();
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> b.append(r.getText());
        case XMLStreamConstants.START_ELEMENT -> skipElement(r);
        case XMLStreamConstants.END_ELEMENT -> {
          return b.toString();
        }
        default -> checkEvent(r, ev);
      }
    }
  }

  /**
   * Skips the element the reader is on with everything in it (attributes, text, children): an
   * element the codec does not know. DTDs and entity references stay forbidden.
   */
  private static void skipElement(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth > MAX_DEPTH) {
          throw new XmlProblem(XmlProblem.Reason.MALFORMED, "elements nested too deeply", null);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev != XMLStreamConstants.CHARACTERS && ev != XMLStreamConstants.CDATA) {
        checkEvent(r, ev);
      }
    }
  }

  private static int nextTag(XMLStreamReader r) throws XMLStreamException, XmlProblem {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.END_ELEMENT
          || ev == XMLStreamConstants.END_DOCUMENT) {
        return ev;
      }
      checkEvent(r, ev);
    }
  }

  private static void checkEvent(XMLStreamReader r, int ev) throws XmlProblem {
    switch (ev) {
      case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
          XMLStreamConstants.NOTATION_DECLARATION ->
          throw new XmlProblem(XmlProblem.Reason.DTD_FORBIDDEN, "DTDs and entity declarations are forbidden", null);
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw new XmlProblem(XmlProblem.Reason.DTD_FORBIDDEN, "entity references are forbidden", null);
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
        if (!r.isWhiteSpace()) {
          throw new XmlProblem(XmlProblem.Reason.UNEXPECTED_CONTENT, "unexpected text between elements", null);
        }
      }
      default -> {
        // comments, processing instructions, whitespace: ignored
      }
    }
  }

  private static XmlProblem malformed(XMLStreamException e) {
    return new XmlProblem(XmlProblem.Reason.MALFORMED, "not well-formed XML: " + safe(e), e);
  }

  /** A parser message without the document's text: only its position is kept. */
  static String safe(Throwable e) {
    if (e instanceof XMLStreamException && ((XMLStreamException) e).getLocation() != null) {
      var l = ((XMLStreamException) e).getLocation();
      return "error at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }
    return e.getClass().getSimpleName();
  }

  /** The UTF-8 text of bytes, for captures. */
  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
