package dev.ins.insi.internal.cli;

import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the files a command reads, with messages that name the option and the file. */
final class Inputs {

  private Inputs() {}

  /**
   * Requires a readable regular file.
   *
   * @param option the option, e.g. {@code --pkcs12}
   * @param file the file
   * @return the file
   * @throws CliFailure INPUT naming the option and the file when it is missing or unreadable
   */
  static Path readable(String option, Path file) {
    if (!Files.exists(file)) {
      throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", option + ": no such file: " + file);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliFailure(ExitCode.INPUT, "FILE_UNREADABLE", option + ": not a readable file: " + file);
    }
    return file;
  }
}
