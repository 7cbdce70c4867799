package dev.ins.insi.cps;

import dev.ins.insi.internal.xml.AssertionXml;
import dev.ins.insi.internal.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks an assertion PS the way INSi would: hardened parsing, an enveloped signature that covers
 * exactly this assertion with the expected algorithms, a signing certificate that chains to the
 * configured roots, the validity window (with a clock skew allowance) and the required attributes.
 * The stub INSi server uses it; vendors can use it to test their own signing setup.
 *
 * <pre>{@code
 * AssertionPsVerifier v = AssertionPsVerifier.builder().trustAnchor(testRoot).build();
 * AssertionPs ok = v.verify(xml); // or AssertionPsException with its Problem
 * }</pre>
 */
public final class AssertionPsVerifier {

  /** The largest assertion accepted. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Set<TrustAnchor> anchors;
  private final Clock clock;
  private final Duration skew;

  private AssertionPsVerifier(Builder b) {
    this.anchors = Set.copyOf(b.anchors);
    this.clock = b.clock;
    this.skew = b.skew;
  }

  /**
   * Starts a verifier configuration.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a serialised assertion.
   *
   * @param xml the {@code saml2:Assertion} element, UTF-8
   * @return the assertion's facts
   * @throws AssertionPsException with the first failed check
   */
  public AssertionPs verify(String xml) {
    if (xml == null) {
      throw new AssertionPsException(AssertionPsException.Problem.MALFORMED, "no assertion", null);
    }
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    Document doc;
    try {
      doc = SecureXml.parse(bytes, MAX_BYTES);
    } catch (IllegalArgumentException e) {
      throw new AssertionPsException(AssertionPsException.Problem.MALFORMED, e.getMessage(), e);
    }
    return verify(doc.getDocumentElement(), xml);
  }

  /**
   * Verifies an assertion element already parsed (e.g. inside a SOAP header) with a hardened parser.
   *
   * @param assertion the {@code saml2:Assertion} element
   * @return the assertion's facts
   * @throws AssertionPsException with the first failed check
   */
  public AssertionPs verify(Element assertion) {
    return verify(assertion, SecureXml.toString(assertion));
  }

  private AssertionPs verify(Element a, String xml) {
    if (!AssertionXml.SAML.equals(a.getNamespaceURI()) || !"Assertion".equals(a.getLocalName())
        || !"2.0".equals(a.getAttribute("Version")) || a.getAttribute("ID").isEmpty()) {
      throw malformed("root must be a SAML 2.0 Assertion with an ID");
    }
    String id = a.getAttribute("ID");
    CertificateSelector selector = new CertificateSelector();
    checkSignature(a, id, selector);
    X509Certificate cert = selector.chain.get(0);
    checkCertificate(selector.chain);
    Element cond = child(a, AssertionXml.SAML, "Conditions");
    if (cond == null) {
      throw missing("Conditions");
    }
    Instant notBefore = instant(cond, "NotBefore");
    Instant notOnOrAfter = instant(cond, "NotOnOrAfter");
    Instant now = clock.instant();
    if (now.plus(skew).isBefore(notBefore)) {
      throw new AssertionPsException(AssertionPsException.Problem.NOT_YET_VALID, "validity starts later", null);
    }
    if (!now.minus(skew).isBefore(notOnOrAfter)) {
      throw new AssertionPsException(AssertionPsException.Problem.EXPIRED, "validity has ended", null);
    }
    Element issuer = child(a, AssertionXml.SAML, "Issuer");
    if (issuer == null || issuer.getTextContent().isBlank()) {
      throw missing("Issuer");
    }
    if (!AssertionXml.subjectDn(cert).equals(issuer.getTextContent().trim())) {
      throw new AssertionPsException(AssertionPsException.Problem.UNTRUSTED_CERTIFICATE,
          "Issuer is not the subject of the signing certificate", null);
    }
    Element subject = child(a, AssertionXml.SAML, "Subject");
    Element nameId = subject == null ? null : child(subject, AssertionXml.SAML, "NameID");
    if (nameId == null || nameId.getTextContent().isBlank() || !"CPS".equals(nameId.getAttribute("NameQualifier"))) {
      throw missing("Subject/NameID with NameQualifier CPS");
    }
    Element stmt = child(a, AssertionXml.SAML, "AttributeStatement");
    for (String name : AssertionXml.ATTRIBUTES) {
      if (stmt == null || attributeValue(stmt, name) == null) {
        throw missing("attribute " + name);
      }
    }
    if (!notBefore.isBefore(notOnOrAfter)) {
      throw malformed("NotBefore must be before NotOnOrAfter");
    }
    return new AssertionPs(id, issuer.getTextContent().trim(), nameId.getTextContent().trim(), notBefore, notOnOrAfter, xml);
  }

