package dev.ins.security;

/**
 * Whether a key of a keyset may still be used. Disabled keys are kept (so they can be re-enabled)
 * but neither encrypt nor decrypt.
 */
public enum KeyStatus {
  /** Usable. */
  ENABLED,
  /** Kept but unusable. */
  DISABLED
}
