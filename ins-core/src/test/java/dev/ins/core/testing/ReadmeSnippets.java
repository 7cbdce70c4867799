package dev.ins.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps README snippets true: extracts the Java block between two markers of the repository's
 * {@code README.md}, compiles it with {@code -Xlint:all -Werror} against the test class path and runs
 * it in a fresh JVM, returning what it printed.
 *
 * <pre>{@code
 * String out = ReadmeSnippets.compileAndRun("quickstart", "Quickstart", dir);
 * assertTrue(out.contains("true 0"));
 * }</pre>
 */
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /**
   * Extracts the Java block between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}.
   *
   * @param name the marker name, e.g. {@code quickstart}
   * @return the Java source
   * @throws IOException when README.md cannot be read
   * @throws AssertionError when the markers or the block are missing
   */
  public static String extract(String name) throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf("<!-- " + name + ":begin -->");
    int end = text.indexOf("<!-- " + name + ":end -->");
    if (begin < 0 || end < begin) {
      throw new AssertionError(name + " markers missing from README.md");
    }
    String block = text.substring(begin, end);
    int code = block.indexOf("```java");
    int close = block.lastIndexOf("```");
    if (code < 0 || close <= code) {
      throw new AssertionError("no java block between the " + name + " markers");
    }
    return block.substring(code + "```java".length(), close);
  }

  /**
   * Compiles the snippet as {@code className} in {@code dir} and runs its {@code main}.
   *
   * @param name the marker name
   * @param className the public class the snippet declares
   * @param dir an empty working folder (also the JVM's {@code user.home}, so nothing outside it is touched)
   * @return what the program printed (standard output and error)
   * @throws Exception when a process cannot be started; AssertionError when compiling or running fails
   */
  public static String compileAndRun(String name, String className, Path dir) throws Exception {
    String source = extract(name);
    if (!source.contains("public class " + className)) {
      throw new AssertionError("the " + name + " snippet must declare public class " + className);
    }
    Files.writeString(dir.resolve(className + ".java"), source, StandardCharsets.UTF_8);
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
        "-cp", classpath, "-d", dir.toString(), dir.resolve(className + ".java").toString()), dir);
    return run(List.of(bin.resolve("java").toString(), "-Duser.home=" + dir, "-cp", dir + File.pathSeparator + classpath,
        className), dir);
  }

  private static String run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd.get(0));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(cmd.get(0) + " exited " + p.exitValue() + ":\n" + out);
    }
    return out;
  }
}
