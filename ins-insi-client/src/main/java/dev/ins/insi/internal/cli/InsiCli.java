package dev.ins.insi.internal.cli;

import dev.ins.core.cli.Json;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** ins-insi-client on the command line: {@code doctor ...}. Arguments in, one JSON object out. */
public final class InsiCli {

  private InsiCli() {}

  /**
   * Entry point.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.getenv()));
  }

  /**
   * Dispatches a command.
   *
   * @param args the command and its arguments
   * @param out where the JSON goes
   * @param env the environment
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, Map<String, String> env) {
    List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
    if (args.length > 0 && args[0].equals("doctor")) {
      return DoctorCommand.run(rest, out, env);
    }
    out.println(Json.write(Map.of("error", "usage: doctor --pkcs12 FILE [options]")));
    return 2;
  }
}
