package dev.ins.core;

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

/** The README's quickstart compiles against ins-core and prints what its comments promise. */
class ReadmeQuickstartTest {

  private static String snippet() throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf("<!-- quickstart:begin -->");
    int end = text.indexOf("<!-- quickstart:end -->");
    assertTrue(begin >= 0 && end > begin, "quickstart markers missing from README.md");
    String block = text.substring(begin, end);
    int code = block.indexOf("```java");
    int close = block.lastIndexOf("```");
    assertTrue(code >= 0 && close > code, "no java block between the quickstart markers");
    return block.substring(code + "```java".length(), close);
  }

  private static String run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd.get(0));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void quickstart_compilesAndRuns(@TempDir Path dir) throws Exception {
    String source = snippet();
    assertTrue(source.contains("public class Quickstart"), "the snippet declares class Quickstart");
    Files.writeString(dir.resolve("Quickstart.java"), source, StandardCharsets.UTF_8);
    List<String> cp = new ArrayList<>();
    for (String prop : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(prop);
      if (v != null && !v.isBlank()) {
        cp.add(v);
      }
    }
    String classpath = String.join(File.pathSeparator, cp);
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    run(List.of(bin.resolve("javac").toString(), "-Xlint:all", "-Werror", "--release", "17",
        "-cp", classpath, "-d", dir.toString(), dir.resolve("Quickstart.java").toString()), dir);
    String out = run(List.of(bin.resolve("java").toString(), "-cp", dir + File.pathSeparator + classpath, "Quickstart"), dir);
    assertTrue(out.contains("Identity[status=QUAL"), out);
    assertTrue(out.contains("true 0"), out);
    assertTrue(!out.contains("279035121518989") && !out.contains("PAT-TROIS"), out);
  }
}
