package dev.ins.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import dev.ins.core.matching.DuplicateDetector;
import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkDedupTest {

  static Dataset<Row> dataset(List<DedupCorpus.Row> rows) {
    StructType schema = new StructType();
    for (String c : SparkDedup.INPUT_COLUMNS.split(",")) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> data = new ArrayList<>();
    for (DedupCorpus.Row r : rows) {
      data.add(RowFactory.create(r.id(), blankToNull(r.birthName()), blankToNull(r.firstNames()), r.birthDate(), r.sex(),
          r.birthplace(), blankToNull(r.matricule()), blankToNull(r.usedName())));
    }
    return LocalSpark.get().createDataFrame(data, schema).repartition(3);
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Pairs as the dedup command prints them: {@code id_a,id_b,score,kind}. */
  static List<String> printed(List<CandidatePair> pairs) {
    List<String> out = new ArrayList<>();
    for (CandidatePair p : pairs) {
      out.add(p.idA() + "," + p.idB() + "," + p.scoreText() + "," + p.kind());
    }
    return out;
  }

  static List<String> printed(Dataset<Row> pairs) {
    List<CandidatePair> out = new ArrayList<>();
    for (Row r : pairs.collectAsList()) {
      out.add(new CandidatePair(r.getString(0), r.getString(1), r.getDouble(2),
          dev.ins.core.matching.PairKind.valueOf(r.getString(3)), java.util.Set.of()));
    }
    return printed(out);
  }

  @Test
  void sparkJob_findsExactlyTheLocalEnginesPairsKindsAndPrintedScores() {
    long seed = Seeds.base();
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 3_000, 0.2);
    // a small cap and slices make the 1 January blocks and common names go through the split path
    List<CandidatePair> local = DuplicateDetector.builder().threads(2).maxBlockSize(2).window(2).build()
        .detect(c.records());
    SparkDedup.Run run = SparkDedup.builder().maxBlockSize(2).window(2).sliceSize(8).build().detect(dataset(c.rows()));
    List<String> spark = printed(run.pairs());
    assertEquals(printed(local), spark, Seeds.describe(seed));
    assertTrue(local.size() > 500, "the corpus plants pairs: " + local.size());
    assertTrue(run.oversizedBlocks() > 0, "the split path ran");
    assertEquals(c.rows().size(), run.records());
    assertEquals(0, run.skippedRows());
    assertEquals(0, run.duplicateIds());
  }

  @Test
  void sparkJob_withTheDefaults_isTheLocalEngine() {
    long seed = Seeds.base() + 1;
    DedupCorpus.Corpus c = DedupCorpus.generate(seed, 3_000, 0.1);
    List<CandidatePair> local = DuplicateDetector.builder().threads(2).build().detect(c.records());
    assertEquals(printed(local), printed(SparkDedup.builder().build().detect(dataset(c.rows())).pairs()),
        Seeds.describe(seed));
  }

  @Test
  void aHotBlock_isSplitOverManyTasks_withTheLocalWindows() {
    // 1,200 records with one very common name and date: one block of every date pass
    List<DedupCorpus.Row> rows = new ArrayList<>();
    String[] firsts = {"JEAN", "MARIE", "PAUL", "ANNE", "LOUIS", "CLAIRE", "PIERRE", "JULIE"};
    for (int i = 0; i < 1_200; i++) {
      rows.add(new DedupCorpus.Row(String.format("H%05d", i), "MARTIN", firsts[i % 8] + (i % 3 == 0 ? "" : " " + firsts[(i / 8) % 8]),
          "1950-01-01", i % 2 == 0 ? "M" : "F", i % 5 == 0 ? "" : "75056", "", ""));
    }
    DedupCorpus.Corpus c = DedupCorpus.generate(Seeds.base(), 500, 0.1);
    rows.addAll(c.rows());
    List<DedupRecord> records = new ArrayList<>();
    for (DedupCorpus.Row r : rows) {
      records.add(r.toRecord());
    }
    int maxBlock = 50;
    int window = 5;
    int slice = 100;
    List<CandidatePair> local = DuplicateDetector.builder().threads(2).maxBlockSize(maxBlock).window(window).build()
        .detect(records);
    SparkDedup.Run run = SparkDedup.builder().maxBlockSize(maxBlock).window(window).sliceSize(slice).build()
        .detect(dataset(rows));
    assertEquals(printed(local), printed(run.pairs()));
    List<Long> slices = run.sliceSizes();
    // the hot block alone is 1,200 records in each of several passes: cut into slices of 100 (+5)
    assertTrue(slices.size() >= 12, "slices " + slices.size());
    for (long s : slices) {
      assertTrue(s <= slice + window, "a slice of " + s + " records");
    }
  }

  @Test
  void unreadableRowsAndRepeatedIds_areLeftOutAndCounted() {
    List<DedupCorpus.Row> rows = new ArrayList<>(DedupCorpus.generate(Seeds.base(), 200, 0.3).rows());
    DedupCorpus.Row first = rows.get(0);
    rows.add(new DedupCorpus.Row(first.id(), "OTHER", "NAME", "1990-01-01", "M", "", "", ""));
    rows.add(new DedupCorpus.Row("bad1", "D0PONT", "JEAN", "1990-01-01", "M", "", "", ""));
    rows.add(new DedupCorpus.Row("bad2", "DUPONT", "JEAN", "1990-13-01", "M", "", "", ""));
    SparkDedup.Run run = SparkDedup.builder().build().detect(dataset(rows).coalesce(1));
    run.pairs().count();
    assertEquals(2, run.skippedRows());
    assertEquals(1, run.duplicateIds());
    assertEquals(rows.size() - 3, run.records());
  }

  @Test
  void builder_failsFast_andMissingColumnsAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> SparkDedup.builder().minScore(2));
    assertThrows(IllegalArgumentException.class, () -> SparkDedup.builder().maxBlockSize(1));
    assertThrows(IllegalArgumentException.class, () -> SparkDedup.builder().window(0));
    assertThrows(IllegalArgumentException.class, () -> SparkDedup.builder().sliceSize(1));
    assertThrows(IllegalStateException.class, () -> SparkDedup.builder().window(50).sliceSize(10).build());
    Dataset<Row> noSex = dataset(DedupCorpus.generate(1, 10, 0).rows()).drop("sex");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkDedup.builder().build().detect(noSex));
    assertTrue(e.getMessage().contains("missing input column sex"), e.getMessage());
  }
}
