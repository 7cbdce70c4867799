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

  /**
   * In the child: says {@code line} on standard output, then waits there for the parent to kill it.
   *
   * @param line what the parent waits for
   */
  public static void pauseForKill(String line) {
    System.out.println(line);
    System.out.flush();
    try {
      new java.util.concurrent.CountDownLatch(1).await(); // killed here by the parent
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the parent does while the child waits to be killed. */
  @FunctionalInterface
  public interface WhilePaused {
    /**
     * Looks at the paused child.
     *
     * @param line what the child said
     * @throws Exception on failure
     */
    void accept(String line) throws Exception;
  }

  /**
   * Starts {@code mainClass}, waits until it says a line starting with {@code prefix} (see
   * {@link #pauseForKill}), runs {@code whilePaused}, then kills it with SIGKILL or SIGTERM and
   * waits for its end.
   *
   * @param mainClass the class
   * @param prefix the start of the line it says where it stops
   * @param sigkill SIGKILL when true, SIGTERM otherwise
   * @param whilePaused what to do before the kill
   * @param args its arguments
   * @throws Exception when it cannot start, ends on its own (its standard error is in the message)
   *     or does not die
   */
  public static void killWhenItSays(Class<?> mainClass, String prefix, boolean sigkill, WhilePaused whilePaused,
      String... args) throws Exception {
    java.nio.file.Path stderr = java.nio.file.Files.createTempFile("child-jvm", ".err");
    Process child = start(Map.of(), stderr, mainClass, args);
    try (java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String line = out.readLine(); // blocks until the child is where it stops
      if (line == null || !line.startsWith(prefix)) {
        child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS); // it ended on its own: its stderr says why
        throw new AssertionError("child said " + line + "; stderr: " + java.nio.file.Files.readString(stderr));
      }
      whilePaused.accept(line);
      if (sigkill) {
        child.destroyForcibly();
      } else {
        child.destroy();
      }
      if (!child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new AssertionError("child did not die");
      }
    } finally {
      child.destroyForcibly();
      java.nio.file.Files.deleteIfExists(stderr);
    }
  }
}
