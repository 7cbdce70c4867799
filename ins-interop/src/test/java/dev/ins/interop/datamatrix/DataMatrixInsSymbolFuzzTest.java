package dev.ins.interop.datamatrix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given as an image file to {@link DataMatrixInsSymbol#read(byte[])} (ImageIO decoders,
 * size check, ZXing, ins-core's payload decoder) give an outcome and never throw. Seeded with
 * rendered PNGs under {@code DataMatrixInsSymbolFuzzTestInputs/read_neverThrows/}.
 */
class DataMatrixInsSymbolFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void read_neverThrows(FuzzedDataProvider data) {
    DataMatrixScan scan = DataMatrixInsSymbol.read(data.consumeRemainingAsBytes());
    if (scan == null) {
      throw new AssertionError("no outcome");
    }
  }
}
