package dev.ins.core.internal.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.matching.DedupRecord;
import java.io.StringReader;
import java.util.Iterator;

/** Any text given to the dedup CSV reader gives records, reported skipped rows or a bad-file error. */
class DedupCsvFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void read_givesRecordsOrReportedRows(FuzzedDataProvider data) {
    String body = data.consumeRemainingAsString();
    try {
      Iterator<DedupRecord> it = DedupCsv.read(new StringReader(DedupCsv.INPUT_HEADER + "\n" + body),
          (line, msg) -> {
            if (line < 2 || msg.isEmpty()) {
              throw new AssertionError("bad report at line " + line);
            }
          });
      while (it.hasNext()) {
        if (it.next().id().isBlank()) {
          throw new AssertionError("blank id accepted");
        }
      }
    } catch (DedupCsv.BadFileException expected) {
      // only for a wrong header, which cannot happen here
      throw new AssertionError("header rejected", expected);
    }
  }
}
