package dev.ins.security.certs;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A private key with its certificate chain, loaded from a PKCS#12 file or a PKCS#11 token. The key
 * may be a token handle that never leaves the device. {@code toString()} shows only the alias and
 * the subject.
 *
 * <pre>{@code
 * Credential c = Credentials.loadPkcs12(Path.of("insi-auto.p12"), password);
 * X509Certificate leaf = c.certificate();
 * }</pre>
 *
 * @param alias the key store alias
 * @param privateKey the private key (or token handle)
 * @param chain the chain, leaf first, at least one certificate
 * @param provider the provider that must run operations with the key (a PKCS#11 token), if any
 */
public record Credential(String alias, PrivateKey privateKey, List<X509Certificate> chain, Optional<Provider> provider) {

  /**
   * Validates.
   *
   * @param alias not null
   * @param privateKey not null
   * @param chain not empty, copied
   * @param provider not null (may be empty)
   */
  public Credential {
    Objects.requireNonNull(alias, "alias == null");
    Objects.requireNonNull(privateKey, "privateKey == null");
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the leaf certificate");
    }
    chain = List.copyOf(chain);
    Objects.requireNonNull(provider, "provider == null");
  }

  /**
   * Returns the leaf certificate.
   *
   * @return the first certificate of the chain
   */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "Credential[" + alias + ", " + certificate().getSubjectX500Principal().getName() + ", private key redacted]";
  }
}
