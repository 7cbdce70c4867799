package dev.ins.core.cli;

import dev.ins.core.InsSdk;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs a picocli command the way every command line of the SDK behaves: {@code --help} and
 * {@code --version} on the tool and each subcommand, unknown options refused, one JSON object on
 * standard output, and the exit codes of {@link ExitCode}.
 *
 * <p>Usage errors never echo a value given on the command line (it may be a password put in the
 * wrong place): they name the option and the rule only. A {@link CliFailure} thrown by a command
 * becomes {@code {"ok":false,"error":{"code":…,"message":…}}} with its exit code; any other
 * exception becomes {@link ExitCode#INTERNAL} without its message.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(Cli.run(new MyTool(), System.out, System.err, args));
 * }
 * }</pre>
 */
public final class Cli {

  /**
   * What an option name looks like: only such words are echoed in an error; anything else given
   * on the line (a mistyped value, a password in the wrong place) is never shown.
   */
  private static final Pattern OPTION_NAME = Pattern.compile("--[a-z][a-z0-9]*(-[a-z0-9]+)*|-[A-Za-z?]");

  private Cli() {}

  /**
   * Parses the arguments, runs the command and returns the exit status.
   *
   * @param command a picocli {@code @Command} object (its subcommands included)
   * @param out where the JSON result and help text go
   * @param err where the human-readable error lines go
   * @param args the command-line arguments
   * @return the exit status, see {@link ExitCode}
   */
  public static int run(Object command, PrintStream out, PrintStream err, String... args) {
    return commandLine(command, out, err).execute(args);
  }

