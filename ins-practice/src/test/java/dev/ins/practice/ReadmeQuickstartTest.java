package dev.ins.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's ins-practice quickstart compiles against the module and prints what its comments promise. */
class ReadmeQuickstartTest {

  private static String snippet() throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf("<!-- practice-quickstart:begin -->");
    int end = text.indexOf("<!-- practice-quickstart:end -->");
    assertTrue(begin >= 0 && end > begin, "practice quickstart markers missing from README.md");
    String block = text.substring(begin, end);
    int code = block.indexOf("```java");
    int close = block.lastIndexOf("```");
    assertTrue(code >= 0 && close > code, "no java block between the markers");
    return block.substring(code + "```java".length(), close);
  }

  private static String run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + cmd.get(0));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void quickstart_compilesAndRuns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("PracticeQuickstart.java"), snippet(), StandardCharsets.UTF_8);
    List<String> cp = new ArrayList<>();
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null && !v.isBlank()) {
        cp.add(v);
      }
    }
    String classpath = String.join(File.pathSeparator, cp);
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    run(List.of(bin.resolve("javac").toString(), "-Xlint:all", "-Werror", "--release", "17", "-encoding", "UTF-8",
        "-cp", classpath, "-d", dir.toString(), dir.resolve("PracticeQuickstart.java").toString()), dir);
    // A kill switch at the default location must not be touched: the snippet writes only in its temp folder.
    String out = run(List.of(bin.resolve("java").toString(), "-Duser.home=" + dir, "-cp", dir + File.pathSeparator + classpath,
        "PracticeQuickstart"), dir);
    assertTrue(out.contains("50 bits: false"), out);
    assertTrue(out.contains("totp: true true"), out);
    assertTrue(out.matches("(?s).*posture: (AMBER|RED), [0-9]+ unknown.*"), out);
    assertTrue(out.contains("outbound blocked: true"), out);
  }
}
