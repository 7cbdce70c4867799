/** Misuse-resistant protection of identity data on Bouncy Castle. */
module dev.ins.security {
  requires dev.ins.core;
}
