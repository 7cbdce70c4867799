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
    // parseEach never throws on data, and has an error element exactly when parse fails.
    boolean broken = false;
    for (BerTlv.Element e : BerTlv.parseEach(input)) {
      if (e.error() != null) {
        if (e.error().code() != CardReaderException.Code.MALFORMED_DATA) {
          throw new AssertionError("unexpected code " + e.error().code(), e.error());
        }
        broken = true;
      }
    }
    List<Tlv> tlvs;
    try {
      tlvs = BerTlv.parse(input);
    } catch (CardReaderException e) {
      if (e.code() != CardReaderException.Code.MALFORMED_DATA) {
        throw new AssertionError("unexpected code " + e.code(), e);
      }
      if (!broken) {
        throw new AssertionError("parse failed but parseEach found no malformed element", e);
      }
      return;
    }
    if (broken) {
      throw new AssertionError("parseEach found a malformed element that parse accepted");
    }
    if (!BerTlv.parse(BerTlv.encode(tlvs)).equals(tlvs)) {
      throw new AssertionError("encode/parse round trip broken");
    }
  }
}
