package dev.ins.core.hl7;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.InsValidationException;

/**
 * Any input to the PAM France PID reader gives a value or the SDK's typed error, nothing else; a
 * value read back is written and read again to the same traits. Seeded with the ANS example
 * messages under {@code PidInsFuzzTestInputs/parseMessage_givesAValueOrATypedError/}.
 */
class PidInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parseMessage_givesAValueOrATypedError(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      PidIns p = PidIns.parseMessage(s);
      PidIns again = PidIns.parse(PidIns.format(p.identity()));
      if (!again.identity().traits().equals(p.identity().traits())
          || !again.identity().insForExchange().equals(p.identity().insForExchange())) {
        throw new AssertionError("write then read changed the identity");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
