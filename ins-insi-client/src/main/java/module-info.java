/**
 * Client for the CNAM INSi téléservice (SOAP 1.2), its CPS-mode assertion and the certificate
 * doctor.
 */
module dev.ins.insi {
  requires transitive dev.ins.core;
  requires transitive java.xml;
  requires java.xml.crypto;
  requires java.naming;

  exports dev.ins.insi.cps;
  exports dev.ins.insi.doctor;
}
