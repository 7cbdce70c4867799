package dev.ins.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.NameNormalizer;
import dev.ins.core.matching.NirKey;
import dev.ins.core.matching.Verdict;
import dev.ins.core.testing.DedupCorpus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each benchmark's two methods compute the same answer on its inputs, so the ratio compares like with like. */
class BaselinesTest {

  @Test
  void nirKey_oursAndNaiveAgree() {
    for (String m : NirKeyBenchmark.MATRICULES) {
      assertTrue(NirKey.isValid(m), m);
      assertEquals(NirKey.isValid(m), NirKeyBenchmark.naive(m), m);
    }
  }

  @Test
  void normalize_oursAndNaiveAgreeOnNamesWithoutLigatures() {
    for (String n : NormalizeBenchmark.NAMES) {
      if (n.indexOf('Æ') < 0) {
        assertEquals(NormalizeBenchmark.naive(n), NameNormalizer.normalize(n), n);
      }
    }
  }

  @Test
  void strictVerdict_oursAndNaiveAgree() {
    StrictVerdictBenchmark b = new StrictVerdictBenchmark();
    for (int i = 0; i < 4; i++) {
      Verdict ours = b.ours();
      assertEquals(StrictVerdictBenchmark.naive(StrictVerdictBenchmark.LOCAL[i], StrictVerdictBenchmark.INSI[i]), ours, "pair " + i);
      assertEquals(i == 2 ? Verdict.INCOHERENT : Verdict.COHERENT, ours, "pair " + i);
    }
  }

  @Test
  void duke_runsOnTheCorpusAndFindsDuplicates() {
    DedupCorpus.Corpus c = DedupCorpus.generate(3, 1_000, 0.2);
    Set<String> found = DukeBaseline.run(c.records(), 2);
    long planted = c.truth().size();
    long tp = c.truth().stream().filter(t -> found.contains(t.idA() + "|" + t.idB())).count();
    assertTrue(tp > planted / 2, "Duke found " + tp + " of " + planted + " planted pairs");
  }
}