  /**
   * Builds the picocli command line with the SDK's conventions, for callers that need to tune it.
   *
   * @param command a picocli {@code @Command} object
   * @param out where the JSON result and help text go
   * @param err where the human-readable error lines go
   * @return the configured command line
   */
  public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
    Objects.requireNonNull(command, "command == null");
    CommandLine cl = new CommandLine(command);
    standardOptions(cl);
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // "@file" arguments would make picocli read any file named on the line (even /dev/zero) and
    // splice its words in: the SDK's tools read only the files their options name, bounded.
    cl.setExpandAtFiles(false);
    // No clustering of short options: a stray "-hunter2" must be refused, not read as -h (help).
    cl.setPosixClusteredShortOptionsAllowed(false);
    // picocli's own Path converter drops the InvalidPathException (a path the locale cannot encode,
    // as under LANG=C from cron); this one keeps it as the cause, so the error can name the fix.
    cl.registerConverter(java.nio.file.Path.class, java.nio.file.Path::of);
    cl.setExecutionStrategy(Cli::execute);
    cl.setExitCodeExceptionMapper(t -> t instanceof CliFailure f ? f.exitCode().code() : ExitCode.INTERNAL.code());
    cl.setParameterExceptionHandler(Cli::usageError);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> failure(ex, line));
    return cl;
  }

  /**
   * Prints one JSON object (maps, lists, strings, numbers, booleans) on the command's output.
   *
   * @param spec the running command's spec (a {@code @Spec} field)
   * @param value the object to print
   */
  public static void print(CommandSpec spec, Object value) {
    PrintWriter w = spec.commandLine().getOut();
    w.println(Json.write(value));
    w.flush();
  }

  /**
   * Runs the deepest command given; a command that only groups subcommands (neither
   * {@code Runnable} nor {@code Callable}) given alone is a usage error naming its subcommands.
   */
  private static int execute(CommandLine.ParseResult parseResult) {
    Integer help = CommandLine.executeHelpRequest(parseResult);
    if (help != null) {
      return help;
    }
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    CommandLine target = last.commandSpec().commandLine();
    Object user = target.getCommand();
    if (!target.getSubcommands().isEmpty() && !(user instanceof Runnable)
        && !(user instanceof java.util.concurrent.Callable)) {
      throw new MissingCommandException(target);
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** A group command given without one of its subcommands. */
  private static final class MissingCommandException extends ParameterException {
    private static final long serialVersionUID = 1L;

    MissingCommandException(CommandLine cl) {
      super(cl, "missing command");
    }
  }

  private static String commandNames(CommandLine cl) {
    return String.join(", ", cl.getSubcommands().keySet());
  }

  private static void standardOptions(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    spec.mixinStandardHelpOptions(true);
    spec.versionProvider(() -> new String[] {spec.root().name() + " (ins-sdk " + InsSdk.version() + ")"});
    for (CommandLine sub : cl.getSubcommands().values()) {
      standardOptions(sub);
    }
  }

  private static int usageError(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String message = usageMessage(ex, args);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", "USAGE");
    error.put("message", message);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ok", false);
    result.put("error", error);
    cl.getOut().println(Json.write(result));
    cl.getOut().flush();
    PrintWriter e = cl.getErr();
    e.println(cl.getCommandSpec().qualifiedName() + ": " + message);
    e.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    e.flush();
    return ExitCode.USAGE.code();
  }

  /** Builds the usage message from the exception's structure, never from the values given. */
  static String usageMessage(ParameterException ex, String[] args) {
    if (ex instanceof MissingCommandException) {
      return "missing command: one of " + commandNames(ex.getCommandLine());
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      boolean hasCommands = !u.getCommandLine().getSubcommands().isEmpty();
      List<String> parts = new ArrayList<>();
      List<String> unmatched = u.getUnmatched();
      for (int i = 0; i < unmatched.size(); i++) {
        String arg = unmatched.get(i);
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (OPTION_NAME.matcher(name).matches()) {
          String s = "unknown option '" + name + "'";
          List<String> suggestions = u.getSuggestions();
          if (!suggestions.isEmpty()) {
            s += " (did you mean " + String.join(" or ", suggestions.stream().limit(3).toList()) + "?)";
          }
          parts.add(s);
        } else if (hasCommands && i == 0) {
          // A mistyped command name: our own names are safe to list, the word given is not shown.
          parts.add("unknown command (value not shown): one of " + commandNames(u.getCommandLine()));
        } else {
          parts.add("unexpected argument #" + (i + 1) + " (value not shown)");
        }
      }
      return parts.isEmpty() ? "unexpected arguments" : String.join("; ", parts);
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      List<String> names = new ArrayList<>();
      for (ArgSpec a : m.getMissing()) {
        boolean given = a instanceof OptionSpec o && args != null
            && java.util.Arrays.stream(args).anyMatch(x -> java.util.Arrays.asList(o.names()).contains(x));
        names.add(given ? "value for " + describe(a) : describe(a));
      }
      return "missing " + String.join(", ", names);
    }
    if (ex instanceof CommandLine.OverwrittenOptionException o) {
      return describe(o.getOverwritten()) + " given more than once";
    }
    ArgSpec spec = ex.getArgSpec();
    if (spec != null) {
      if (hasCause(ex, InvalidPathException.class)) {
        return describe(spec) + ": the path cannot be represented in this system's file-name encoding ("
            + "file.encoding/sun.jnu.encoding is " + System.getProperty("sun.jnu.encoding", "unknown")
            + "); run under a UTF-8 locale, e.g. LANG=C.UTF-8, or use an ASCII path";
      }
      return "invalid value for " + describe(spec) + " (expected " + expected(spec) + "; value not shown)";
    }
    if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
      return "options that cannot be used together were given";
    }
    return "invalid command line (see --help)";
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(ArgSpec a) {
    if (a instanceof OptionSpec o) {
      return "option '" + o.longestName() + "'";
    }
    if (a instanceof PositionalParamSpec p) {
      return "parameter " + p.paramLabel();
    }
    return "argument";
  }

  private static String expected(ArgSpec a) {
    Class<?> t = a.type();
    if (t.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : t.getEnumConstants()) {
        names.add(((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT));
      }
      return "one of " + String.join(", ", names);
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "an integer";
    }
    if (t == double.class || t == Double.class) {
      return "a number";
    }
    if (t == java.nio.file.Path.class || t == java.io.File.class) {
      return "a file path";
    }
    if (t == java.time.Duration.class) {
      return "a duration";
    }
    return a.paramLabel();
  }

  private static int failure(Exception ex, CommandLine cl) {
    Map<String, Object> error = new LinkedHashMap<>();
    ExitCode exit;
    String message;
    if (ex instanceof CliFailure f) {
      exit = f.exitCode();
      error.put("code", f.code());
      message = f.getMessage();
    } else {
      exit = ExitCode.INTERNAL;
      error.put("code", "INTERNAL");
      message = "unexpected failure (" + ex.getClass().getSimpleName() + ")";
    }
    error.put("message", message);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ok", false);
    result.put("error", error);
    cl.getOut().println(Json.write(result));
    cl.getOut().flush();
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message);
    cl.getErr().flush();
    return exit.code();
  }
}
