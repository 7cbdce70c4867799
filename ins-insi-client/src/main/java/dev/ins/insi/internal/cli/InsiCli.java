package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Cli;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The INSi command line, a thin shell over the public API with the SDK's conventions
 * ({@link Cli}): {@code search} (connectivity check and search by traits), {@code doctor} (checks a
 * software certificate against what INSi requires), {@code acceptance} (the CNDA-like acceptance
 * material against an embedded stub) and {@code stub} (runs the stub INSi server for non-Java
 * users, with fault injection and request recording). One JSON object on standard output per
 * command; exit codes of {@link dev.ins.core.cli.ExitCode}.
 */
@Command(name = "ins-insi", description = "INSi teleservice client, certificate doctor, acceptance toolkit and stub server.",
    subcommands = {SearchCommand.class, DoctorCommand.class, AcceptanceCommand.class, StubCommand.class})
public final class InsiCli {

  /** Where {@code --password-env} and the doctor's {@code INS_PKCS12_PASSWORD} are looked up. */
  final Map<String, String> env;
  /** Where the {@code stub} command reads its control lines. */
  final InputStream in;

  /**
   * Creates the command with the process's environment and standard input.
   *
   * @param env the environment
   * @param in the standard input
   */
  InsiCli(Map<String, String> env, InputStream in) {
    this.env = env;
    this.in = in;
  }

  /**
   * Runs the command line and exits with its status (the {@code stub} command runs until the JVM
   * is stopped).
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.getenv(), System.in);
    // A stub stopped by a signal returns here while the JVM shuts down: exiting again would block.
    if (code != 0 || args.length == 0 || !"stub".equals(args[0])) {
      System.exit(code);
    }
  }

  /**
   * Runs a command (testable without exiting).
   *
   * @param args arguments
   * @param out stdout
   * @param err stderr
   * @param env the environment
   * @param in the standard input (the {@code stub} command's control lines)
   * @return the exit status
   */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, InputStream in) {
    return Cli.run(new InsiCli(env, in), out, err, args);
  }
}
