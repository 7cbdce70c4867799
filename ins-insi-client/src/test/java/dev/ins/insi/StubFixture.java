package dev.ins.insi;

import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import dev.ins.insi.transport.InsiInterceptor;
import dev.ins.insi.transport.LoggingInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Shared set-up: one stub server per test class, clients over real mutual TLS. */
final class StubFixture {
  static final LpsSoftware SOFTWARE = new LpsSoftware("TESTSGIE0000", "InsSdkTests", "0.1.0",
      UUID.fromString("3f0c2a6e-8d1b-4c55-9e2a-7b6f1d0c4a11"));

  private StubFixture() {}

  static HttpClientTransport transport(StubInsiServer stub, StubPki.Client client, Duration timeout) {
    return HttpClientTransport.builder()
        .keyStore(stub.pki().clientKeyStore(client), StubPki.PASSWORD.toCharArray())
        .trustedRoots(List.of(stub.pki().rootCertificate()))
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(timeout)
        .build();
  }

  static InsiClientBuilder client(StubInsiServer stub, StubPki.Client client, InsiInterceptor... interceptors) {
    InsiClientBuilder b = InsiClient.builder()
        .environment(InsiEnvironment.STUB)
        .endpoint(stub.endpoint())
        .software(SOFTWARE)
        .emitter("10B0000000")
        .retry(RetryPolicy.NONE)
        .transport(transport(stub, client, Duration.ofSeconds(10)))
        // Every integration test logs its exchanges (masked, DEBUG): ZzSuiteLogAuditTest checks them.
        .interceptor(LoggingInterceptor.masked());
    for (InsiInterceptor i : interceptors) {
      b.interceptor(i);
    }
    return b;
  }
}
