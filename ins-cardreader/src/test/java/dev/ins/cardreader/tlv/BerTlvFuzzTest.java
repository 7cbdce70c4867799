package dev.ins.cardreader.tlv;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.cardreader.CardReaderException;
import java.util.List;

/** Any bytes give TLV objects that re-encode to an equal parse, or MALFORMED_DATA; nothing else. */
class BerTlvFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parse_givesObjectsOrMalformedData(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    List<Tlv> tlvs;
    try {
      tlvs = BerTlv.parse(input);
    } catch (CardReaderException e) {
      if (e.code() != CardReaderException.Code.MALFORMED_DATA) {
        throw new AssertionError("unexpected code " + e.code(), e);
      }
      return;
    }
    if (!BerTlv.parse(BerTlv.encode(tlvs)).equals(tlvs)) {
      throw new AssertionError("encode/parse round trip broken");
    }
  }
}
