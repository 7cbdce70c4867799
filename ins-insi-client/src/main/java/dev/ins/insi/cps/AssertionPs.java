package dev.ins.insi.cps;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed SAML 2.0 "assertion PS": the token a practitioner's CPS card signs so that INSi can be
 * called over server-only TLS. It goes, as is, inside {@code wsse:Security}.
 *
 * <p>Invariants: {@code xml} is the signed {@code saml2:Assertion} element serialised in UTF-8 (do
 * not re-indent it: that breaks the signature); {@code notBefore} is before {@code notOnOrAfter}.
 * The practitioner identifiers it holds are not patient data.
 *
 * <pre>{@code
 * AssertionPs a = signer.current();           // reused until shortly before it expires
 * soapHeader.appendSecurity(a.xml());
 * }</pre>
 *
 * @param id the assertion's {@code ID} attribute (also the signature's reference)
 * @param issuer the CPS certificate subject DN
 * @param psIdentifier the practitioner identifier in {@code NameID} (NameQualifier {@code CPS})
 * @param notBefore start of validity
 * @param notOnOrAfter end of validity (exclusive)
 * @param xml the signed assertion element
 */
public record AssertionPs(String id, String issuer, String psIdentifier, Instant notBefore, Instant notOnOrAfter,
    String xml) {

  /**
   * Validates the components.
   *
   * @param id see the record component
   * @param issuer see the record component
   * @param psIdentifier see the record component
   * @param notBefore see the record component
   * @param notOnOrAfter see the record component
   * @param xml see the record component
   */
  public AssertionPs {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(psIdentifier, "psIdentifier");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    Objects.requireNonNull(xml, "xml");
    if (!notBefore.isBefore(notOnOrAfter)) {
      throw new IllegalArgumentException("notBefore must be before notOnOrAfter");
    }
  }

  /**
   * Tells whether the assertion is still usable at {@code now} with at least {@code margin} left.
   *
   * @param now the current instant
   * @param margin the time that must remain
   * @return true when {@code now + margin} is before the end of validity and not before its start
   */
  public boolean usableAt(Instant now, java.time.Duration margin) {
    return !now.isBefore(notBefore) && now.plus(margin).isBefore(notOnOrAfter);
  }

  /** Short form without the XML. */
  @Override
  public String toString() {
    return "AssertionPs[id=" + id + ", notOnOrAfter=" + notOnOrAfter + "]";
  }
}
