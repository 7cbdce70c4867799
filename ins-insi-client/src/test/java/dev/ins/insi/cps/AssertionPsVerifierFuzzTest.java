package dev.ins.insi.cps;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.security.testing.SyntheticPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Any text given to the assertion verifier is accepted or refused with an AssertionPsException. */
class AssertionPsVerifierFuzzTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final SyntheticPki PKI = new SyntheticPki(NOW, SyntheticPki.KeyType.RSA, true);
  private static final SyntheticPki.Issued INSI_AUTO = PKI.insiAuto();
  private static final AssertionPsVerifier VERIFIER = AssertionPsVerifier.builder()
      .trustAnchor(PKI.root).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private static final String GOOD = AssertionPsSigner.builder()
      .key(INSI_AUTO.key(), INSI_AUTO.certificate())
      .psIdentifier("899700000001").identifiantFacturation("991234567").secteurActivite("SA07")
      .codeSpecialite("SM26").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().current().xml();

  @FuzzTest(maxDuration = "15s")
  void verify_acceptsOrRefusesWithATypedProblem(FuzzedDataProvider data) {
    String xml;
    if (data.consumeBoolean()) {
      // Mutate a genuine assertion: replace one slice with fuzzed text.
      int from = data.consumeInt(0, GOOD.length());
      int to = data.consumeInt(from, Math.min(GOOD.length(), from + 40));
      xml = GOOD.substring(0, from) + data.consumeString(40) + GOOD.substring(to);
    } else {
      xml = data.consumeRemainingAsString();
    }
    try {
      VERIFIER.verify(xml);
    } catch (AssertionPsException expected) {
      if (expected.problem() == null) {
        throw new AssertionError("problem missing");
      }
    }
  }
}
