package dev.ins.benchmarks.phishing;

import dev.ins.phishing.Assessment;
import dev.ins.phishing.MailTriage;
import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.MailCorpus;
import java.util.List;
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

/**
 * Mail triage on typical messages, one thread (so 1e6 / score = messages per second per core):
 * {@code MailTriage.assess} vs {@link NaiveTriage}. The messages are the development corpus
 * (seed 42) without its malformed ones: legitimate mail, phishing and malware attachments, 3 to
 * 40 KB each, cycled so that the JIT cannot specialise on one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MailTriageBenchmark {

  /** The typical messages. */
  static List<byte[]> messages() {
    return MailCorpus.generate(42L, 300).stream().filter(m -> m.label() != LabelledMail.Label.MALFORMED).map(LabelledMail::raw).toList();
  }

  private byte[][] mails;
  private MailTriage triage;
  private NaiveTriage naive;
  private int i;

  /** Creates the benchmark (JMH). */
  public MailTriageBenchmark() {}

  /** Builds both triages and the corpus. */
  @Setup
  public void setUp() {
    mails = messages().toArray(new byte[0][]);
    triage = MailTriage.builder().authservId(MailCorpus.AUTHSERV_ID).practiceDomain(MailCorpus.PRACTICE_DOMAIN).build();
    naive = new NaiveTriage();
  }

  /**
   * Our triage.
   *
   * @return the assessment
   */
  @Benchmark
  public Assessment ours() {
    return triage.assess(mails[i++ % mails.length]);
  }

  /**
   * The naive triage.
   *
   * @return its score
   */
  @Benchmark
  public int baseline() {
    return naive.score(mails[i++ % mails.length]);
  }
}
