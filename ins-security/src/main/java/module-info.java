/**
 * Misuse-resistant protection of identity data on Bouncy Castle: record encryption with keysets
 * and mandatory context binding, keyed pseudonyms and blind indexes for matricules, a
 * tamper-evident audit log, verifiable encrypted backups, password hashing and secret handling.
 */
module dev.ins.security {
  requires transitive dev.ins.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires com.fasterxml.jackson.databind;
  requires transitive org.slf4j;
  // Optional: only the command line uses picocli; its jar brings it.
  requires static info.picocli;

  // The command line's picocli commands (reflection on their annotated fields).
  opens dev.ins.security.internal.cli to info.picocli;

  exports dev.ins.security;
  exports dev.ins.security.audit;
  exports dev.ins.security.backup;
  exports dev.ins.security.password;
  exports dev.ins.security.breach;
  exports dev.ins.security.certs;
  exports dev.ins.security.logging;
  exports dev.ins.security.killswitch;
}
