package dev.ins.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's HAPI/DataMatrix snippet compiles against ins-interop and prints what its comments promise. */
class ReadmeInteropTest {

  private static String snippet() throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf("<!-- interop:begin -->");
    int end = text.indexOf("<!-- interop:end -->");
    assertTrue(begin >= 0 && end > begin, "interop markers missing from README.md");
    String block = text.substring(begin, end);
    int code = block.indexOf("```java");
    int close = block.lastIndexOf("```");
    assertTrue(code >= 0 && close > code, "no java block between the interop markers");
    return block.substring(code + "```java".length(), close);
  }

  private static String run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd.get(0));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void interopSnippet_compilesAndRuns(@TempDir Path dir) throws Exception {
    String source = snippet();
    assertTrue(source.contains("public class InteropQuickstart"), "the snippet declares class InteropQuickstart");
    Files.writeString(dir.resolve("InteropQuickstart.java"), source, StandardCharsets.UTF_8);
    String classpath = System.getProperty("java.class.path");
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    run(List.of(bin.resolve("javac").toString(), "-Xlint:all", "-Werror", "--release", "17",
        "-cp", classpath, "-d", dir.toString(), dir.resolve("InteropQuickstart.java").toString()), dir);
    String out = run(List.of(bin.resolve("java").toString(), "-cp", dir + File.pathSeparator + classpath,
        "InteropQuickstart"), dir);
    List<String> lines = out.lines().filter(l -> !l.startsWith("SLF4J") && !l.startsWith("[")).toList();
    assertEquals("urn:oid:1.2.250.1.213.1.4.10", lines.get(0), out);
    assertEquals("QUAL", lines.get(1), out);
    assertEquals("true", lines.get(2), out);
    assertEquals("ADT_A05", lines.get(3), out);
    assertEquals("QUAL", lines.get(4), out);
    assertEquals("PID-32 DOCUMENT_CHECK_REQUIRED", lines.get(5), out);
    assertTrue(lines.get(6).startsWith("DataMatrixInsSymbol[40x40 modules]") && lines.get(6).endsWith(" true"), out);
    PiiGuard.assertNoPii(out, List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "1979-03-28", "51215"));
  }
}
