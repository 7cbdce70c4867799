package dev.ins.insi;

import dev.ins.insi.internal.ClientConfig;
import dev.ins.insi.internal.DefaultInsiClient;
import dev.ins.insi.internal.SearchAndCompareVerifier;
import dev.ins.insi.transport.InsiInterceptor;
import dev.ins.insi.transport.InsiTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures an {@link InsiClient}. {@link #build()} fails fast on anything missing: environment,
 * software, emitter and transport are required; the endpoint defaults to the environment's
 * mutual-TLS endpoint (and is required for {@link InsiEnvironment#STUB}).
 *
 * <pre>{@code
 * InsiClient client = InsiClient.builder()
 *     .environment(InsiEnvironment.STUB)
 *     .endpoint(stub.endpoint())
 *     .software(new LpsSoftware("TESTSGIE0000", "Demo", "1.0", UUID.randomUUID()))
 *     .emitter("10B0000000")
 *     .transport(transport)
 *     .interceptor(LoggingInterceptor.masked())
 *     .build();
 * }</pre>
 */
public final class InsiClientBuilder {
  private InsiEnvironment environment;
  private URI endpoint;
  private LpsSoftware software;
  private String emitter;
  private InsiTransport transport;
  private final List<InsiInterceptor> interceptors = new ArrayList<>();
  private RetryPolicy retry = RetryPolicy.of(2, Duration.ofMillis(250));
  private Clock clock = Clock.systemUTC();
  private FirstNameStrategy strategy = FirstNameStrategy.RNIV;
  private SecurityHeaderProvider security = (op, id) -> List.of();
  private VitaleAssertionProvider vitale = v -> List.of();
  private InsiVerifier verifier = new SearchAndCompareVerifier();
  private int maxResponseBytes = 1 << 20;
  private dev.ins.security.killswitch.KillSwitch killSwitch = dev.ins.security.killswitch.KillSwitch.standard();

  /** Creates an empty builder; prefer {@link InsiClient#builder()}. */
  public InsiClientBuilder() {}

  /**
   * Sets the environment (required, never inferred).
   *
   * @param environment the environment
   * @return this builder
   */
  public InsiClientBuilder environment(InsiEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /**
   * Overrides the endpoint.
   *
   * @param endpoint an https URL
   * @return this builder
   */
  public InsiClientBuilder endpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
      throw new IllegalArgumentException("the INSi endpoint must be https, got scheme " + endpoint.getScheme());
    }
    this.endpoint = endpoint;
    return this;
  }

  /**
   * Declares the calling software (ContexteLPS).
   *
   * @param software the software
   * @return this builder
   */
  public InsiClientBuilder software(LpsSoftware software) {
    this.software = Objects.requireNonNull(software, "software");
    return this;
  }

  /**
   * Sets the emitter ({@code Emetteur}): in mutual-TLS mode the structure identifier (the client
   * certificate's OU), in CPx mode the health professional's identifier.
   *
   * @param emitter non-blank
   * @return this builder
   */
  public InsiClientBuilder emitter(String emitter) {
    if (emitter == null || emitter.isBlank()) {
      throw new IllegalArgumentException("emitter must not be blank");
    }
    this.emitter = emitter;
    return this;
  }

  /**
   * Sets the transport (required).
   *
   * @param transport e.g. an {@link dev.ins.insi.transport.HttpClientTransport}
   * @return this builder
   */
  public InsiClientBuilder transport(InsiTransport transport) {
    this.transport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /**
   * Adds an interceptor; they run in the order added, around each send.
   *
   * @param interceptor the interceptor
   * @return this builder
   */
  public InsiClientBuilder interceptor(InsiInterceptor interceptor) {
    interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /**
   * Sets the retry policy (default: 2 sends, 250 ms).
   *
   * @param retry the policy
   * @return this builder
   */
  public InsiClientBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Sets the clock used for timestamps (ContexteLPS/BAM Temps, result start).
   *
   * @param clock the clock
   * @return this builder
   */
  public InsiClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the first-name strategy (default {@link FirstNameStrategy#RNIV}).
   *
   * @param strategy the strategy
   * @return this builder
   */
  public InsiClientBuilder firstNameStrategy(FirstNameStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /**
   * Sets the {@code wsse:Security} content provider (default: empty, mutual-TLS mode).
   *
   * @param provider the provider
   * @return this builder
   */
  public InsiClientBuilder securityHeader(SecurityHeaderProvider provider) {
    this.security = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /**
   * Sets the Carte Vitale assertion provider (default: none).
   *
   * @param provider the provider
   * @return this builder
   */
  public InsiClientBuilder vitaleAssertions(VitaleAssertionProvider provider) {
    this.vitale = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /**
   * Replaces the verification strategy (default: search by traits and compare strictly).
   *
   * @param verifier the verifier
   * @return this builder
   */
  public InsiClientBuilder verifier(InsiVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    return this;
  }

  /**
   * Sets the bound on a response document (default 1 MiB).
   *
   * @param bytes positive
   * @return this builder
   */
  public InsiClientBuilder maxResponseBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * Sets the kill switch consulted before every send (default {@link
   * dev.ins.security.killswitch.KillSwitch#standard()}: the signed state file at the documented
   * location). While it blocks, calls fail with {@link InsiBlockedException} and nothing is sent.
   *
   * @param killSwitch the switch
   * @return this builder
   */
  public InsiClientBuilder killSwitch(dev.ins.security.killswitch.KillSwitch killSwitch) {
    this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException naming what is missing
   */
  public InsiClient build() {
    if (environment == null) {
      throw new IllegalStateException("environment is required (TEST, PRODUCTION or STUB): it is never inferred");
    }
    if (software == null) {
      throw new IllegalStateException("software is required (IDAM, name, version, instance)");
    }
    if (emitter == null) {
      throw new IllegalStateException("emitter is required");
    }
    if (transport == null) {
      throw new IllegalStateException("transport is required");
    }
    URI ep = endpoint != null ? endpoint : environment == InsiEnvironment.STUB ? null : environment.mutualTlsEndpoint();
    if (ep == null) {
      throw new IllegalStateException("the STUB environment needs an explicit endpoint");
    }
    return new DefaultInsiClient(new ClientConfig(environment, ep, software, emitter, transport,
        guarded(), retry, clock, strategy, security, vitale, verifier, maxResponseBytes));
  }

  /** The kill-switch guard first, before any other interceptor and the transport. */
  private List<InsiInterceptor> guarded() {
    List<InsiInterceptor> all = new ArrayList<>();
    all.add(new dev.ins.insi.transport.KillSwitchInterceptor(killSwitch));
    all.addAll(interceptors);
    return List.copyOf(all);
  }
}
