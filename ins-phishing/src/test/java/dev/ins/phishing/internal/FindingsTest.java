package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.phishing.Assessment;
import dev.ins.phishing.ReasonCode;
import dev.ins.phishing.Verdict;
import org.junit.jupiter.api.Test;

class FindingsTest {

  @Test
  void eachCodeCountsOnceWithItsHeaviestReason() {
    Findings f = new Findings();
    f.add(ReasonCode.LINK_SHORTENER, 15, "a");
    f.add(ReasonCode.LINK_SHORTENER, 15, "b");
    f.add(ReasonCode.LINK_TEXT_MISMATCH, 35, "c");
    f.add(ReasonCode.LINK_TEXT_MISMATCH, 50, "d");
    Assessment a = f.assessment();
    assertEquals(65, a.score());
    assertEquals(4, a.reasons().size());
    assertEquals(Verdict.SUSPICIOUS, a.verdict());
  }

  @Test
  void lureWordingTogetherIsCapped() {
    Findings f = new Findings();
    f.add(ReasonCode.LURE_URGENCY, 8, "a");
    f.add(ReasonCode.LURE_SUSPENSION, 10, "b");
    f.add(ReasonCode.LURE_CREDENTIALS, 12, "c");
    f.add(ReasonCode.LURE_BANK_DETAILS, 12, "d");
    assertEquals(ReasonCode.LURE_CAP, f.assessment().score());
    f.add(ReasonCode.LINK_SHORTENER, 15, "e");
    assertEquals(ReasonCode.LURE_CAP + 15, f.assessment().score());
  }

  @Test
  void scoreIsCappedAt100_andDecisiveOrFloorPointsSetTheVerdict() {
    Findings f = new Findings();
    f.add(ReasonCode.ATTACHMENT_EXECUTABLE, ReasonCode.DECISIVE, "a");
    assertEquals(Verdict.DANGEROUS, f.assessment().verdict());
    f.add(ReasonCode.ATTACHMENT_MACRO, ReasonCode.DECISIVE, "b");
    assertEquals(100, f.assessment().score());
    Findings m = new Findings();
    m.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "x");
    assertEquals(Verdict.SUSPICIOUS, m.assessment().verdict());
  }

  @Test
  void identicalMessagesAreKeptOnce_andAtMostFivePerCode() {
    Findings f = new Findings();
    for (int i = 0; i < 3; i++) {
      f.add(ReasonCode.LINK_IP_HOST, 30, "same");
    }
    for (int i = 0; i < 10; i++) {
      f.add(ReasonCode.LINK_SHORTENER, 15, "s" + i);
    }
    Assessment a = f.assessment();
    assertEquals(1, a.reasons().stream().filter(r -> r.code() == ReasonCode.LINK_IP_HOST).count());
    assertEquals(Findings.PER_CODE, a.reasons().stream().filter(r -> r.code() == ReasonCode.LINK_SHORTENER).count());
  }
}
