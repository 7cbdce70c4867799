/**
 * Smartcard access for the INS SDK: a small card-reader port coded against {@code javax.smartcardio}
 * types, with PC/SC adapters (jnasmartcardio and the JDK's own provider) and an in-memory one;
 * Carte Vitale 2 reading; CPS detection and PKCS#11 key access; virtual cards for tests.
 *
 * <p>Depends on ins-core only among the SDK's modules.
 */
module dev.ins.cardreader {
  requires transitive dev.ins.core;
  requires transitive java.smartcardio;
  requires org.slf4j;
  requires jdk.net;
  requires jnasmartcardio;
  // Optional: only the command line uses picocli; its jar brings it.
  requires static info.picocli;

  // The command line's picocli commands (reflection on their annotated fields).
  opens dev.ins.cardreader.internal.cli to info.picocli;

  exports dev.ins.cardreader;
  exports dev.ins.cardreader.tlv;
  exports dev.ins.cardreader.vitale;
  exports dev.ins.cardreader.virtual;
  exports dev.ins.cardreader.cps;
}
