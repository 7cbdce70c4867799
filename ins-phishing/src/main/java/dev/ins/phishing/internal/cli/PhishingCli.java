package dev.ins.phishing.internal.cli;

import dev.ins.core.cli.Cli;
import picocli.CommandLine.Command;

/**
 * The {@code ins-phishing} command line: a thin shell over {@link dev.ins.phishing.MailTriage}.
 *
 * <pre>
 * java -jar ins-phishing-0.1.0-cli.jar scan --in DIR
 * </pre>
 */
@Command(name = "ins-phishing", subcommands = ScanCommand.class,
    description = "Triage of a practice's incoming mail (one JSON object per line).")
public final class PhishingCli {

  /** Creates the root command (picocli). */
  PhishingCli() {}

  /**
   * Entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // SLF4J (used by Tika core) would warn on standard error that no binding is present.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(Cli.run(new PhishingCli(), System.out, System.err, args));
  }
}
