/** Smartcard adapters (PC/SC), Carte Vitale and CPS card handling, virtual cards. */
module dev.ins.cardreader {
  requires dev.ins.core;
}
