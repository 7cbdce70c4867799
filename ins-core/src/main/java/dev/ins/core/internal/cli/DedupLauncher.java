package dev.ins.core.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The {@code dedup} jar's heap bound. Started as {@code java -jar ins-dedup.jar dedup --in FILE …}
 * with no heap setting of the user's, the command runs in a child JVM whose maximum heap follows
 * the input's size ({@link #heapBytes}) instead of the JVM's default (a quarter of the machine's
 * memory), which G1 grows into whenever its pauses are long even though the live set is a fraction
 * of it. The parent JVM only waits: standard streams are inherited, the exit code is the child's.
 * Any heap or collector option of the user's ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, … on the
 * command line, in {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS}) turns this off, and the
 * command runs in the JVM the user started. Both processes count in the published peak memory
 * (see docs/matching.md).
 */
final class DedupLauncher {

  /** Heap for the smallest inputs. */
  static final long MIN_HEAP = 256L << 20;
  /** Fixed part of the heap bound: the JVM's and the command's own objects. */
  static final long BASE_HEAP = 64L << 20;
  /**
   * Heap bytes per input byte. A record of a typical export takes about 64 bytes of CSV and about
   * 200 bytes in the engine's store and keys; the rest is room for rows being parsed, the found
   * pairs and the collector's headroom (measured: 1M persons, 70 MB of CSV, run within 0.7 GB).
   */
  static final long HEAP_PER_INPUT_BYTE = 9;

  private static final String[] HEAP_OPTIONS = {
      "-Xmx", "-Xms", "-XX:MaxHeapSize", "-XX:InitialHeapSize", "-XX:MinHeapSize", "-XX:MaxRAM",
      "-XX:InitialRAM", "-XX:MinRAM", "-XX:SoftMaxHeapSize", "-XX:+Use", "-XX:-Use"};

  /** The system property that tells the child it runs under the bound. */
  static final String BOUNDED = "ins.dedup.boundedHeap";
  /**
   * The child's exit code when the bounded heap was too small (an {@link OutOfMemoryError}): not an
   * {@code ExitCode}, a private signal to the parent, which then runs the command with its own heap.
   */
  static final int HEAP_EXHAUSTED = 86;

  private DedupLauncher() {}

  /**
   * The heap bound for an input of {@code inputBytes} bytes.
   *
   * @param inputBytes the size of the CSV file
   * @return the heap bound in bytes
   */
  static long heapBytes(long inputBytes) {
    return Math.max(MIN_HEAP, BASE_HEAP + HEAP_PER_INPUT_BYTE * inputBytes);
  }

  /**
   * The child command that runs the command with a bounded heap, or empty when the command should
   * run in this JVM: not started with {@code -jar}, a heap or collector option of the user's, no
   * readable {@code --in} file (the command then reports it), or a bound no lower than this JVM's.
   *
   * @param java the java executable of this process
   * @param jvmArgs this process's arguments after the executable (JVM options, {@code -jar}, the jar,
   *     the program's arguments)
   * @param env the environment
   * @param args the program's arguments
   * @param currentMaxHeap this JVM's maximum heap
   * @return the child's command line, or empty
   */
  static Optional<List<String>> childCommand(String java, List<String> jvmArgs, Map<String, String> env,
      String[] args, long currentMaxHeap) {
    int jar = jvmArgs.indexOf("-jar");
    if (java == null || jar < 0 || jar + 1 >= jvmArgs.size()) {
      return Optional.empty();
    }
    List<String> options = jvmArgs.subList(0, jar);
    for (String o : options) {
      if (isHeapOption(o)) {
        return Optional.empty();
      }
    }
    for (String var : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
      String v = env.get(var);
      if (v != null) {
        for (String o : v.trim().split("\\s+")) {
          if (isHeapOption(o)) {
            return Optional.empty();
          }
        }
      }
    }
    Optional<Long> size = inputSize(args);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    long heap = heapBytes(size.get());
    if (heap >= currentMaxHeap) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(options);
    cmd.add("-Xmx" + (heap >> 20) + "m");
    cmd.add("-D" + BOUNDED + "=true");
    // a batch job: the throughput collector (less memory of its own than G1, fewer pauses to pay)
    cmd.add("-XX:+UseParallelGC");
    cmd.add("-jar");
    cmd.add(jvmArgs.get(jar + 1));
    cmd.addAll(List.of(args));
    return Optional.of(cmd);
  }

  private static boolean isHeapOption(String o) {
    for (String p : HEAP_OPTIONS) {
      if (o.startsWith(p) && (!p.endsWith("Use") || o.endsWith("GC"))) {
        return true;
      }
    }
    return false;
  }

  /** The size of the {@code --in} file, empty when absent, not a regular file, or unreadable. */
  private static Optional<Long> inputSize(String[] args) {
    String in = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--in") && i + 1 < args.length) {
        in = args[i + 1];
      } else if (args[i].startsWith("--in=")) {
        in = args[i].substring("--in=".length());
      } else if (args[i].equals("--help") || args[i].equals("-h") || args[i].equals("--version")
          || args[i].equals("-V")) {
        return Optional.empty();
      }
    }
    if (in == null) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(in);
      return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.of(Files.size(p)) : Optional.empty();
    } catch (InvalidPathException | IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs the child command with this process's standard streams and returns its exit code; the
   * child is stopped if this process is. When the bounded heap was too small for the input (the
   * child exits with {@link #HEAP_EXHAUSTED}), says so on {@code err} and runs the command in this
   * JVM instead: a bound never turns a run that fits the machine into a failure.
   *
   * @param cmd the child's command line
   * @param inThisJvm runs the command in this JVM and returns its exit code
   * @param err where the fallback is reported
   * @return the exit code
   * @throws IOException when the child cannot be started
   * @throws InterruptedException when interrupted while waiting
   */
  static int run(List<String> cmd, IntSupplier inThisJvm, PrintStream err) throws IOException, InterruptedException {
    Process child = new ProcessBuilder(cmd).inheritIO().start();
    Thread stop = new Thread(child::destroy, "ins-dedup-launcher");
    Runtime.getRuntime().addShutdownHook(stop);
    int code = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(stop);
    if (code != HEAP_EXHAUSTED) {
      return code;
    }
    err.println("dedup: the bounded heap was too small for this input; running again with the JVM's default heap"
        + " (or give -Xmx)");
    err.flush();
    return inThisJvm.getAsInt();
  }
}
