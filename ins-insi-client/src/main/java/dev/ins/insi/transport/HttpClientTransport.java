package dev.ins.insi.transport;

import dev.ins.insi.InsiTransportException;
import dev.ins.insi.InsiTransportException.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * The default transport: the JDK {@link HttpClient} over mutual TLS.
 *
 * <p>The client key comes from a PKCS#12 file, a {@link KeyStore} or any {@link X509KeyManager}
 * (so a PKCS#11 key works); the server is trusted only through the configured roots (IGC-Santé
 * roots in real use, the stub's test root in tests). There is no way to trust everything.
 * Responses larger than the bound are refused without being read whole.
 *
 * <pre>{@code
 * HttpClientTransport t = HttpClientTransport.builder()
 *     .pkcs12(Path.of("INSI-AUTO.p12"), password)
 *     .trustedRoots(List.of(acrEl))          // X509Certificate of "AC RACINE IGC-SANTE ELEMENTAIRE"
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .requestTimeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 */
public final class HttpClientTransport implements InsiTransport {

  /** Default bound on a response body: 1 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

  private final HttpClient client;
  private final Duration requestTimeout;
  private final int maxResponseBytes;

  private HttpClientTransport(Builder b, SSLContext ssl) {
    this.client = HttpClient.newBuilder()
        .sslContext(ssl)
        .connectTimeout(b.connectTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = b.requestTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TransportResponse send(TransportRequest request) {
    HttpRequest http = HttpRequest.newBuilder(request.endpoint())
        .timeout(requestTimeout)
        .header("Content-Type", "application/soap+xml;charset=UTF-8;action=\"" + request.action() + "\"")
        .header("Accept", "application/soap+xml, text/xml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .build();
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(http, this::bounded);
    try {
      // The request timeout covers the wait for headers; this bound also covers a slow body.
      HttpResponse<byte[]> r = f.get(requestTimeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
      return new TransportResponse(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new InsiTransportException(ErrorCode.INTERRUPTED, -1, "interrupted while waiting for INSi",
          request.messageId(), e);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new InsiTransportException(ErrorCode.TIMEOUT, -1, "no complete response within "
          + requestTimeout.toMillis() + " ms", request.messageId(), e);
    } catch (ExecutionException e) {
      throw classify(e.getCause() == null ? e : e.getCause(), request);
    }
  }

  private HttpResponse.BodySubscriber<byte[]> bounded(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    if (declared > maxResponseBytes) {
      return new BoundedSubscriber(-1, declared);
    }
    return new BoundedSubscriber(maxResponseBytes, declared);
  }

  static InsiTransportException classify(Throwable t, TransportRequest request) {
    String id = request.messageId();
    if (t instanceof InsiTransportException) {
      return (InsiTransportException) t;
    }
    if (t instanceof TooLarge) {
      return new InsiTransportException(ErrorCode.RESPONSE_TOO_LARGE, -1, t.getMessage(), id, t);
    }
    if (t instanceof HttpConnectTimeoutException) {
      return new InsiTransportException(ErrorCode.TIMEOUT, -1, "connect timeout to " + request.endpoint(), id, t);
    }
    if (t instanceof HttpTimeoutException) {
      return new InsiTransportException(ErrorCode.TIMEOUT, -1, "response timeout from " + request.endpoint(), id, t);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException || c instanceof CertificateException || c instanceof CertPathValidatorException) {
        return new InsiTransportException(ErrorCode.TLS, -1, "TLS failure with " + request.endpoint() + ": "
            + c.getClass().getSimpleName() + " " + String.valueOf(c.getMessage()), id, t);
      }
    }
    if (t instanceof ConnectException) {
      return new InsiTransportException(ErrorCode.CONNECTION, -1, "cannot connect to " + request.endpoint(), id, t);
    }
    return new InsiTransportException(ErrorCode.CONNECTION, -1, "connection to " + request.endpoint()
        + " failed: " + t.getClass().getSimpleName() + " " + String.valueOf(t.getMessage()), id, t);
  }

  /** Marks an oversized body. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /** Collects the body up to a bound, cancelling the stream past it. */
  private static final class BoundedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    BoundedSubscriber(int max, long declared) {
      this.max = max;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (max < 0) {
        s.cancel();
        result.completeExceptionally(new TooLarge("response declares " + declared + " bytes, over the bound"));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        size += b.remaining();
        parts.add(b);
      }
      if (size > max) {
        subscription.cancel();
        parts.clear();
        result.completeExceptionally(new TooLarge("response exceeds the bound of " + max + " bytes"));
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] out = new byte[(int) size];
      int at = 0;
      for (ByteBuffer b : parts) {
        int n = b.remaining();
        b.get(out, at, n);
        at += n;
      }
      result.complete(out);
    }
  }

  /**
   * Builds a transport; {@link #build()} fails fast when the client key or the trusted roots are
   * missing.
   *
   * <pre>{@code
   * HttpClientTransport.builder().keyManager(pkcs11KeyManager).trustedRoots(trustStore).build();
   * }</pre>
   */
  public static final class Builder {
    private KeyManager[] keyManagers;
    private boolean serverAuthenticationOnly;
    private KeyStore trust;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /**
     * Uses the key and certificate of a PKCS#12 file.
     *
     * @param file the .p12/.pfx file
     * @param password its password
     * @return this builder
     * @throws IllegalArgumentException when the file cannot be read or the password is wrong
     */
    public Builder pkcs12(Path file, char[] password) {
      Objects.requireNonNull(file, "file");
      try (InputStream in = Files.newInputStream(file)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, password);
        return keyStore(ks, password);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot read the PKCS#12 file " + file.getFileName()
            + " (wrong password or not PKCS#12): " + e.getClass().getSimpleName(), e);
      }
    }

    /**
     * Uses the keys of a key store (PKCS#12, PKCS#11, ...).
     *
     * @param keyStore the loaded key store
     * @param keyPassword the key password (may be null for PKCS#11)
     * @return this builder
     */
    public Builder keyStore(KeyStore keyStore, char[] keyPassword) {
      try {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, keyPassword);
        this.keyManagers = kmf.getKeyManagers();
        return this;
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot use the key store: " + e.getClass().getSimpleName(), e);
      }
    }

    /**
     * Uses any key manager (e.g. one backed by a PKCS#11 token or a smart card).
     *
     * @param keyManager the key manager
     * @return this builder
     */
    public Builder keyManager(X509KeyManager keyManager) {
      this.keyManagers = new KeyManager[] {Objects.requireNonNull(keyManager, "keyManager")};
      return this;
    }

    /**
     * Authenticates the server only, with no client certificate: the INSi CPS mode, where the
     * practitioner's signed assertion PS in {@code wsse:Security} authenticates the caller (see
     * {@code dev.ins.insi.cps.AssertionPsSecurityHeader}). Trust stays limited to the configured roots.
     *
     * @return this builder
     */
    public Builder serverAuthenticationOnly() {
      this.serverAuthenticationOnly = true;
      return this;
    }

    /**
     * Trusts exactly the certificates of a trust store (its trusted-certificate entries).
     *
     * @param trustStore the trust store
     * @return this builder
     */
    public Builder trustedRoots(KeyStore trustStore) {
      this.trust = Objects.requireNonNull(trustStore, "trustStore");
      return this;
    }

    /**
     * Trusts exactly these root certificates.
     *
     * @param roots the roots, at least one
     * @return this builder
     */
    public Builder trustedRoots(Collection<X509Certificate> roots) {
      if (roots == null || roots.isEmpty()) {
        throw new IllegalArgumentException("at least one trusted root is required");
      }
      try {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : roots) {
          ks.setCertificateEntry("root-" + i++, c);
        }
        this.trust = ks;
        return this;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the time allowed for the response to arrive (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * Sets the bound on a response body (default 1 MiB).
     *
     * @param bytes positive
     * @return this builder
     */
    public Builder maxResponseBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }

    /**
     * Builds the transport.
     *
     * @return the transport
     * @throws IllegalStateException when the client key or the trusted roots are missing
     */
    public HttpClientTransport build() {
      if (keyManagers == null && !serverAuthenticationOnly) {
        throw new IllegalStateException("a client certificate is required (pkcs12, keyStore or keyManager), "
            + "or serverAuthenticationOnly() for the CPS mode");
      }
      if (keyManagers != null && serverAuthenticationOnly) {
        throw new IllegalStateException("serverAuthenticationOnly() excludes a client certificate");
      }
      if (trust == null) {
        throw new IllegalStateException("trusted roots are required (IGC-Santé roots, or the stub's test root)");
      }
      try {
        if (trust.size() == 0) {
          throw new IllegalStateException("the trust store holds no certificate");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keyManagers == null ? new KeyManager[0] : keyManagers, tmf.getTrustManagers(), null);
        return new HttpClientTransport(this, ssl);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot set up TLS: " + e.getClass().getSimpleName(), e);
      }
    }
  }
}
