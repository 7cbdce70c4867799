package dev.ins.insi.internal.xml;

import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds and signs the SAML 2.0 assertion PS (enveloped signature, exc-c14n, SHA-256). */
public final class AssertionXml {

  /** SAML 2.0 assertion namespace. */
  public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
  /** XML-DSig namespace. */
  public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
  /** Issuer format for an X.509 subject name. */
  public static final String X509_SUBJECT = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
  /** The attribute names INSi requires, in order. */
  public static final List<String> ATTRIBUTES = List.of("identifiantFacturation", "secteurActivite", "codeSpecialite");

  private AssertionXml() {}

  /**
   * Builds an unsigned assertion document.
   *
   * @param id the assertion ID (an NCName)
   * @param issuer the issuer DN
   * @param psIdentifier the NameID value
   * @param notBefore start of validity
   * @param notOnOrAfter end of validity
   * @param attributes attribute name to value, in insertion order
   * @return the document whose root is the assertion
   */
  public static Document build(String id, String issuer, String psIdentifier, Instant notBefore, Instant notOnOrAfter,
      Map<String, String> attributes) {
    Document d = SecureXml.newDocument();
    Element a = d.createElementNS(SAML, "saml2:Assertion");
    a.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml2", SAML);
    a.setAttribute("ID", id);
    a.setAttribute("Version", "2.0");
    a.setAttribute("IssueInstant", ts(notBefore));
    d.appendChild(a);
    Element iss = d.createElementNS(SAML, "saml2:Issuer");
    iss.setAttribute("Format", X509_SUBJECT);
    iss.setTextContent(issuer);
    a.appendChild(iss);
    Element subject = d.createElementNS(SAML, "saml2:Subject");
    Element nameId = d.createElementNS(SAML, "saml2:NameID");
    nameId.setAttribute("NameQualifier", "CPS");
    nameId.setTextContent(psIdentifier);
    subject.appendChild(nameId);
    a.appendChild(subject);
    Element cond = d.createElementNS(SAML, "saml2:Conditions");
    cond.setAttribute("NotBefore", ts(notBefore));
    cond.setAttribute("NotOnOrAfter", ts(notOnOrAfter));
    a.appendChild(cond);
    Element authn = d.createElementNS(SAML, "saml2:AuthnStatement");
    authn.setAttribute("AuthnInstant", ts(notBefore));
    Element ctx = d.createElementNS(SAML, "saml2:AuthnContext");
    Element ref = d.createElementNS(SAML, "saml2:AuthnContextClassRef");
    ref.setTextContent("urn:oasis:names:tc:SAML:2.0:ac:classes:X509");
    ctx.appendChild(ref);
    authn.appendChild(ctx);
    a.appendChild(authn);
    Element stmt = d.createElementNS(SAML, "saml2:AttributeStatement");
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      Element at = d.createElementNS(SAML, "saml2:Attribute");
      at.setAttribute("Name", e.getKey());
      Element v = d.createElementNS(SAML, "saml2:AttributeValue");
      v.setTextContent(e.getValue());
      at.appendChild(v);
      stmt.appendChild(at);
    }
    a.appendChild(stmt);
    return d;
  }

  /**
   * Signs the assertion in place: enveloped signature placed right after {@code Issuer}, reference to
   * {@code #ID}, exclusive canonicalisation, SHA-256 digest, RSA-SHA256 (or ECDSA-SHA256 for EC keys),
   * the certificate in KeyInfo.
   *
   * @param doc the assertion document
   * @param key the signing key (software or PKCS#11)
   * @param chain the signing certificate first, then any intermediate CA certificates, put in KeyInfo
   * @param provider the JCA provider that holds the key (a SunPKCS11 instance), or {@code null} to
   *     let JCA pick among installed providers
   * @throws java.security.GeneralSecurityException when signing fails
   * @throws javax.xml.crypto.MarshalException when the signature cannot be written
   * @throws javax.xml.crypto.dsig.XMLSignatureException when the signature cannot be computed
   */
  public static void sign(Document doc, PrivateKey key, List<X509Certificate> chain, java.security.Provider provider)
      throws java.security.GeneralSecurityException, javax.xml.crypto.MarshalException,
      javax.xml.crypto.dsig.XMLSignatureException {
    Element a = doc.getDocumentElement();
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    Reference ref = fac.newReference("#" + a.getAttribute("ID"),
        fac.newDigestMethod(DigestMethod.SHA256, null),
        List.of(fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
            fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
        null, null);
    String method = "EC".equals(key.getAlgorithm()) ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
    SignedInfo si = fac.newSignedInfo(
        fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
        fac.newSignatureMethod(method, null), List.of(ref));
    KeyInfoFactory kif = fac.getKeyInfoFactory();
    KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.copyOf(chain))));
    Element issuer = (Element) a.getElementsByTagNameNS(SAML, "Issuer").item(0);
    DOMSignContext ctx = new DOMSignContext((Key) key, a, issuer.getNextSibling());
    ctx.setIdAttributeNS(a, null, "ID");
    ctx.setDefaultNamespacePrefix("ds");
    if (provider != null) {
      // The JDK's XML-DSig implementation takes the signature provider from this context property.
      ctx.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", provider);
    }
    fac.newXMLSignature(si, ki).sign(ctx);
  }

  /**
   * Returns the RFC 2253 form of a certificate's subject, as put in {@code Issuer}.
   *
   * @param certificate the certificate
   * @return the DN
   */
  public static String subjectDn(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /**
   * Formats an instant as xsd:dateTime in UTC with milliseconds.
   *
   * @param i the instant
   * @return e.g. {@code 2026-11-28T10:00:00.000Z}
   */
  public static String ts(Instant i) {
    Instant t = i.truncatedTo(ChronoUnit.MILLIS);
    String s = t.toString();
    return t.getNano() == 0 ? s.substring(0, s.length() - 1) + ".000Z" : s;
  }
}
