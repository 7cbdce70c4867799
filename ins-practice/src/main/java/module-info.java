/**
 * The practice's cyber-resilience kit: the security posture report ("bilan de sécurité du
 * cabinet"), incident mode ("agir et réagir en cas d'attaque") with the persistent kill switch,
 * evidence bundles and pre-filled declarations, backup destinations that honour the kill switch,
 * password strength on zxcvbn with French dictionaries, TOTP and a login throttle.
 *
 * <p>API: {@code dev.ins.practice} (configuration, posture report), {@code
 * dev.ins.practice.incident}, {@code dev.ins.practice.backup}, {@code dev.ins.practice.auth},
 * {@code dev.ins.practice.updates}.
 */
module dev.ins.practice {
  requires transitive dev.ins.core;
  requires transitive dev.ins.security;
  requires transitive dev.ins.insi;
  requires com.nulabinc.zxcvbn;
  requires com.fasterxml.jackson.databind;
  requires org.bouncycastle.provider;
  requires info.picocli;
  requires org.slf4j;

  exports dev.ins.practice;
  exports dev.ins.practice.auth;
  exports dev.ins.practice.backup;
  exports dev.ins.practice.incident;
  exports dev.ins.practice.updates;

  opens dev.ins.practice.internal.cli to info.picocli;
}
