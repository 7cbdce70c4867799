package dev.ins.insi;

import dev.ins.core.InsIdentifier;
import dev.ins.core.Traits;

/**
 * How {@link InsiClient#verify} is carried out. The default searches by traits and compares
 * strictly; a native INSi verification operation can be plugged in here when its contract is
 * published, without changing callers.
 *
 * <pre>{@code
 * InsiVerifier nativeOp = (ins, traits, client) -> myNativeVerification(ins, traits);
 * InsiClient.builder()...verifier(nativeOp);
 * }</pre>
 */
@FunctionalInterface
public interface InsiVerifier {

  /**
   * Verifies.
   *
   * @param ins the INS held
   * @param traits the traits held
   * @param client the client, to run searches
   * @return the verdict
   */
  Verification verify(InsIdentifier ins, Traits traits, InsiClient client);
}
