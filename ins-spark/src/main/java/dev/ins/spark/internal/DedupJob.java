package dev.ins.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.ins.core.InsValidationException;
import dev.ins.core.Violation;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupKernel;
import dev.ins.core.matching.DedupRecord;
import dev.ins.core.matching.PreparedRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * The Spark plan of a duplicate detection.
 *
 * <ol>
 *   <li>Each row is read as the {@code dedup} command reads it ({@link DedupRecord#typed}) and
 *       prepared ({@link DedupKernel#prepare}); unreadable rows keep their rule codes and are left
 *       out; of rows sharing an id the first in input order is kept.</li>
 *   <li>Each record emits one entry per blocking pass in which it has a key ({@code pk} = pass and
 *       key). Block sizes are counted (a map-side combined aggregation) and the keys of blocks above
 *       the cap are broadcast.</li>
 *   <li>Blocks within the cap are grouped by key and every pair of each is scored.</li>
 *   <li>Oversized blocks are sorted by (key, window order, id) and ranked; rank {@code g} goes to
 *       slice {@code g / sliceSize}, and the first {@code window} records of a slice are copied to
 *       the previous one; each slice scores every record with the next {@code window} records of
 *       its block. A hot block is thus split over many tasks, with exactly the local windows.</li>
 *   <li>The pairs of all passes are deduplicated (a pair scores the same in every pass) and sorted.</li>
 * </ol>
 */
public final class DedupJob implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Prepared rows: id, input position, prepared record (null when unreadable), rule codes. */
  static final StructType PREPARED = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("pos", DataTypes.LongType, false)
      .add("rec", DataTypes.BinaryType, true)
      .add("rules", DataTypes.StringType, true);
  /** Block entries: pass and key, window order, id, prepared record. */
  static final StructType ENTRY = new StructType()
      .add("pk", DataTypes.LongType, false)
      .add("ord", DataTypes.LongType, false)
      .add("id", DataTypes.StringType, false)
      .add("rec", DataTypes.BinaryType, false);
  /** Output pairs. */
  public static final StructType PAIR = new StructType()
      .add("id_a", DataTypes.StringType, false)
      .add("id_b", DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("kind", DataTypes.StringType, false);

  private static final String[] COLUMNS = {
    "id", "birth_name", "first_names", "birth_date", "sex", "birthplace", "matricule", "used_name"
  };

  private final DedupKernel kernel;
  private final int maxBlock;
  private final int window;
  private final int slice;

  /**
   * Creates a plan builder.
   *
   * @param kernel the kernels
   * @param maxBlock block cap
   * @param window sliding window in oversized blocks
   * @param slice records per slice of the sorted oversized blocks
   */
  public DedupJob(DedupKernel kernel, int maxBlock, int window, int slice) {
    this.kernel = kernel;
    this.maxBlock = maxBlock;
    this.window = window;
    this.slice = slice;
  }

  /** A planned run: lazy pairs and the counts (computed on demand, each at most once). */
  public static final class Planned {
    private final Dataset<Row> prepared;
    private final Dataset<Row> unique;
    private final Dataset<Row> pairs;
    private final long oversized;
    private final CollectionAccumulator<Long> slices;
    private Long records;
    private Long skipped;
    private Long preparedOk;

    Planned(Dataset<Row> prepared, Dataset<Row> unique, Dataset<Row> pairs, long oversized,
        CollectionAccumulator<Long> slices) {
      this.prepared = prepared;
      this.unique = unique;
      this.pairs = pairs;
      this.oversized = oversized;
      this.slices = slices;
    }

    /**
     * The pairs, sorted.
     *
     * @return the pairs
     */
    public Dataset<Row> pairs() {
      return pairs;
    }

    /**
     * Distinct records compared.
     *
     * @return the count
     */
    public synchronized long records() {
      if (records == null) {
        records = unique.count();
      }
      return records;
    }

    /**
     * Unreadable rows.
     *
     * @return the count
     */
    public synchronized long skippedRows() {
      if (skipped == null) {
        skipped = prepared.filter(col("rec").isNull()).count();
      }
      return skipped;
    }

    /**
     * Rows left out for a repeated id.
     *
     * @return the count
     */
    public synchronized long duplicateIds() {
      if (preparedOk == null) {
        preparedOk = prepared.filter(col("rec").isNotNull()).count();
      }
      return preparedOk - records();
    }

    /**
     * Blocks above the cap.
     *
     * @return the count
     */
    public long oversizedBlocks() {
      return oversized;
    }

    /**
     * Sizes of the slices of the oversized blocks.
     *
     * @return the sizes
     */
    public List<Long> sliceSizes() {
      return List.copyOf(slices.value());
    }
  }

  /**
   * Plans the detection. Counts the block sizes (a Spark job) to find the oversized blocks.
   *
   * @param identities the input rows
   * @return the plan
   */
  public Planned plan(Dataset<Row> identities) {
    SparkSession spark = identities.sparkSession();
    DedupKernel k = kernel;
    Dataset<Row> in = identities.select(COLUMNS[0], Arrays.copyOfRange(COLUMNS, 1, COLUMNS.length))
        .withColumn("_pos", monotonically_increasing_id());
    Dataset<Row> prepared = in.map(
        (org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> prepare(k, r), Encoders.row(PREPARED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> unique = prepared.filter(col("rec").isNotNull())
        .groupBy("id").agg(min_by(col("rec"), col("pos")).as("rec"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> entries = unique.flatMap(
        (org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) DedupJob::entries, Encoders.row(ENTRY));

    // oversized blocks: counted with a map-side combine, their keys broadcast (few)
    List<Row> bigRows = entries.groupBy("pk").count().filter(col("count").gt(maxBlock)).select("pk").collectAsList();
    long[] big = new long[bigRows.size()];
    for (int i = 0; i < big.length; i++) {
      big[i] = bigRows.get(i).getLong(0);
    }
    Arrays.sort(big);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<long[]> bigKeys = jsc.broadcast(big);

    Dataset<Row> small = entries
        .filter((org.apache.spark.api.java.function.FilterFunction<Row>)
            r -> Arrays.binarySearch(bigKeys.value(), r.getLong(0)) < 0)
        .groupByKey((org.apache.spark.api.java.function.MapFunction<Row, Long>) r -> r.getLong(0), Encoders.LONG())
        .flatMapGroups(
            (org.apache.spark.api.java.function.FlatMapGroupsFunction<Long, Row, Row>) (key, rows) -> fullBlock(k, rows),
            Encoders.row(PAIR));

    CollectionAccumulator<Long> sliceSizes = spark.sparkContext().collectionAccumulator("ins.dedup.sliceSizes");
    Dataset<Row> found = small;
    if (big.length > 0) {
      int w = window;
      int c = slice;
      JavaRDD<Row> sorted = entries
          .filter((org.apache.spark.api.java.function.FilterFunction<Row>)
              r -> Arrays.binarySearch(bigKeys.value(), r.getLong(0)) >= 0)
          .sort("pk", "ord", "id")
          .javaRDD()
          .persist(StorageLevel.MEMORY_AND_DISK());
      JavaPairRDD<Long, Tuple2<Long, Row>> slices = sorted.zipWithIndex().flatMapToPair(t -> {
        long g = t._2();
        long b = g / c;
        List<Tuple2<Long, Tuple2<Long, Row>>> out = new ArrayList<>(2);
        out.add(new Tuple2<>(b, new Tuple2<>(g, t._1())));
        if (b > 0 && g % c < w) {
          out.add(new Tuple2<>(b - 1, new Tuple2<>(g, t._1())));
        }
        return out.iterator();
      });
      JavaRDD<Row> windowed = slices.groupByKey().flatMap(t -> {
        List<Tuple2<Long, Row>> members = new ArrayList<>();
        t._2().forEach(members::add);
        sliceSizes.add((long) members.size());
        return windowedSlice(k, t._1() * c, (t._1() + 1) * c, w, members).iterator();
      });
      found = found.union(spark.createDataFrame(windowed, PAIR));
    }
    Dataset<Row> pairs = found.dropDuplicates("id_a", "id_b").orderBy("id_a", "id_b");
    return new Planned(prepared, unique, pairs, big.length, sliceSizes);
  }

  private static Row prepare(DedupKernel k, Row r) {
    String[] v = new String[COLUMNS.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.isNullAt(i) ? null : r.getString(i);
    }
    long pos = r.getLong(COLUMNS.length);
    try {
      DedupRecord d = DedupRecord.typed(v[0] == null ? null : v[0].strip(), v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
      return RowFactory.create(d.id(), pos, k.prepare(d).toBytes(), null);
    } catch (InsValidationException e) {
      List<String> rules = new ArrayList<>();
      for (Violation x : e.violations()) {
        rules.add(x.field() + ":" + x.code());
      }
      return RowFactory.create(null, pos, null, String.join(";", rules));
    }
  }

  private static Iterator<Row> entries(Row r) {
    String id = r.getString(0);
    byte[] rec = (byte[]) r.get(1);
    PreparedRecord p = PreparedRecord.fromBytes(rec);
    long ord = p.windowOrder();
    List<Row> out = new ArrayList<>(DedupKernel.PASSES + 1);
    for (int pass = 0; pass < DedupKernel.PASSES; pass++) {
      long key = p.blockingKey(pass);
      if (key >= 0) {
        out.add(RowFactory.create((long) pass << 37 | key, ord, id, rec));
      }
      if (pass == DedupKernel.NAME_PASS) {
        long alt = p.usedNameKey();
        if (alt >= 0 && alt != key) {
          out.add(RowFactory.create((long) pass << 37 | alt, ord, id, rec));
        }
      }
    }
    return out.iterator();
  }

  private static Iterator<Row> fullBlock(DedupKernel k, Iterator<Row> rows) {
    List<PreparedRecord> block = new ArrayList<>();
    while (rows.hasNext()) {
      block.add(PreparedRecord.fromBytes((byte[]) rows.next().get(3)));
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < block.size(); i++) {
      for (int j = i + 1; j < block.size(); j++) {
        k.score(block.get(i), block.get(j)).ifPresent(p -> out.add(row(p)));
      }
    }
    return out.iterator();
  }

  private static List<Row> windowedSlice(DedupKernel k, long from, long to, int window,
      List<Tuple2<Long, Row>> members) {
    members.sort((x, y) -> Long.compare(x._1(), y._1()));
    int n = members.size();
    PreparedRecord[] recs = new PreparedRecord[n];
    long[] pk = new long[n];
    for (int i = 0; i < n; i++) {
      Row r = members.get(i)._2();
      pk[i] = r.getLong(0);
      recs[i] = PreparedRecord.fromBytes((byte[]) r.get(3));
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long g = members.get(i)._1();
      if (g < from || g >= to) {
        continue; // a copy of the next slice's head: only a partner here
      }
      int end = Math.min(n, i + 1 + window);
      for (int j = i + 1; j < end && pk[j] == pk[i]; j++) {
        Optional<CandidatePair> p = k.score(recs[i], recs[j]);
        p.ifPresent(x -> out.add(row(x)));
      }
    }
    return out;
  }

  private static Row row(CandidatePair p) {
    return RowFactory.create(p.idA(), p.idB(), p.score(), p.kind().name());
  }

}