  private void checkSignature(Element a, String id, CertificateSelector selector) {
    List<Element> sigs = new ArrayList<>();
    for (Node n = a.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && AssertionXml.DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
        sigs.add(e);
      }
    }
    if (sigs.size() != 1) {
      throw bad("expected exactly one enveloped ds:Signature in the assertion, found " + sigs.size());
    }
    if (a.getElementsByTagNameNS(AssertionXml.DSIG, "Signature").getLength() != 1) {
      throw bad("nested signatures are not accepted");
    }
    DOMValidateContext ctx = new DOMValidateContext(selector, sigs.get(0));
    ctx.setIdAttributeNS(a, null, "ID");
    ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    XMLSignature sig;
    try {
      sig = fac.unmarshalXMLSignature(ctx);
    } catch (MarshalException e) {
      throw bad("unreadable signature");
    }
    String c14n = sig.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
    String method = sig.getSignedInfo().getSignatureMethod().getAlgorithm();
    if (!CanonicalizationMethod.EXCLUSIVE.equals(c14n)) {
      throw bad("canonicalisation must be exclusive c14n");
    }
    if (!SignatureMethod.RSA_SHA256.equals(method) && !SignatureMethod.ECDSA_SHA256.equals(method)) {
      throw bad("signature method must be RSA-SHA256 or ECDSA-SHA256");
    }
    List<?> refs = sig.getSignedInfo().getReferences();
    if (refs.size() != 1) {
      throw bad("expected exactly one reference");
    }
    Reference ref = (Reference) refs.get(0);
    if (!("#" + id).equals(ref.getURI())) {
      throw bad("the reference must point to this assertion's ID");
    }
    if (!DigestMethod.SHA256.equals(ref.getDigestMethod().getAlgorithm())) {
      throw bad("digest must be SHA-256");
    }
    List<?> transforms = ref.getTransforms();
    if (transforms.size() != 2 || !Transform.ENVELOPED.equals(((Transform) transforms.get(0)).getAlgorithm())
        || !CanonicalizationMethod.EXCLUSIVE.equals(((Transform) transforms.get(1)).getAlgorithm())) {
      throw bad("transforms must be enveloped-signature then exclusive c14n");
    }
    try {
      boolean refOk = ref.validate(ctx);
      if (!refOk) {
        throw new AssertionPsException(AssertionPsException.Problem.TAMPERED,
            "the assertion was changed after it was signed", null);
      }
      boolean valueOk = sig.getSignatureValue().validate(ctx);
      if (!valueOk) {
        throw new AssertionPsException(AssertionPsException.Problem.WRONG_KEY,
            "the signature was not made with the key of the certificate in KeyInfo", null);
      }
    } catch (XMLSignatureException e) {
      throw bad("signature cannot be validated (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void checkCertificate(List<X509Certificate> chain) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      PKIXParameters params = new PKIXParameters(new HashSet<>(anchors));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(clock.instant()));
      CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain), params);
    } catch (InvalidAlgorithmParameterException e) {
      throw new AssertionPsException(AssertionPsException.Problem.UNTRUSTED_CERTIFICATE, "no trust anchor configured", e);
    } catch (GeneralSecurityException e) {
      throw new AssertionPsException(AssertionPsException.Problem.UNTRUSTED_CERTIFICATE,
          "signing certificate does not chain to a configured root at this date", e);
    }
  }

  private static String attributeValue(Element stmt, String name) {
    NodeList attrs = stmt.getElementsByTagNameNS(AssertionXml.SAML, "Attribute");
    for (int i = 0; i < attrs.getLength(); i++) {
      Element at = (Element) attrs.item(i);
      if (name.equals(at.getAttribute("Name"))) {
        Element v = child(at, AssertionXml.SAML, "AttributeValue");
        return v == null || v.getTextContent().isBlank() ? null : v.getTextContent();
      }
    }
    return null;
  }

  private static Element child(Element parent, String ns, String local) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static Instant instant(Element e, String attr) {
    String v = e.getAttribute(attr);
    if (v.isEmpty()) {
      throw missing("Conditions/@" + attr);
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException ex) {
      throw malformed("Conditions/@" + attr + " is not an xsd:dateTime in UTC");
    }
  }

  private static AssertionPsException malformed(String why) {
    return new AssertionPsException(AssertionPsException.Problem.MALFORMED, why, null);
  }

  private static AssertionPsException missing(String what) {
    return new AssertionPsException(AssertionPsException.Problem.MISSING_ATTRIBUTE, "missing or empty: " + what, null);
  }

  private static AssertionPsException bad(String why) {
    return new AssertionPsException(AssertionPsException.Problem.BAD_SIGNATURE, why, null);
  }

  /**
   * Takes the public key from the first X509Certificate in KeyInfo (the signer) and remembers the
   * certificates that follow it (intermediates).
   */
  private static final class CertificateSelector extends KeySelector {
    private final List<X509Certificate> chain = new ArrayList<>();

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
        throws KeySelectorException {
      if (keyInfo == null) {
        throw new KeySelectorException("no KeyInfo");
      }
      chain.clear();
      for (XMLStructure s : keyInfo.getContent()) {
        if (s instanceof X509Data data) {
          for (Object o : data.getContent()) {
            if (o instanceof X509Certificate c) {
              chain.add(c);
            }
          }
        }
      }
      if (chain.isEmpty()) {
        throw new KeySelectorException("no X509Certificate in KeyInfo");
      }
      Key k = chain.get(0).getPublicKey();
      return () -> k;
    }
  }

  /**
   * Configures an {@link AssertionPsVerifier}. Not thread-safe; the verifier is.
   *
   * <pre>{@code
   * AssertionPsVerifier.builder().trustAnchor(root).clock(clock).maxClockSkew(Duration.ofMinutes(2)).build();
   * }</pre>
   */
  public static final class Builder {
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofMinutes(2);

    private Builder() {}

    /**
     * Adds a trusted root.
     *
     * @param root the root certificate
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate root) {
      anchors.add(new TrustAnchor(Objects.requireNonNull(root, "root"), null));
      return this;
    }

    /**
     * Sets the clock (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the allowed clock difference with the signer (default 2 minutes).
     *
     * @param skew the allowance, not negative
     * @return this builder
     */
    public Builder maxClockSkew(Duration skew) {
      if (skew.isNegative()) {
        throw new IllegalArgumentException("skew must not be negative");
      }
      this.skew = skew;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException when no trust anchor was given
     */
    public AssertionPsVerifier build() {
      if (anchors.isEmpty()) {
        throw new IllegalStateException("at least one trust anchor required");
      }
      return new AssertionPsVerifier(this);
    }
  }
}
