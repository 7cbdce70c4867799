package dev.ins.cardreader.internal.vitale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.cardreader.CardReaderException;
import dev.ins.cardreader.vitale.VitaleBeneficiary;
import java.util.List;

/** Any pair of files gives beneficiaries or MALFORMED_DATA, and what parses re-encodes identically. */
class VitaleLayoutFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parse_givesBeneficiariesOrMalformedData(FuzzedDataProvider data) {
    byte[] identity = data.consumeBytes(data.consumeInt(0, 600));
    byte[] nirs = data.consumeRemainingAsBytes();
    List<VitaleBeneficiary> out;
    try {
      out = VitaleLayout.parse(identity, nirs);
    } catch (CardReaderException e) {
      if (e.code() != CardReaderException.Code.MALFORMED_DATA) {
        throw new AssertionError("unexpected code " + e.code(), e);
      }
      return;
    }
    if (out.isEmpty()) {
      throw new AssertionError("parse returned no beneficiary without an error");
    }
    List<VitaleBeneficiary> again = VitaleLayout.parse(VitaleLayout.encodeIdentityFile(out),
        VitaleLayout.encodeNirFile(out));
    if (!again.equals(out)) {
      throw new AssertionError("encode/parse round trip broken");
    }
  }
}
