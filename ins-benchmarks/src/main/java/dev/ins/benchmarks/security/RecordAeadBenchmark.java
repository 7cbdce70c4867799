package dev.ins.benchmarks.security;

import dev.ins.security.KeyType;
import dev.ins.security.Keyset;
import dev.ins.security.RecordAead;
import dev.ins.security.RecordContext;
import dev.ins.security.SecretAccess;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Record encryption overhead: {@link RecordAead} against raw JCA AES-GCM on the same record size. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordAeadBenchmark {
  /** Record size in bytes. */
  @Param({"1024"})
  public int size;

  private byte[] record;
  private RecordAead gcm;
  private RecordAead chacha;
  private RecordContext ctx;
  private SecretKeySpec rawKey;
  private final SecureRandom random = new SecureRandom();
  private byte[] gcmCiphertext;

  /** Creates the benchmark (JMH). */
  public RecordAeadBenchmark() {}

  /** Prepares keys and the record. */
  @Setup
  public void setUp() {
    record = new byte[size];
    random.nextBytes(record);
    Keyset ks = Keyset.generate(KeyType.AES_256_GCM);
    gcm = ks.recordAead();
    chacha = Keyset.generate(KeyType.CHACHA20_POLY1305).recordAead();
    ctx = RecordContext.of("patient", "ins_matricule", "123456");
    rawKey = new SecretKeySpec(ks.primary().material().toByteArray(SecretAccess.insecure()), "AES");
    gcmCiphertext = gcm.encrypt(record, ctx);
  }

  /**
   * SDK: AES-256-GCM record encryption with key id and context binding.
   *
   * @return the ciphertext
   */
  @Benchmark
  public byte[] sdkAesGcmEncrypt() {
    return gcm.encrypt(record, ctx);
  }

  /**
   * SDK: AES-256-GCM record decryption.
   *
   * @return the plaintext
   */
  @Benchmark
  public byte[] sdkAesGcmDecrypt() {
    return gcm.decrypt(gcmCiphertext, ctx);
  }

  /**
   * SDK: ChaCha20-Poly1305 record encryption.
   *
   * @return the ciphertext
   */
  @Benchmark
  public byte[] sdkChaChaEncrypt() {
    return chacha.encrypt(record, ctx);
  }

  /**
   * Baseline: raw JCA AES-256-GCM with a random 96-bit IV and the same context bytes as AAD.
   *
   * @return the ciphertext
   * @throws GeneralSecurityException never
   */
  @Benchmark
  public byte[] jcaAesGcmEncrypt() throws GeneralSecurityException {
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, iv));
    c.updateAAD(ctx.canonicalBytes());
    return c.doFinal(record);
  }
}
