package dev.ins.benchmarks.security;

import dev.ins.security.SecretBytes;
import dev.ins.security.backup.ChunkedEncryption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Backup stream throughput: chunked encryption and decryption of 16 MiB (MB/s = 16.78 / seconds per op). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BackupStreamBenchmark {
  private static final int SIZE = 16 * 1024 * 1024;
  private final byte[] data = new byte[SIZE];
  private SecretBytes key;
  private byte[] ciphertext;

  /** Creates the benchmark (JMH). */
  public BackupStreamBenchmark() {}

  /** Prepares the key and a ciphertext. */
  @Setup
  public void setUp() {
    key = SecretBytes.random(32);
    ciphertext = ChunkedEncryption.encrypt(data, key, new byte[0]);
  }

  /**
   * Encrypts 16 MiB through the streaming writer into a discarding sink.
   *
   * @return the sink
   * @throws IOException never
   */
  @Benchmark
  public OutputStream encrypt16MiB() throws IOException {
    OutputStream sink = OutputStream.nullOutputStream();
    try (OutputStream enc = ChunkedEncryption.encryptingStream(sink, key, new byte[0])) {
      enc.write(data);
    }
    return sink;
  }

  /**
   * Decrypts and authenticates 16 MiB.
   *
   * @return bytes read
   * @throws IOException never
   */
  @Benchmark
  public long decrypt16MiB() throws IOException {
    try (InputStream in = ChunkedEncryption.decryptingStream(new ByteArrayInputStream(ciphertext), key, new byte[0])) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
