package dev.ins.insi.cps;

import dev.ins.insi.internal.xml.AssertionXml;
import dev.ins.insi.internal.xml.SecureXml;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.w3c.dom.Document;

/**
 * Builds and signs the assertion PS for INSi's CPS mode, and hands out the same assertion until
 * shortly before it expires.
 *
 * <p>The key is any {@link PrivateKey}: a software key, or the CPS card's key through PKCS#11
 * (SunPKCS11; pass its provider with {@link Builder#provider} unless it is installed). The signer
 * never holds the PIN; log in to the token before the first call. Time comes
 * from the injected {@link Clock}. Thread-safe.
 *
 * <pre>{@code
 * AssertionPsSigner signer = AssertionPsSigner.builder()
 *     .key(cpsKey, cpsCertificate)
 *     .psIdentifier("899700000001")
 *     .identifiantFacturation("012345678").secteurActivite("SA07").codeSpecialite("SM26")
 *     .build();
 * AssertionPs a = signer.current();
 * }</pre>
 */
public final class AssertionPsSigner {

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final List<X509Certificate> chain;
  private final Provider provider;
  private final String psIdentifier;
  private final Map<String, String> attributes;
  private final Clock clock;
  private final Duration validity;
  private final Duration renewBefore;
  private AssertionPs cached;

  private AssertionPsSigner(Builder b) {
    this.key = b.key;
    this.certificate = b.certificate;
    this.chain = List.copyOf(b.chain);
    this.provider = b.provider;
    this.psIdentifier = b.psIdentifier;
    this.attributes = Map.copyOf(b.attributes);
    this.clock = b.clock;
    this.validity = b.validity;
    this.renewBefore = b.renewBefore;
  }

  /**
   * Starts a signer configuration.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an assertion valid now with more than the renewal margin left, signing a new one when
   * the previous one is too close to its end.
   *
   * @return the assertion
   * @throws AssertionPsException {@code SIGNING_FAILED} when the key cannot sign
   */
  public synchronized AssertionPs current() {
    Instant now = clock.instant();
    if (cached == null || !cached.usableAt(now, renewBefore)) {
      cached = sign(now);
    }
    return cached;
  }

  /**
   * Signs a fresh assertion valid from {@code now} for the configured validity.
   *
   * @param now the start of validity
   * @return the new assertion
   * @throws AssertionPsException {@code SIGNING_FAILED} when the key cannot sign
   */
  public AssertionPs sign(Instant now) {
    String id = "_" + UUID.randomUUID();
    String issuer = AssertionXml.subjectDn(certificate);
    Instant end = now.plus(validity);
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : AssertionXml.ATTRIBUTES) {
      ordered.put(name, attributes.get(name));
    }
    Document doc = AssertionXml.build(id, issuer, psIdentifier, now, end, ordered);
    try {
      AssertionXml.sign(doc, key, chain, provider);
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException | RuntimeException e) {
      throw new AssertionPsException(AssertionPsException.Problem.SIGNING_FAILED,
          "the key could not sign the assertion (" + e.getClass().getSimpleName() + ")", e);
    }
    return new AssertionPs(id, issuer, psIdentifier, now, end, SecureXml.toString(doc.getDocumentElement()));
  }

  /**
   * Configures an {@link AssertionPsSigner}; {@link #build()} fails fast on anything missing. Not
   * thread-safe.
   *
   * <pre>{@code
   * AssertionPsSigner.builder().key(k, c).psIdentifier(id).identifiantFacturation(f)
   *     .secteurActivite("SA07").codeSpecialite("SM26").clock(clock).build();
   * }</pre>
   */
  public static final class Builder {
    private PrivateKey key;
    private X509Certificate certificate;
    private final List<X509Certificate> chain = new ArrayList<>();
    private Provider provider;
    private String psIdentifier;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration validity = Duration.ofHours(1);
    private Duration renewBefore = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Sets the signing key and its certificate (the CPS signature or authentication certificate).
     *
     * @param key the private key, software or PKCS#11
     * @param certificate the matching certificate
     * @param intermediates intermediate CA certificates to put in KeyInfo after it, if any
     * @return this builder
     */
    public Builder key(PrivateKey key, X509Certificate certificate, X509Certificate... intermediates) {
      this.key = Objects.requireNonNull(key, "key");
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      chain.clear();
      chain.add(certificate);
      chain.addAll(List.of(intermediates));
      return this;
    }

    /**
     * Sets the JCA provider holding the key, for a PKCS#11 key whose provider is configured but not
     * installed with {@code Security.addProvider} (default: JCA picks among installed providers).
     *
     * @param provider the provider, e.g. a configured SunPKCS11 instance
     * @return this builder
     */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the practitioner identifier put in {@code NameID} (NameQualifier {@code CPS}).
     *
     * @param id the identifier, e.g. the RPPS-based id on the CPS
     * @return this builder
     */
    public Builder psIdentifier(String id) {
      this.psIdentifier = id;
      return this;
    }

    /**
     * Sets the {@code identifiantFacturation} attribute.
     *
     * @param value the billing identifier
     * @return this builder
     */
    public Builder identifiantFacturation(String value) {
      attributes.put("identifiantFacturation", value);
      return this;
    }

    /**
     * Sets the {@code secteurActivite} attribute (e.g. {@code SA07}).
     *
     * @param value the activity sector code
     * @return this builder
     */
    public Builder secteurActivite(String value) {
      attributes.put("secteurActivite", value);
      return this;
    }

    /**
     * Sets the {@code codeSpecialite} attribute (e.g. {@code SM26}).
     *
     * @param value the speciality code
     * @return this builder
     */
    public Builder codeSpecialite(String value) {
      attributes.put("codeSpecialite", value);
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
     * Sets how long an assertion is valid (default 1 hour) and how long before its end a new one is
     * signed (default 5 minutes).
     *
     * @param validity the validity, positive
     * @param renewBefore the renewal margin, shorter than the validity
     * @return this builder
     */
    public Builder validity(Duration validity, Duration renewBefore) {
      this.validity = Objects.requireNonNull(validity, "validity");
      this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore");
      return this;
    }

    /**
     * Checks the configuration and builds.
     *
     * @return the signer
     * @throws IllegalStateException naming what is missing or inconsistent
     */
    public AssertionPsSigner build() {
      if (key == null) {
        throw new IllegalStateException("key and certificate required");
      }
      if (psIdentifier == null || psIdentifier.isBlank()) {
        throw new IllegalStateException("psIdentifier required");
      }
      for (String name : AssertionXml.ATTRIBUTES) {
        String v = attributes.get(name);
        if (v == null || v.isBlank()) {
          throw new IllegalStateException(name + " required");
        }
      }
      if (validity.isNegative() || validity.isZero() || renewBefore.isNegative() || renewBefore.compareTo(validity) >= 0) {
        throw new IllegalStateException("validity must be positive and longer than renewBefore");
      }
      return new AssertionPsSigner(this);
    }
  }
}
