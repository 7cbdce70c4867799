package dev.ins.insi.internal;

import dev.ins.insi.FirstNameStrategy;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.InsiVerifier;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.RetryPolicy;
import dev.ins.insi.SecurityHeaderProvider;
import dev.ins.insi.VitaleAssertionProvider;
import dev.ins.insi.transport.InsiInterceptor;
import dev.ins.insi.transport.InsiTransport;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The validated client configuration.
 *
 * @param environment environment
 * @param endpoint endpoint
 * @param software software
 * @param emitter emitter
 * @param transport transport
 * @param interceptors interceptors in order
 * @param retry retry policy
 * @param clock clock
 * @param strategy first-name strategy
 * @param security wsse:Security provider
 * @param vitale Vitale assertion provider
 * @param verifier verifier
 * @param maxResponseBytes response bound
 */
public record ClientConfig(InsiEnvironment environment, URI endpoint, LpsSoftware software, String emitter,
    InsiTransport transport, List<InsiInterceptor> interceptors, RetryPolicy retry, Clock clock,
    FirstNameStrategy strategy, SecurityHeaderProvider security, VitaleAssertionProvider vitale,
    InsiVerifier verifier, int maxResponseBytes) {}
