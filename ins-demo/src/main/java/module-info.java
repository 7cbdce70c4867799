/** The end-to-end quickstart of ins-sdk: card, INSi, status, protection, interop in one run. */
module dev.ins.demo {
  requires dev.ins.core;
  requires dev.ins.security;
  requires dev.ins.insi;
  requires dev.ins.cardreader;
  requires info.picocli;

  opens dev.ins.demo to info.picocli;
}
