package dev.ins.phishing.eval;

import dev.ins.phishing.Assessment;
import dev.ins.phishing.MailTriage;
import dev.ins.phishing.Verdict;
import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.LabelledMail.Label;
import dev.ins.phishing.testing.MailCorpus;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a labelled corpus: detection of phishing and malware (not SAFE), false positives (legit
 * not SAFE), malware marked DANGEROUS, malformed at least SUSPICIOUS, and the verdicts per kind.
 *
 * <p>{@code main} prints the Markdown table of the README:
 * {@code java -cp ... dev.ins.phishing.eval.Evaluation [seed] [count]}.
 */
public final class Evaluation {

  /** Verdict counts of one kind. */
  static final class Counts {
    final Label label;
    final int[] verdicts = new int[3];

    Counts(Label label) {
      this.label = label;
    }

    int total() {
      return verdicts[0] + verdicts[1] + verdicts[2];
    }
  }

  final Map<String, Counts> byKind = new TreeMap<>();
  final Map<Label, Counts> byLabel = new EnumMap<>(Label.class);

  /** The triage as the evaluated practice would configure it. */
  static MailTriage triage() {
    MailTriage.Builder b = MailTriage.builder().authservId(EvalCorpus.MX).practiceDomain(EvalCorpus.PRACTICE);
    EvalCorpus.TRUSTED.forEach(b::trustedDomain);
    return b.build();
  }

  /** The triage configured for {@link MailCorpus}, the development corpus. */
  static MailTriage developmentTriage() {
    MailTriage.Builder b = MailTriage.builder().authservId(MailCorpus.AUTHSERV_ID).practiceDomain(MailCorpus.PRACTICE_DOMAIN);
    MailCorpus.TRUSTED_DOMAINS.forEach(b::trustedDomain);
    return b.build();
  }

  static Evaluation run(MailTriage triage, List<LabelledMail> corpus) {
    return run(triage, corpus, java.util.Set.of());
  }

  /** Scores the messages whose kind is not excluded. */
  static Evaluation run(MailTriage triage, List<LabelledMail> corpus, java.util.Set<String> excludedKinds) {
    Evaluation e = new Evaluation();
    for (LabelledMail m : corpus) {
      if (excludedKinds.contains(m.kind())) {
        continue;
      }
      Assessment a = triage.assess(m.raw());
      e.byKind.computeIfAbsent(m.kind(), k -> new Counts(m.label())).verdicts[a.verdict().ordinal()]++;
      e.byLabel.computeIfAbsent(m.label(), Counts::new).verdicts[a.verdict().ordinal()]++;
    }
    return e;
  }

  private double notSafe(Label... labels) {
    int hit = 0;
    int all = 0;
    for (Label l : labels) {
      Counts c = byLabel.get(l);
      if (c != null) {
        hit += c.verdicts[1] + c.verdicts[2];
        all += c.total();
      }
    }
    return all == 0 ? Double.NaN : (double) hit / all;
  }

  /** Phishing and malware not SAFE. */
  double detection() {
    return notSafe(Label.PHISHING, Label.MALWARE);
  }

  /**
   * Detection of one kind (not SAFE).
   *
   * @param kind the kind
   * @return the share of its messages not SAFE, NaN when absent
   */
  double detection(String kind) {
    Counts c = byKind.get(kind);
    return c == null ? Double.NaN : (double) (c.verdicts[1] + c.verdicts[2]) / c.total();
  }

  /** Legitimate mail not SAFE. */
  double falsePositives() {
    return notSafe(Label.LEGIT);
  }

  /** Malware marked DANGEROUS. */
  double malwareDangerous() {
    Counts c = byLabel.get(Label.MALWARE);
    return c == null ? Double.NaN : (double) c.verdicts[Verdict.DANGEROUS.ordinal()] / c.total();
  }

  /** Malformed messages at least SUSPICIOUS. */
  double malformedFlagged() {
    return notSafe(Label.MALFORMED);
  }

  String table() {
    StringBuilder b = new StringBuilder("| Kind | Label | n | SAFE | SUSPICIOUS | DANGEROUS | correct |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Counts> e : byKind.entrySet()) {
      Counts c = e.getValue();
      int ok = switch (c.label) {
        case LEGIT -> c.verdicts[0];
        case MALWARE -> c.verdicts[2];
        default -> c.verdicts[1] + c.verdicts[2];
      };
      b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.2f |%n", e.getKey(), c.label, c.total(), c.verdicts[0],
          c.verdicts[1], c.verdicts[2], (double) ok / c.total()));
    }
    return b.toString();
  }

  String summary() {
    return String.format(Locale.ROOT, "detection %.4f (phishing+malware=%d), false positives %.4f (legit=%d), malware DANGEROUS %.4f (malware=%d),"
        + " malformed flagged %.4f", detection(), count(Label.PHISHING) + count(Label.MALWARE), falsePositives(), count(Label.LEGIT),
        malwareDangerous(), count(Label.MALWARE), malformedFlagged());
  }

  private int count(Label l) {
    Counts c = byLabel.get(l);
    return c == null ? 0 : c.total();
  }

  /**
   * Prints the evaluation of the independent corpus.
   *
   * @param args optional seed and count
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.decode(args[0]) : EvaluationTest.SEED;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : EvaluationTest.COUNT;
    List<LabelledMail> corpus = EvalCorpus.generate(seed, count);
    MailTriage triage = triage();
    Evaluation e = run(triage, corpus);
    System.out.println("seed " + seed + ", " + count + " messages");
    System.out.println("all kinds: " + e.summary());
    System.out.println("kinds the issue's signals cover: " + run(triage, corpus, EvalCorpus.OUT_OF_SCOPE).summary());
    System.out.print(e.table());
  }
}
