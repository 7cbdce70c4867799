/**
 * Client for the CNAM INSi teleservice (SOAP 1.2 over mutual TLS, or server TLS with a CPS-signed
 * assertion), the certificate doctor, and an embedded stub INSi server for tests.
 *
 * <p>API: {@code dev.ins.insi} (the port, results, errors, configuration),
 * {@code dev.ins.insi.transport} (pluggable transport and interceptors),
 * {@code dev.ins.insi.stub} (the stub server and its throw-away test PKI),
 * {@code dev.ins.insi.cps} (the CPS-mode assertion PS: signing and verification),
 * {@code dev.ins.insi.doctor} (checks of a credential against what INSi requires),
 * {@code dev.ins.insi.acceptance} (scripted CNDA-like scenarios and the acceptance-file material).
 */
module dev.ins.insi {
  requires transitive dev.ins.core;
  requires transitive dev.ins.security;
  requires transitive java.xml;
  requires java.net.http;
  requires java.naming;
  requires java.xml.crypto;
  requires jdk.httpserver;
  requires jakarta.xml.bind;
  requires org.slf4j;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires info.picocli;

  exports dev.ins.insi;
  exports dev.ins.insi.transport;
  exports dev.ins.insi.stub;
  exports dev.ins.insi.cps;
  exports dev.ins.insi.doctor;
  exports dev.ins.insi.acceptance;

  opens dev.ins.insi.internal.xml to jakarta.xml.bind;
  opens dev.ins.insi.internal.cli to info.picocli;
}
