package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DedupKernelTest {

  static LongStream seeds() {
    return Seeds.stream(3);
  }

  /**
   * The contract distributed engines rely on: the distinct pairs that share a blocking key (within
   * the sliding window of blocks over the cap), each scored once by the kernel, are exactly the
   * detector's output. This is a plain reimplementation with hash maps, as a Spark job does it.
   */
  static List<CandidatePair> reference(List<DedupRecord> records, double minScore, int maxBlock, int window) {
    DedupKernel k = DedupKernel.of(minScore);
    List<PreparedRecord> prepared = new ArrayList<>();
    for (DedupRecord r : records) {
      prepared.add(k.prepare(r));
    }
    Map<String, CandidatePair> pairs = new TreeMap<>();
    for (int pass = 0; pass < DedupKernel.PASSES; pass++) {
      Map<Long, List<PreparedRecord>> blocks = new HashMap<>();
      for (PreparedRecord p : prepared) {
        long key = p.blockingKey(pass);
        if (key >= 0) {
          blocks.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        long alt = pass == DedupKernel.NAME_PASS ? p.usedNameKey() : -1;
        if (alt >= 0 && alt != key) {
          blocks.computeIfAbsent(alt, x -> new ArrayList<>()).add(p);
        }
      }
      for (List<PreparedRecord> block : blocks.values()) {
        int size = block.size();
        boolean windowed = size > maxBlock;
        if (windowed) {
          block.sort(Comparator.comparingLong(PreparedRecord::windowOrder).thenComparing(PreparedRecord::id));
        }
        for (int i = 0; i < size; i++) {
          int end = windowed ? Math.min(size, i + 1 + window) : size;
          for (int j = i + 1; j < end; j++) {
            PreparedRecord a = block.get(i);
            PreparedRecord b = block.get(j);
            String key = a.id().compareTo(b.id()) < 0 ? a.id() + "|" + b.id() : b.id() + "|" + a.id();
            if (!pairs.containsKey(key)) {
              Optional<CandidatePair> p = k.score(a, b);
              p.ifPresent(x -> pairs.put(key, x));
            }
          }
        }
      }
    }
    return new ArrayList<>(pairs.values());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void scoringTheDistinctBlockedPairs_givesExactlyTheDetectorsOutput(long seed) {
    // a small cap makes the 1 January blocks and common names go through the sliding window
    List<DedupRecord> records = DedupCorpus.generate(seed, 4_000, 0.2).records();
    List<CandidatePair> detector = DuplicateDetector.builder().threads(2).maxBlockSize(8).window(4).build()
        .detect(records);
    assertEquals(reference(records, 0.85, 8, 4), detector, Seeds.describe(seed));
    assertFalse(detector.isEmpty());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void score_isSymmetric(long seed) {
    List<DedupRecord> records = DedupCorpus.generate(seed, 1_000, 0.3).records();
    DedupKernel k = DedupKernel.of(0);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i + 1 < records.size(); i++) {
      // neighbours (often planted pairs) and random pairs
      PreparedRecord a = k.prepare(records.get(i));
      PreparedRecord b = k.prepare(records.get(r.nextBoolean() ? i + 1 : r.nextInt(records.size())));
      if (a.id().equals(b.id())) {
        continue;
      }
      assertEquals(k.score(a, b), k.score(b, a), a.id() + " " + b.id() + " " + Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void detect_doesNotDependOnTheInputOrder(long seed) {
    List<DedupRecord> records = DedupCorpus.generate(seed, 4_000, 0.2).records();
    List<DedupRecord> shuffled = new ArrayList<>(records);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    DuplicateDetector d = DuplicateDetector.builder().threads(2).maxBlockSize(8).window(4).build();
    assertEquals(d.detect(records), d.detect(shuffled), Seeds.describe(seed));
  }

  @Test
  void preparedRecord_roundTripsThroughBytesAndJavaSerialisation() throws IOException, ClassNotFoundException {
    DedupKernel k = DedupKernel.of(0.85);
    for (DedupRecord r : DedupCorpus.generate(Seeds.base(), 300, 0.3).records()) {
      PreparedRecord p = k.prepare(r);
      PreparedRecord back = PreparedRecord.fromBytes(p.toBytes());
      assertSamePrepared(p, back);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(p);
        out.writeObject(k);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertSamePrepared(p, (PreparedRecord) in.readObject());
        assertEquals(0.85, ((DedupKernel) in.readObject()).minScore());
      }
    }
  }

  private static void assertSamePrepared(PreparedRecord p, PreparedRecord q) {
    assertEquals(p.id(), q.id());
    for (int pass = 0; pass < DedupKernel.PASSES; pass++) {
      assertEquals(p.blockingKey(pass), q.blockingKey(pass));
    }
    assertEquals(p.usedNameKey(), q.usedNameKey());
    assertEquals(p.windowOrder(), q.windowOrder());
    DedupKernel k = DedupKernel.of(0);
    PreparedRecord other = DedupKernel.of(0).prepare(
        DedupRecord.typed(p.id() + "x", "MARTIN", "JEAN", "1980-01-02", "M", "", "", ""));
    assertEquals(k.score(p, other), k.score(q, other));
  }

  @Test
  void preparedRecord_showsTheIdOnly() {
    PreparedRecord p = DedupKernel.of(0.85).prepare(
        DedupRecord.typed("42", "Dupont", "Jean", "1980-05-12", "M", "75056", "", ""));
    assertEquals("PreparedRecord[id=42, traits=***]", p.toString());
    assertThrows(IllegalArgumentException.class, () -> p.blockingKey(DedupKernel.PASSES));
    assertThrows(IllegalArgumentException.class, () -> DedupKernel.of(0.85).score(p, p));
    assertThrows(IllegalArgumentException.class, () -> DedupKernel.of(2));
  }

  @Test
  void candidatePairEvidence_iteratesInDeclarationOrderWhateverTheInputSet() {
    List<Evidence> all = List.of(Evidence.values());
    for (int round = 0; round < 20; round++) {
      List<Evidence> shuffled = new ArrayList<>(all);
      java.util.Collections.shuffle(shuffled, new java.util.Random(round));
      CandidatePair p = new CandidatePair("a", "b", 0.9, PairKind.DUPLICATE, new java.util.HashSet<>(shuffled));
      assertEquals(all, new ArrayList<>(p.evidence()));
      assertTrue(p.toString().contains(all.toString()), p.toString());
    }
    CandidatePair p = new CandidatePair("a", "b", 0.9, PairKind.DUPLICATE,
        java.util.Set.of(Evidence.DATE_EQUAL, Evidence.NAME_EQUAL));
    assertEquals(List.of(Evidence.NAME_EQUAL, Evidence.DATE_EQUAL), new ArrayList<>(p.evidence()));
    assertThrows(UnsupportedOperationException.class, () -> p.evidence().add(Evidence.SEX_DIFFERS));
  }
}
