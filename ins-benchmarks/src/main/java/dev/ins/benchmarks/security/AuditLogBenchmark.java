package dev.ins.benchmarks.security;

import dev.ins.security.Ed25519SigningKey;
import dev.ins.security.audit.AuditEntry;
import dev.ins.security.audit.AuditLog;
import dev.ins.security.audit.AuditReport;
import dev.ins.security.audit.AuditVerifier;
import dev.ins.security.audit.Checkpoint;
import dev.ins.security.audit.MerkleTree;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Audit log: appends per second (durable, fsync each) and the time to verify a 1M-entry log. */
@Fork(1)
public class AuditLogBenchmark {

  /** Creates the benchmark (JMH). */
  public AuditLogBenchmark() {}

  private static AuditEntry entry(long i) {
    return AuditEntry.of(Instant.ofEpochMilli(1_790_000_000_000L + i), "user-" + (i % 50), "identity.read", "ps1.export.0a1b2c3d.subject-" + (i % 5000), "ok");
  }

  /** An open log in a temporary directory. */
  @State(Scope.Thread)
  public static class Appending {
    Path dir;
    AuditLog log;
    long n;

    /** Creates the state (JMH). */
    public Appending() {}

    /**
     * Opens a fresh log.
     *
     * @throws IOException on temp dir failure
     */
    @Setup(Level.Iteration)
    public void open() throws IOException {
      dir = Files.createTempDirectory("audit-bench");
      log = AuditLog.open(dir.resolve("audit.jsonl"));
    }

    /**
     * Closes and deletes it.
     *
     * @throws IOException on delete failure
     */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
      log.close();
      Files.deleteIfExists(dir.resolve("audit.jsonl"));
      Files.deleteIfExists(dir);
    }
  }

  /**
   * One durable append (written and fsynced).
   *
   * @param s the log
   * @return the index
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1, time = 2)
  @Measurement(iterations = 3, time = 3)
  public long appendDurable(Appending s) {
    return s.log.append(entry(s.n++));
  }

  /** A Merkle tree only (no disk). */
  @State(Scope.Thread)
  public static class Tree {
    final MerkleTree tree = new MerkleTree();
    long n;

    /** Creates the state (JMH). */
    public Tree() {}
  }

  /**
   * One in-memory Merkle append of a canonical entry (hashing and JSON, no disk).
   *
   * @param s the tree
   * @return the index
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1, time = 2)
  @Measurement(iterations = 3, time = 3)
  public long appendInMemory(Tree s) {
    return s.tree.append(entry(s.n++).toCanonicalJson());
  }

  /** A 1M-entry log file and its signed checkpoint. */
  @State(Scope.Benchmark)
  public static class Million {
    Path file;
    Checkpoint cp;
    Ed25519SigningKey key;

    /** Creates the state (JMH). */
    public Million() {}

    /**
     * Writes the log (buffered, not through append) and signs a checkpoint.
     *
     * @throws IOException on write failure
     */
    @Setup(Level.Trial)
    public void write() throws IOException {
      file = Files.createTempFile("audit-1m", ".jsonl");
      MerkleTree t = new MerkleTree();
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (long i = 0; i < 1_000_000; i++) {
          byte[] json = entry(i).toCanonicalJson();
          t.append(json);
          w.write(new String(json, StandardCharsets.UTF_8));
          w.write('\n');
        }
      }
      key = Ed25519SigningKey.generate();
      cp = Checkpoint.sign("bench/audit", t.size(), t.root(), "bench", key);
    }

    /**
     * Deletes the file.
     *
     * @throws IOException on delete failure
     */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Verifies the 1M-entry log against its checkpoint (parse every entry, rebuild the tree).
   *
   * @param s the log
   * @return the report
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public AuditReport verifyMillion(Million s) {
    AuditReport r = AuditVerifier.verify(s.file, List.of(s.cp), "bench", s.key.publicKey());
    if (!r.intact()) {
      throw new IllegalStateException("benchmark log not intact");
    }
    return r;
  }
}
