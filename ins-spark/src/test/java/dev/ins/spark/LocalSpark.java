package dev.ins.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for the module's tests (starting one costs seconds). */
public final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  /**
   * Returns the shared session, started on first use.
   *
   * @return a local[2] session with the UI off and few shuffle partitions
   */
  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("ins-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
