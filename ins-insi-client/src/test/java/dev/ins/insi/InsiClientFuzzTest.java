package dev.ins.insi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.transport.TransportResponse;
import java.net.URI;
import java.util.UUID;

/**
 * Whatever INSi answers (any status, any bytes), the client returns a result or throws one of the
 * SDK's typed errors; found identities always keep the raw data.
 */
class InsiClientFuzzTest {

  private static final Traits TRAITS =
      Traits.fromTyped("ECETINSI", "PIERRE-ALAIN", BirthDate.parse("2009-07-14"), Sex.MALE, null);

  @FuzzTest(maxDuration = "15s")
  void searchByTraits_givesAResultOrATypedError(FuzzedDataProvider data) {
    int status = data.consumeBoolean() ? 200 : data.consumeInt(100, 599);
    byte[] body = data.consumeRemainingAsBytes();
    InsiClient client = InsiClient.builder()
        .environment(InsiEnvironment.STUB)
        .endpoint(URI.create("https://127.0.0.1:1/lps"))
        .software(new LpsSoftware("IDAM", "fuzz", "1", new UUID(1, 2)))
        .emitter("E")
        .retry(RetryPolicy.NONE)
        .transport(req -> new TransportResponse(status, "application/soap+xml", body))
        .build();
    try {
      InsiResult r = client.searchByTraits(TRAITS);
      if (r.attempts().isEmpty()) {
        throw new AssertionError("a result has attempts");
      }
      if (r instanceof InsiResult.Found) {
        InsiIdentity id = ((InsiResult.Found) r).identity();
        if (id.active().isValid() == !id.active().violations().isEmpty()) {
          throw new AssertionError("validity and violations disagree");
        }
      }
    } catch (InsiException expected) {
      if (expected.getMessage() == null) {
        throw new AssertionError("typed error without message");
      }
    }
  }
}
