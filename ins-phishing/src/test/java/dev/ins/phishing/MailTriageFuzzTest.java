package dev.ins.phishing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ins.phishing.testing.MailCorpus;
import java.util.List;

/**
 * Any input to {@link MailTriage#assess(byte[])} gives a consistent verdict, never an exception:
 * raw bytes, and well-formed messages whose headers and body the fuzzer rewrites.
 */
class MailTriageFuzzTest {

  private static final MailTriage TRIAGE = MailTriage.builder().authservId(MailCorpus.AUTHSERV_ID)
      .practiceDomain(MailCorpus.PRACTICE_DOMAIN).limits(TriageLimits.defaults().withMaxMessageBytes(1 << 20)).build();
  private static final List<byte[]> SEEDS = MailCorpus.generate(0x5EEDL, 24).stream().map(m -> m.raw()).toList();

  @FuzzTest(maxDuration = "15s")
  void assess_givesAVerdictNeverAnException(FuzzedDataProvider data) {
    byte[] raw;
    if (data.consumeBoolean()) {
      // Splice fuzzed bytes into a realistic message so that the MIME, HTML and attachment paths run.
      byte[] base = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
      int at = data.consumeInt(0, base.length);
      byte[] insert = data.consumeBytes(4096);
      int drop = data.consumeInt(0, Math.min(256, base.length - at));
      raw = new byte[base.length - drop + insert.length];
      System.arraycopy(base, 0, raw, 0, at);
      System.arraycopy(insert, 0, raw, at, insert.length);
      System.arraycopy(base, at + drop, raw, at + insert.length, base.length - at - drop);
    } else {
      raw = data.consumeRemainingAsBytes();
    }
    Assessment a = TRIAGE.assess(raw);
    if (a.verdict() != Verdict.ofScore(a.score())) {
      throw new AssertionError("verdict inconsistent with score");
    }
    for (Reason r : a.reasons()) {
      for (char c : r.message().toCharArray()) {
        if (Character.getType(c) == Character.CONTROL) {
          throw new AssertionError("control character in a reason: " + r.code());
        }
      }
    }
    if (raw.length == 0 && !a.has(ReasonCode.MALFORMED)) {
      throw new AssertionError("an empty message is malformed");
    }
  }
}
