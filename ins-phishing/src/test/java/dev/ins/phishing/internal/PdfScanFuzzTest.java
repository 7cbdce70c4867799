package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes given to the PDF scan give a bounded result, never an exception. */
class PdfScanFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void scan_isBoundedAndNeverThrows(FuzzedDataProvider data) {
    PdfScan.Result r = PdfScan.scan(data.consumeRemainingAsBytes());
    assertTrue(r.uris().size() <= PdfScan.MAX_URIS);
    assertTrue(r.textChars() >= 0);
    for (String u : r.uris()) {
      assertTrue(u.length() <= PdfScan.MAX_URI_CHARS + 1);
    }
  }
}
