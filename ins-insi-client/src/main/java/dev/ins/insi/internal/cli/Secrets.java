package dev.ins.insi.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the command line takes a secret from. A secret option {@code --NAME} can be given in one of
 * three ways, exactly one at a time: {@code --NAME VALUE} (visible to other users of the machine in
 * the process list, kept because external conformance checks call it so), {@code --NAME-env VAR}
 * (read from the environment variable VAR) or {@code --NAME-file FILE} (the file's content without
 * its final line break). Error messages name the option, the variable or the file, never the secret.
 */
final class Secrets {

  private Secrets() {}

  /**
   * Resolves the secret option {@code name} from parsed options.
   *
   * @param options the parsed {@code --key value} options, keys without the dashes
   * @param name the option name, e.g. {@code password}
   * @param env the environment
   * @return the secret; the caller clears it after use
   * @throws IllegalArgumentException when no source or several sources are given, the variable is
   *     unset or the file cannot be read
   */
  static char[] resolve(Map<String, String> options, String name, Map<String, String> env) {
    List<String> given = new ArrayList<>();
    for (String suffix : new String[] {"", "-env", "-file"}) {
      if (options.containsKey(name + suffix)) {
        given.add("--" + name + suffix);
      }
    }
    if (given.isEmpty()) {
      throw new IllegalArgumentException("missing --" + name + " (or --" + name + "-env VAR, --" + name + "-file FILE)");
    }
    if (given.size() > 1) {
      throw new IllegalArgumentException("give the " + name + " once, not through " + String.join(" and ", given));
    }
    if (options.containsKey(name)) {
      return options.get(name).toCharArray();
    }
    if (options.containsKey(name + "-env")) {
      String variable = options.get(name + "-env");
      String value = env.get(variable);
      if (value == null) {
        throw new IllegalArgumentException("--" + name + "-env names the environment variable " + variable
            + ", which is not set");
      }
      return value.toCharArray();
    }
    Path file = Path.of(options.get(name + "-file"));
    try {
      return readFile(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("--" + name + "-file " + file + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Reads a secret file: its content without one final line break ({@code \n} or {@code \r\n}).
   * Other whitespace is part of the secret.
   *
   * @param file the file
   * @return the secret
   * @throws IOException when the file cannot be read
   */
  static char[] readFile(Path file) throws IOException {
    return withoutFinalLineBreak(Files.readString(file, StandardCharsets.UTF_8)).toCharArray();
  }

  private static String withoutFinalLineBreak(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("\n")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }
}
