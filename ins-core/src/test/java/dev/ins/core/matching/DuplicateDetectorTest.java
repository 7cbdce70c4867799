package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateDetectorTest {

  static LongStream seeds() {
    return Seeds.stream(3);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void detect_onPlantedCorpus_reachesRecallAndPrecisionTargets(long seed) {
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 20_000, 0.1);
    List<CandidatePair> found = DuplicateDetector.builder().threads(2).build().detect(c.records());
    DedupCorpus.Quality q = DedupCorpus.measure(found, c.truth());
    String msg = Seeds.describe(seed) + " " + q + " missed=" + missedByPlant(c, found);
    assertTrue(q.recall() >= 0.99, "recall " + q.recall() + " " + msg);
    assertTrue(q.precision() >= 0.99, "precision " + q.precision() + " " + msg);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void detect_onAnIndependentCorpus_reachesRecallAndPrecisionTargets(long seed) {
    // every single-digit date error, day/month swaps, separator changes in names and first-name lists
    DedupCorpus.Corpus c = dev.ins.core.testing.IndependentCorpus.generate(seed, 20_000, 0.1);
    List<CandidatePair> found = DuplicateDetector.builder().threads(2).build().detect(c.records());
    DedupCorpus.Quality q = DedupCorpus.measure(found, c.truth());
    String msg = Seeds.describe(seed) + " " + q + " missed=" + missedByPlant(c, found);
    assertTrue(q.recall() >= 0.995, "recall " + q.recall() + " " + msg);
    assertTrue(q.precision() >= 0.995, "precision " + q.precision() + " " + msg);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void blocking_neverLosesAPlantedPairOfTheCoveredKinds(long seed) {
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 5_000, 0.3);
    // min score 0: every pair the blocking passes bring together is reported
    List<CandidatePair> found = DuplicateDetector.builder().minScore(0).threads(2).build().detect(c.records());
    Set<String> got = new HashSet<>();
    for (CandidatePair p : found) {
      got.add(p.idA() + "|" + p.idB());
    }
    for (DedupCorpus.Truth t : c.truth()) {
      assertTrue(got.contains(t.idA() + "|" + t.idB()), "planted " + t + " not blocked " + Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void detect_isDeterministicWhateverTheThreadCount(long seed) {
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 5_000, 0.2);
    List<CandidatePair> one = DuplicateDetector.builder().threads(1).build().detect(c.records());
    List<CandidatePair> three = DuplicateDetector.builder().threads(3).build().detect(c.records());
    assertEquals(one, three, Seeds.describe(seed));
    for (int i = 1; i < one.size(); i++) {
      CandidatePair a = one.get(i - 1);
      CandidatePair b = one.get(i);
      int cmp = a.idA().compareTo(b.idA());
      assertTrue(cmp < 0 || (cmp == 0 && a.idB().compareTo(b.idB()) < 0), "order " + Seeds.describe(seed));
    }
  }

  @Test
  void detect_onMoreKeysThanOneThreadSorts_isTheSameWithOneTwoOrThreeThreads() {
    // 20,000 persons give more than 16,384 keys per blocking pass: the passes' keys are then sorted
    // in slices on the detection threads and merged (three threads: an odd number of slices).
    DedupCorpus.Corpus c = DedupCorpus.generate(Seeds.base(), 20_000, 0.1);
    List<CandidatePair> one = DuplicateDetector.builder().threads(1).build().detect(c.records());
    assertEquals(one, DuplicateDetector.builder().threads(2).build().detect(c.records()), Seeds.describe(Seeds.base()));
    assertEquals(one, DuplicateDetector.builder().threads(3).build().detect(c.records()), Seeds.describe(Seeds.base()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void collisions_areReportedAsCollisions(long seed) {
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 20_000, 0.05);
    List<CandidatePair> found = DuplicateDetector.builder().build().detect(c.records());
    Map<String, PairKind> kinds = new java.util.HashMap<>();
    for (CandidatePair p : found) {
      kinds.put(p.idA() + "|" + p.idB(), p.kind());
    }
    int collisions = 0;
    for (DedupCorpus.Truth t : c.truth()) {
      PairKind expected = t.plant() == DedupCorpus.Plant.COLLISION ? PairKind.COLLISION : PairKind.DUPLICATE;
      if (t.plant() == DedupCorpus.Plant.COLLISION) {
        collisions++;
        assertEquals(expected, kinds.get(t.idA() + "|" + t.idB()), t + " " + Seeds.describe(seed));
      }
    }
    assertTrue(collisions > 0, "the corpus plants collisions " + Seeds.describe(seed));
  }

  @Test
  void sameTraitsDifferentMatricules_isAPotentialDuplicate() {
    DedupRecord a = DedupRecord.typed("a", "Dupont", "Jean", "1980-05-12", "M", "75056", "180057505600167", "");
    DedupRecord b = DedupRecord.typed("b", "DUPONT", "JEAN", "1980-05-12", "M", "75056", "", "");
    DedupRecord c = DedupRecord.typed("c", "Martin", "Paul", "1990-01-02", "M", "13055", "180057505600167", "");
    List<CandidatePair> pairs = DuplicateDetector.builder().build().detect(List.of(a, b, c));
    assertEquals(2, pairs.size(), pairs.toString());
    assertEquals(new CandidatePair("a", "b", 1.0, PairKind.DUPLICATE,
        Set.of(Evidence.NAME_EQUAL, Evidence.FIRST_NAME_EQUAL, Evidence.DATE_EQUAL)), pairs.get(0));
    assertEquals("a", pairs.get(1).idA());
    assertEquals("c", pairs.get(1).idB());
    assertEquals(PairKind.COLLISION, pairs.get(1).kind());
    assertTrue(pairs.get(1).evidence().contains(Evidence.SAME_MATRICULE));
  }

  @Test
  void swappedNamesAndDateTypos_areExplained() {
    DedupRecord a = DedupRecord.typed("1", "Lebrun", "Camille", "1975-03-08", "F", "", "", "");
    DedupRecord b = DedupRecord.typed("2", "Camille", "Lebrun", "1975-03-08", "F", "", "", "");
    DedupRecord c = DedupRecord.typed("3", "Le-Brun", "Camille", "1975-08-03", "F", "", "", "");
    List<CandidatePair> pairs = DuplicateDetector.builder().build().detect(List.of(a, b, c));
    Map<String, CandidatePair> byPair = new java.util.HashMap<>();
    pairs.forEach(p -> byPair.put(p.idA() + p.idB(), p));
    assertTrue(byPair.get("12").evidence().contains(Evidence.NAMES_SWAPPED), pairs.toString());
    assertTrue(byPair.get("13").evidence().contains(Evidence.DATE_DAY_MONTH_SWAPPED), pairs.toString());
    assertTrue(byPair.get("13").evidence().contains(Evidence.NAME_EQUAL), "hyphen ignored: " + pairs);
  }

  @Test
  void progressListener_seesEveryPhaseInOrder() {
    DedupCorpus.Corpus c = DedupCorpus.generate(1, 2_000, 0.1);
    List<DetectionPhase> phases = new ArrayList<>();
    DuplicateDetector.builder().progressListener(p -> {
      if (phases.isEmpty() || phases.get(phases.size() - 1) != p.phase()) {
        phases.add(p.phase());
      }
    }).build().detect(c.records());
    assertEquals(List.of(DetectionPhase.READING, DetectionPhase.SCORING, DetectionPhase.EMITTING, DetectionPhase.DONE), phases);
  }

  @Test
  void duplicateIds_areRejected() {
    DedupRecord a = DedupRecord.typed("x", "A", "B", "", "", "", "", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DuplicateDetector.builder().build().detect(List.of(a, a)));
    assertTrue(e.getMessage().contains("duplicate record id"), e.getMessage());
  }

  @Test
  void oversizedBlocks_areCountedAndStillCompareNeighbours() {
    List<DedupRecord> same = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      same.add(DedupRecord.typed(String.format("r%03d", i), "MARTIN", "JEAN", "1950-01-01", "M", "", "", ""));
    }
    List<CandidatePair> out = new ArrayList<>();
    DetectionSummary s = DuplicateDetector.builder().maxBlockSize(10).window(3).build()
        .detect(same.iterator(), out::add);
    assertTrue(s.oversizedBlocks() > 0, s.toString());
    assertTrue(out.size() >= 49 && out.size() < 50 * 49 / 2, "windowed: " + out.size());
  }

  @Test
  void builder_failsFast() {
    assertThrows(IllegalArgumentException.class, () -> DuplicateDetector.builder().threads(0));
    assertThrows(IllegalArgumentException.class, () -> DuplicateDetector.builder().minScore(1.5));
    assertThrows(IllegalArgumentException.class, () -> DuplicateDetector.builder().maxBlockSize(1));
    assertThrows(IllegalArgumentException.class, () -> DuplicateDetector.builder().window(0));
  }

  private static Map<DedupCorpus.Plant, Integer> missedByPlant(DedupCorpus.Corpus c, List<CandidatePair> found) {
    Set<String> got = new HashSet<>();
    for (CandidatePair p : found) {
      got.add(p.idA() + "|" + p.idB());
    }
    Map<DedupCorpus.Plant, Integer> m = new EnumMap<>(DedupCorpus.Plant.class);
    for (DedupCorpus.Truth t : c.truth()) {
      if (!got.contains(t.idA() + "|" + t.idB())) {
        m.merge(t.plant(), 1, Integer::sum);
      }
    }
    return m;
  }
}
