package dev.ins.core.matching;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to {@link PreparedRecord#fromBytes} give a record that every kernel accepts, or an
 * {@link IllegalArgumentException}; the bytes a record writes read back to the same record.
 */
class PreparedRecordFuzzTest {

  private static final DedupKernel KERNEL = DedupKernel.of(0);
  private static final PreparedRecord OTHER = KERNEL.prepare(
      DedupRecord.typed("fuzz-other", "MARTIN", "JEAN PIERRE", "1980-05-12", "M", "75056", "", "DURAND"));

  @FuzzTest(maxDuration = "15s")
  void fromBytes_givesAUsableRecordOrRefuses(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    PreparedRecord p;
    try {
      p = PreparedRecord.fromBytes(bytes);
    } catch (IllegalArgumentException refused) {
      return;
    }
    byte[] written = p.toBytes();
    if (!java.util.Arrays.equals(written, PreparedRecord.fromBytes(written).toBytes())) {
      throw new AssertionError("the bytes a record writes do not read back to the same record");
    }
    for (int pass = 0; pass < DedupKernel.PASSES; pass++) {
      p.blockingKey(pass);
    }
    p.usedNameKey();
    p.windowOrder();
    if (!p.id().equals(OTHER.id())) {
      KERNEL.score(p, OTHER);
      KERNEL.score(OTHER, p);
    }
  }
}
