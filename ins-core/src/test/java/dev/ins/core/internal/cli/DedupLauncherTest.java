package dev.ins.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupLauncherTest {

  private static final long DEFAULT_MAX_HEAP = 6L << 30;

  @TempDir
  Path dir;

  private Path input(int bytes) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.write(in, new byte[bytes]);
    return in;
  }

  private static Optional<List<String>> child(List<String> jvmArgs, Map<String, String> env, String... args) {
    return DedupLauncher.childCommand("/usr/bin/java", jvmArgs, env, args, DEFAULT_MAX_HEAP);
  }

  @Test
  void jarWithoutHeapOptions_runsInAChildWithAHeapBoundedByTheInput_andTheSameOptionsAndArguments()
      throws IOException {
    Path in = input(70_000_000);
    List<String> cmd = child(List.of("-Xlog:gc", "-jar", "ins-dedup.jar", "dedup", "--in", in.toString()), Map.of(),
        "dedup", "--in", in.toString(), "--out", "p.csv").orElseThrow();
    long heapMb = DedupLauncher.heapBytes(70_000_000) >> 20;
    assertEquals(List.of("/usr/bin/java", "-Xlog:gc", "-Xmx" + heapMb + "m", "-D" + DedupLauncher.BOUNDED + "=true",
        "-XX:+UseParallelGC", "-jar",
        "ins-dedup.jar", "dedup", "--in", in.toString(), "--out", "p.csv"), cmd);
    assertTrue(heapMb > 600 && heapMb < 700, "about 9 bytes of heap per input byte: " + heapMb);
    assertEquals(DedupLauncher.MIN_HEAP, DedupLauncher.heapBytes(1_000), "small inputs get the floor");
    assertTrue(child(List.of("-jar", "x.jar"), Map.of(), "--in=" + in).isPresent(), "--in=FILE is read too");
  }

  @Test
  void anyHeapOrCollectorChoiceOfTheUser_keepsTheCommandInThisJvm() throws IOException {
    Path in = input(1_000_000);
    String[] args = {"dedup", "--in", in.toString(), "--out", "p.csv"};
    for (String o : List.of("-Xmx2g", "-Xms1g", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapSize=1g", "-XX:+UseG1GC",
        "-XX:+UseSerialGC", "-XX:SoftMaxHeapSize=1g")) {
      assertEquals(Optional.empty(), child(List.of(o, "-jar", "x.jar"), Map.of(), args), o);
      assertEquals(Optional.empty(), child(List.of("-jar", "x.jar"), Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 " + o), args), o);
      assertEquals(Optional.empty(), child(List.of("-jar", "x.jar"), Map.of("JDK_JAVA_OPTIONS", o), args), o);
    }
    assertTrue(child(List.of("-XX:+UseCompressedOops", "-jar", "x.jar"), Map.of(), args).isPresent(),
        "other options are no heap choice");
  }

  @Test
  void noJarNoInputOrNoGain_keepsTheCommandInThisJvm() throws IOException {
    Path in = input(1_000);
    String[] args = {"dedup", "--in", in.toString(), "--out", "p.csv"};
    assertEquals(Optional.empty(), child(List.of("-cp", "x.jar", "dev.ins.core.internal.cli.DedupCli"), Map.of(), args),
        "started from a class path (tests, embedding): never");
    assertEquals(Optional.empty(), child(List.of("-jar", "x.jar"), Map.of(), "dedup", "--in", dir.resolve("none").toString()),
        "a missing file is the command's error to report");
    assertEquals(Optional.empty(), child(List.of("-jar", "x.jar"), Map.of(), "dedup", "--help"));
    assertEquals(Optional.empty(), child(List.of("-jar", "x.jar"), Map.of(), "dedup", "--in", in.toString(), "--help"));
    assertEquals(Optional.empty(), DedupLauncher.childCommand("/usr/bin/java", List.of("-jar", "x.jar"), Map.of(), args,
        DedupLauncher.MIN_HEAP), "a JVM whose default heap is already no larger");
    assertEquals(Optional.empty(), DedupLauncher.childCommand(null, List.of("-jar", "x.jar"), Map.of(), args,
        DEFAULT_MAX_HEAP), "no known java executable");
  }

  @Test
  void run_returnsTheChildsExitCode_andRunsInThisJvmWhenTheBoundedHeapWasTooSmall() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path exit = dir.resolve("Exit.java");
    Files.writeString(exit, "class Exit { public static void main(String[] a) { System.exit(Integer.parseInt(a[0])); } }");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int[] inThisJvm = new int[1];
    IntSupplier here = () -> {
      inThisJvm[0]++;
      return 0;
    };
    assertEquals(6, DedupLauncher.run(List.of(java, exit.toString(), "6"), here, errStream));
    assertEquals(0, inThisJvm[0], "the child's answer stands");
    assertEquals(0, DedupLauncher.run(List.of(java, exit.toString(), "" + DedupLauncher.HEAP_EXHAUSTED), here,
        errStream));
    assertEquals(1, inThisJvm[0], "heap exhausted: run again here");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("bounded heap was too small"), err.toString(StandardCharsets.UTF_8));
  }
}
