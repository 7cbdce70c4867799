package dev.ins.benchmarks.phishing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.MailTriage;
import dev.ins.phishing.Verdict;
import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.MailCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The baseline does the triage's work, not a shortcut: on the benchmark's messages it parses every
 * message and agrees with ours on the malware (both flag it) and on legitimate mail (neither flags
 * more than a few), so the ratio compares like with like.
 */
class NaiveTriageTest {

  @Test
  void naiveAndOurs_agreeOnMalwareAndOnLegitimateMail() {
    List<LabelledMail> corpus = MailCorpus.generate(42L, 300).stream().filter(m -> m.label() != LabelledMail.Label.MALFORMED).toList();
    NaiveTriage naive = new NaiveTriage();
    MailTriage ours = MailTriage.builder().authservId(MailCorpus.AUTHSERV_ID).practiceDomain(MailCorpus.PRACTICE_DOMAIN).build();
    int legit = 0;
    int naiveFalse = 0;
    for (LabelledMail m : corpus) {
      int score = naive.score(m.raw());
      if (m.label() == LabelledMail.Label.MALWARE) {
        assertTrue(score >= Verdict.DANGEROUS_FROM, m.name() + " naive " + score);
        assertTrue(ours.assess(m.raw()).verdict() == Verdict.DANGEROUS, m.name());
      } else if (m.label() == LabelledMail.Label.LEGIT) {
        legit++;
        if (score >= Verdict.SUSPICIOUS_FROM) {
          naiveFalse++;
        }
        assertTrue(ours.assess(m.raw()).verdict() == Verdict.SAFE, m.name());
      }
    }
    assertTrue(naiveFalse <= legit / 10, naiveFalse + " of " + legit + " legitimate messages flagged by the baseline");
  }
}
