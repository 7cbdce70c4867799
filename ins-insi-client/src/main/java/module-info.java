/**
 * Client for the CNAM INSi teleservice (SOAP 1.2 over mutual TLS) and an embedded stub INSi server
 * for tests.
 *
 * <p>API: {@code dev.ins.insi} (the port, results, errors, configuration),
 * {@code dev.ins.insi.transport} (pluggable transport and interceptors),
 * {@code dev.ins.insi.stub} (the stub server and its throw-away test PKI).
 */
module dev.ins.insi {
  requires transitive dev.ins.core;
  requires transitive java.xml;
  requires java.net.http;
  requires jdk.httpserver;
  requires jakarta.xml.bind;
  requires org.slf4j;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;

  exports dev.ins.insi;
  exports dev.ins.insi.transport;
  exports dev.ins.insi.stub;

  opens dev.ins.insi.internal.xml to jakarta.xml.bind;
}
