package dev.ins.benchmarks.phishing;

import dev.ins.phishing.MailTriage;
import dev.ins.phishing.testing.MailCorpus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check of {@link MailTriageBenchmark} for a shared machine: the CPU time of the measuring
 * thread per message, ours and baseline alternated round by round, so that other processes' load
 * shifts neither side (wall-clock JMH figures there swing by a factor of two between runs). Not a
 * substitute for JMH on an idle machine.
 *
 * <pre>
 * java -cp ins-benchmarks/target/benchmarks.jar dev.ins.benchmarks.phishing.CpuTimeCheck [rounds]
 * </pre>
 */
public final class CpuTimeCheck {

  private CpuTimeCheck() {}

  /**
   * Runs the rounds and prints, for each, the CPU microseconds per message of both.
   *
   * @param args optional number of rounds (default 20; the first half warms up)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<byte[]> mails = MailTriageBenchmark.messages();
    MailTriage ours = MailTriage.builder().authservId(MailCorpus.AUTHSERV_ID).practiceDomain(MailCorpus.PRACTICE_DOMAIN).build();
    NaiveTriage naive = new NaiveTriage();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    double oursSum = 0;
    double naiveSum = 0;
    for (int r = 0; r < rounds; r++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      for (byte[] m : mails) {
        sink += ours.assess(m).score();
      }
      long c1 = cpu.getCurrentThreadCpuTime();
      for (byte[] m : mails) {
        sink += naive.score(m);
      }
      long c2 = cpu.getCurrentThreadCpuTime();
      double o = (c1 - c0) / 1e3 / mails.size();
      double n = (c2 - c1) / 1e3 / mails.size();
      if (r >= rounds / 2) {
        oursSum += o;
        naiveSum += n;
      }
      System.out.printf(Locale.ROOT, "round %2d: ours %6.0f us, baseline %6.0f us of CPU per message%n", r, o, n);
    }
    int measured = rounds - rounds / 2;
    System.out.printf(Locale.ROOT, "second half: ours %.0f us (%.0f messages per CPU-second), baseline %.0f us, ours / baseline %.2f (checksum %d)%n",
        oursSum / measured, 1e6 * measured / oursSum, naiveSum / measured, oursSum / naiveSum, sink);
  }
}
