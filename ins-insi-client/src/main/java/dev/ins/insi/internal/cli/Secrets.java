package dev.ins.insi.internal.cli;

import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.core.cli.SecretFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the command line takes a secret from. A secret option {@code --NAME} can be given in one of
 * three ways, exactly one at a time: {@code --NAME VALUE} (visible to other users of the machine in
 * the process list, kept because external conformance checks call it so), {@code --NAME-env VAR}
 * (read from the environment variable VAR) or {@code --NAME-file FILE} (the file's content without
 * its final line break). Messages name the option and the rule, never a value: not the secret, and
 * not the variable or file name either, since a secret put there by mistake would then be printed.
 */
final class Secrets {

  private Secrets() {}

  /**
   * Resolves the secret option {@code name}.
   *
   * @param name the option name, e.g. {@code password}
   * @param value the value given on the line, or null
   * @param variable the environment variable named by {@code --NAME-env}, or null
   * @param file the file named by {@code --NAME-file}, or null
   * @param env the environment
   * @return the secret; the caller clears it after use
   * @throws CliFailure USAGE when no source or several sources are given; INPUT when the variable is
   *     unset or the file cannot be read
   */
  static char[] resolve(String name, String value, String variable, Path file, Map<String, String> env) {
    List<String> given = new ArrayList<>();
    if (value != null) {
      given.add("--" + name);
    }
    if (variable != null) {
      given.add("--" + name + "-env");
    }
    if (file != null) {
      given.add("--" + name + "-file");
    }
    if (given.isEmpty()) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "missing --" + name + " (or --" + name + "-env VAR, --" + name
          + "-file FILE)");
    }
    if (given.size() > 1) {
      throw new CliFailure(ExitCode.USAGE, "USAGE", "give the " + name + " once, not through "
          + String.join(" and ", given));
    }
    if (value != null) {
      return value.toCharArray();
    }
    if (variable != null) {
      String v = env.get(variable);
      if (v == null) {
        throw new CliFailure(ExitCode.INPUT, "SECRET_UNAVAILABLE", "--" + name
            + "-env: the environment variable it names is not set (its name is not shown: it may be a secret)");
      }
      return v.toCharArray();
    }
    try {
      return readFile(file);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.INPUT, "SECRET_UNAVAILABLE", "--" + name + "-file: the file cannot be read ("
          + reason(e) + "; its path is not shown: it may be a secret)", e);
    }
  }

  /**
   * Reads a secret file through the SDK's shared reader ({@link SecretFile}: bounded, strict UTF-8,
   * one final line break removed; other whitespace is part of the secret).
   *
   * @param file the file
   * @return the secret
   * @throws IOException when the file cannot be read
   */
  static char[] readFile(Path file) throws IOException {
    return SecretFile.read(file);
  }

  /**
   * What to say of a secret file that was not read: the I/O exception's class, or why the shared
   * reader refused it (too large, not UTF-8); never its path.
   *
   * @param e the failure
   * @return the reason
   */
  static String reason(IOException e) {
    if (e instanceof SecretFile.UnreadableException u) {
      return u.problem() == SecretFile.Problem.UNREADABLE && u.getCause() != null
          ? u.getCause().getClass().getSimpleName() : u.getMessage();
    }
    return e.getClass().getSimpleName();
  }
}
