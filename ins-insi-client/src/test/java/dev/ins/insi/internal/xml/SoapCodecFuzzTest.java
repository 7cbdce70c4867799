package dev.ins.insi.internal.xml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes given to the envelope readers give a parsed message or a typed {@link XmlProblem}. */
class SoapCodecFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void readResponse_givesAResponseOrATypedProblem(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      SoapMessages.Response r = SoapCodec.get().readResponse(bytes, SoapCodec.DEFAULT_MAX_BYTES);
      if ((r.result() == null) == (r.fault() == null)) {
        throw new AssertionError("exactly one of result and fault must be set");
      }
    } catch (XmlProblem expected) {
      if (expected.reason() == null) {
        throw new AssertionError("problem without reason");
      }
    }
  }

  @FuzzTest(maxDuration = "15s")
  void readRequest_givesARequestOrATypedProblem(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      SoapMessages.Request r = SoapCodec.get().readRequest(bytes, SoapCodec.DEFAULT_MAX_BYTES);
      if (r.body() == null) {
        throw new AssertionError("a request always has a body");
      }
    } catch (XmlProblem expected) {
      if (expected.reason() == null) {
        throw new AssertionError("problem without reason");
      }
    }
  }
}
