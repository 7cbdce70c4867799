package dev.ins.interop.hl7;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsValidationException;
import dev.ins.core.hl7.PidIns;
import dev.ins.interop.TestIdentities;
import java.util.List;

/**
 * Any text given to HAPI's ER7 parser through {@link HapiPidIns#read(String, IdentityEvent.DocumentChecked)}
 * gives a PID reading or the SDK's typed error, nothing else; a reading written back as an ADT
 * message reads to the same identity. Read without a document check, the same text gives the same
 * identity when it is neither VALI nor QUAL, and is refused with {@code DOCUMENT_CHECK_REQUIRED}
 * under {@code PID-32} (that violation only) when it is. Seeded with ADT messages under
 * {@code HapiPidInsFuzzTestInputs/read_givesAValueOrATypedError/}.
 */
class HapiPidInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void read_givesAValueOrATypedError(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    IdentityEvent.DocumentChecked check = TestIdentities.CHECK;
    PidIns read;
    try {
      read = HapiPidIns.read(text, check);
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
      return;
    }
    PidIns again = HapiPidIns.read(HapiPidIns.encode(HapiPidIns.toAdt(read.identity(), AdtEvent.A31,
        HapiPidInsTest.HEADER)), check);
    if (!again.identity().traits().equals(read.identity().traits())
        || !again.identity().insForExchange().equals(read.identity().insForExchange())) {
      throw new AssertionError("write then read changed the identity");
    }
    if (read.identity().status().documentChecked()) {
      try {
        HapiPidIns.read(text);
        throw new AssertionError("a VALI or QUAL PID was read without a document check");
      } catch (InsValidationException expected) {
        if (!expected.violations().equals(List.of(HapiPidInsTest.DOCUMENT_CHECK_REQUIRED))) {
          throw new AssertionError("refused for another reason than the missing document check", expected);
        }
      }
    } else if (!HapiPidIns.read(text).identity().equals(read.identity())) {
      throw new AssertionError("the document check changed an identity that is neither VALI nor QUAL");
    }
  }
}
