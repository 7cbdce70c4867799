package dev.ins.spark.internal.cli;

import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.PairKind;
import dev.ins.spark.SparkDedup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ins-spark} command line: the {@code dedup} command as a Spark job.
 *
 * <pre>
 * java -jar ins-spark-VERSION-cli.jar dedup --in IDENTITIES.csv --out PAIRS.csv [--master local[N]]
 * spark-submit --class dev.ins.spark.internal.cli.SparkCli ins-spark-VERSION-job.jar dedup --in … --out …
 * </pre>
 */
@Command(name = "ins-spark", description = "Identity deduplication on Apache Spark.",
    subcommands = SparkCli.Dedup.class)
public final class SparkCli implements Runnable {

  @Spec
  CommandSpec spec;

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    quietLoggingUnlessConfigured();
    System.exit(Cli.run(new SparkCli(), System.out, System.err, args));
  }

  /** The class path resource of the command line's default logging (WARN on standard error). */
  static final String CLI_LOGGING = "dev/ins/spark/internal/cli/log4j2-cli.properties";

  /** The file names log4j2 looks for on the class path when no configuration file is given. */
  private static final String[] LOG4J2_DEFAULT_NAMES = {
      "log4j2-test.properties", "log4j2-test.yaml", "log4j2-test.yml", "log4j2-test.json", "log4j2-test.jsn",
      "log4j2-test.xml", "log4j2.properties", "log4j2.yaml", "log4j2.yml", "log4j2.json", "log4j2.jsn",
      "log4j2.xml"};

  /**
   * Without any log4j2 configuration, Spark installs its own defaults at INFO, dozens of lines on
   * standard error for one run. When the user or the cluster configures nothing (no
   * {@code log4j2.configurationFile}, no log4j2 file on the class path), the command line logs
   * warnings and errors only; any configuration of theirs wins.
   */
  static void quietLoggingUnlessConfigured() {
    defaultLogging(SparkCli.class.getClassLoader(), System::getProperty, System::getenv)
        .ifPresent(file -> System.setProperty("log4j2.configurationFile", file));
  }

  /**
   * The logging configuration the command line installs: {@link #CLI_LOGGING} when log4j2 would
   * otherwise find none, empty when the user or the cluster configured it.
   *
   * @param loader the class loader log4j2 searches
   * @param properties system properties
   * @param environment environment variables
   * @return the configuration file to set, or empty
   */
  static Optional<String> defaultLogging(ClassLoader loader,
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    if (properties.apply("log4j2.configurationFile") != null || properties.apply("log4j.configurationFile") != null
        || environment.apply("LOG4J_CONFIGURATION_FILE") != null) {
      return Optional.empty();
    }
    for (String name : LOG4J2_DEFAULT_NAMES) {
      if (loader.getResource(name) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(CLI_LOGGING);
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
  }

  /** {@code dedup}: the same input, output and scores as the local {@code dedup} command. */
  @Command(name = "dedup", description = {
      "Finds candidate duplicates and matricule collisions, as the local dedup command does.",
      "Input: CSV with the header " + SparkDedup.INPUT_COLUMNS + " (or Parquet with those string columns).",
      "Output: CSV id_a,id_b,score,kind (or a Parquet directory when the path ends with .parquet)."})
  static final class Dedup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "IDENTITIES", description = "CSV file, or .parquet")
    String in;

    @Option(names = "--out", required = true, paramLabel = "PAIRS", description = "CSV file, or .parquet directory")
    String out;

    @Option(names = "--master", paramLabel = "MASTER",
        description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--min-score", paramLabel = "S", description = "minimum duplicate score (default 0.85)")
    double minScore = 0.85;

    @Option(names = "--max-block", paramLabel = "N", description = "largest block compared in full (default 500)")
    int maxBlock = 500;

    @Option(names = "--window", paramLabel = "N", description = "window in larger blocks (default 25)")
    int window = 25;

    @Option(names = "--slice", paramLabel = "N", description = "records of large blocks per task (default 10000)")
    int slice = 10_000;

    @Option(names = "--partitions", paramLabel = "N",
        description = "shuffle partitions (default: 4 per core on a local master, else Spark's setting)")
    Integer partitions;

    @Override
    public Integer call() {
      SparkDedup job;
      try {
        job = SparkDedup.builder().minScore(minScore).maxBlockSize(maxBlock).window(window).sliceSize(slice).build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliFailure(ExitCode.USAGE, "USAGE", e.getMessage());
      }
      boolean parquetIn = isParquet(in);
      if (!parquetIn && !in.contains("://") && !Files.isRegularFile(Path.of(in))) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--in: no such file");
      }
      if (partitions != null && partitions < 1) {
        throw new CliFailure(ExitCode.USAGE, "USAGE", "--partitions must be at least 1");
      }
      SparkSession.Builder b = SparkSession.builder().appName("ins-dedup")
          .config("spark.ui.enabled", "false")
          .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
      String m = master;
      if (m == null && !new org.apache.spark.SparkConf().contains("spark.master")) {
        m = "local[*]";
      }
      if (m != null) {
        b.master(m);
      }
      if (partitions != null) {
        b.config("spark.sql.shuffle.partitions", partitions.toString());
      } else if (m != null && m.startsWith("local")) {
        // Spark's default of 200 shuffle partitions is made for clusters; locally it only adds tasks.
        b.config("spark.sql.shuffle.partitions", Integer.toString(4 * localCores(m)));
      }
      // In a process that already runs Spark (a notebook, a test), use its session and leave it running.
      boolean ours = SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = b.getOrCreate();
      try {
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> identities = parquetIn ? spark.read().parquet(in) : readCsv(spark, in);
        SparkDedup.Run run;
        try {
          run = job.detect(identities);
        } catch (IllegalArgumentException e) {
          throw new CliFailure(ExitCode.INPUT, "BAD_COLUMNS", "--in: " + e.getMessage());
        }
        long pairs = isParquet(out) ? writeParquet(run.pairs(), out) : writeCsv(run.pairs(), Path.of(out));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", run.records());
        json.put("skippedRows", run.skippedRows());
        json.put("duplicateIds", run.duplicateIds());
        json.put("pairs", pairs);
        json.put("oversizedBlocks", run.oversizedBlocks());
        json.put("out", out);
        Cli.print(spec, json);
        return ExitCode.DONE.code();
      } finally {
        if (ours) {
          spark.stop();
        }
      }
    }

    /** The cores of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]} all. */
    static int localCores(String master) {
      java.util.regex.Matcher x = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?\\]").matcher(master);
      if (x.matches() && !x.group(1).equals("*")) {
        return Math.max(1, Integer.parseInt(x.group(1)));
      }
      return master.equals("local") ? 1 : Runtime.getRuntime().availableProcessors();
    }

    private static boolean isParquet(String path) {
      return path.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    private static Dataset<Row> readCsv(SparkSession spark, String path) {
      String header = spark.read().textFile(path).first();
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!header.equals(SparkDedup.INPUT_COLUMNS)) {
        throw new CliFailure(ExitCode.INPUT, "BAD_HEADER", "line 1: expected the header " + SparkDedup.INPUT_COLUMNS);
      }
      StructType schema = new StructType();
      for (String c : SparkDedup.INPUT_COLUMNS.split(",")) {
        schema = schema.add(c, DataTypes.StringType, true);
      }
      // RFC 4180: a doubled quote inside a quoted field is one quote; values are kept as typed.
      return spark.read().option("header", "true").option("escape", "\"").option("encoding", "UTF-8")
          .schema(schema).csv(path);
    }

    private static long writeParquet(Dataset<Row> pairs, String path) {
      pairs.write().mode(SaveMode.Overwrite).parquet(path);
      return pairs.sparkSession().read().parquet(path).count();
    }

    private static long writeCsv(Dataset<Row> pairs, Path path) {
      long n = 0;
      try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        w.write("id_a,id_b,score,kind\n");
        Iterator<Row> it = pairs.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          CandidatePair p = new CandidatePair(r.getString(0), r.getString(1), r.getDouble(2),
              PairKind.valueOf(r.getString(3)), Set.of());
          w.write(quote(p.idA()) + "," + quote(p.idB()) + "," + p.scoreText() + "," + p.kind().name() + "\n");
          n++;
        }
      } catch (IOException e) {
        throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--out: cannot write the file", e);
      }
      return n;
    }

    private static String quote(String s) {
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
        return s;
      }
      return '"' + s.replace("\"", "\"\"") + '"';
    }
  }

  /**
   * Runs with explicit streams (tests).
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return Cli.run(new SparkCli(), out, err, args);
  }
}
