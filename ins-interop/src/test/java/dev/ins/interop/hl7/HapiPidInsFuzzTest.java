package dev.ins.interop.hl7;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.InsValidationException;
import dev.ins.core.hl7.PidIns;

/**
 * Any text given to HAPI's ER7 parser through {@link HapiPidIns#read(String)} gives a PID reading
 * or the SDK's typed error, nothing else; a reading written back as an ADT message reads to the
 * same identity. Seeded with ADT messages under {@code HapiPidInsFuzzTestInputs/read_givesAValueOrATypedError/}.
 */
class HapiPidInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void read_givesAValueOrATypedError(FuzzedDataProvider data) {
    try {
      PidIns read = HapiPidIns.read(data.consumeRemainingAsString());
      PidIns again = HapiPidIns.read(HapiPidIns.encode(HapiPidIns.toAdt(read.identity(), AdtEvent.A31,
          HapiPidInsTest.HEADER)));
      if (!again.identity().traits().equals(read.identity().traits())
          || !again.identity().insForExchange().equals(read.identity().insForExchange())) {
        throw new AssertionError("write then read changed the identity");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
