package dev.ins.cardreader.cps;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A key on the token with its certificate chain: the CPS authentication key for the INSi CPS mode
 * and mutual TLS. The private key never leaves the token; sign with {@link #provider()}.
 *
 * <pre>{@code
 * Signature s = Signature.getInstance("SHA256withRSA", credential.provider());
 * s.initSign(credential.privateKey());
 * }</pre>
 *
 * @param alias the key's alias on the token
 * @param privateKey the token's key handle
 * @param chain the certificate chain, leaf first, at least one
 * @param provider the PKCS#11 provider the key belongs to
 */
public record CpsCredential(String alias, PrivateKey privateKey, List<X509Certificate> chain,
    Provider provider) {

  /**
   * Validates and copies.
   *
   * @param alias see the record component
   * @param privateKey see the record component
   * @param chain see the record component
   * @param provider see the record component
   */
  public CpsCredential {
    Objects.requireNonNull(alias, "alias == null");
    Objects.requireNonNull(privateKey, "privateKey == null");
    Objects.requireNonNull(provider, "provider == null");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain: at least the leaf certificate");
    }
  }

  /**
   * Returns the leaf certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Alias and subject only. */
  @Override
  public String toString() {
    return "CpsCredential[alias=" + alias + ", subject=" + certificate().getSubjectX500Principal() + "]";
  }
}
