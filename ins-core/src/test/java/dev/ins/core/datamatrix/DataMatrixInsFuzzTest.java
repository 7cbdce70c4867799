package dev.ins.core.datamatrix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.InsValidationException;

/**
 * Any input to the DataMatrix INS reader gives a content or the SDK's typed error, nothing else; a
 * content read back re-encodes to a payload that reads to the same content. Seeded with valid
 * payloads under {@code DataMatrixInsFuzzTestInputs/decode_givesAValueOrATypedError/}.
 */
class DataMatrixInsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void decode_givesAValueOrATypedError(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      DataMatrixIns d = DataMatrixIns.decode(s);
      if (!DataMatrixIns.decode(d.payload()).equals(d)) {
        throw new AssertionError("re-encoding changed the content");
      }
    } catch (InsValidationException expected) {
      if (expected.violations().isEmpty()) {
        throw new AssertionError("typed error without violation");
      }
    }
  }
}
