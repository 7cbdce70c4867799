package dev.ins.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a class of the test class path in a JVM of its own (signals, locale, exit codes). */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * Starts {@code mainClass} with the test class path.
   *
   * @param env variables to set (others are inherited)
   * @param stderr the file the child's standard error goes to (never a pipe that could fill up)
   * @param mainClass the class
   * @param args its arguments
   * @return the process (stdout piped)
   * @throws IOException when it cannot start
   */
  public static Process start(Map<String, String> env, java.nio.file.Path stderr, Class<?> mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectError(stderr.toFile());
    return pb.start();
  }
}
