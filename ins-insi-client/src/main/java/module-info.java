/** Client for the CNAM INSi teleservice (SOAP 1.2) and an embedded stub INSi server. */
module dev.ins.insi {
  requires dev.ins.core;
}
