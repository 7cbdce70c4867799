package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the repository promises around the code: licence, security policy, BOM, exit-code table,
 * a command-line row for every CLI jar.
 */
class RepositoryFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void theLicenceThePomDeclares_isInTheRepository() throws IOException {
    assertTrue(read("pom.xml").contains("<name>Apache-2.0</name>"));
    String licence = read("LICENSE");
    assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
        && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE holds the Apache-2.0 text");
  }

  @Test
  void theReadmesReportingPolicy_isInSecurityMd() throws IOException {
    String security = read("SECURITY.md");
    assertTrue(security.contains("Do not open a public issue") && security.contains("synthetic data"), security);
    assertTrue(read("README.md").contains("[SECURITY.md](SECURITY.md)"));
  }

  @Test
  void theBom_listsTheTestJarOfEveryModuleThatBuildsOne() throws IOException {
    String bom = read("ins-bom/pom.xml");
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> poms = modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).toList();
      for (Path pom : poms) {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        if (!text.contains("<goal>test-jar</goal>")) {
          continue;
        }
        Matcher id = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(text);
        assertTrue(id.find(), pom.toString());
        String entry = "<artifactId>" + id.group(1) + "</artifactId><version>${project.version}</version>"
            + "<type>test-jar</type>";
        assertTrue(bom.contains(entry), "ins-bom lacks the test-jar of " + id.group(1));
      }
    }
  }

  @Test
  void theReadme_documentsEveryExitCode() throws IOException {
    String readme = read("README.md");
    for (ExitCode c : ExitCode.values()) {
      assertTrue(readme.contains("| " + c.code() + " | `" + c.name() + "` |"), "README lacks exit code " + c);
    }
  }

  /** The cells of a Markdown table row ({@code \|} inside a cell is not a separator). */
  private static List<String> cells(String row) {
    List<String> cells = List.of(row.trim().split("(?<!\\\\)\\|", -1));
    return cells.subList(1, cells.size() - 1).stream().map(String::trim).toList();
  }

  @Test
  void theReadmesCommandLineTable_hasARowForEveryCliJar_sayingWhatExit1Means() throws IOException {
    String readme = read("README.md");
    int start = readme.indexOf("## Command lines");
    assertTrue(start >= 0, "README lacks its Command lines section");
    String table = readme.substring(start, readme.indexOf("One exit-code table for every tool", start));
    List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Tool |")).toList();
    for (String row : rows) {
      List<String> cells = cells(row);
      assertTrue(cells.size() == 4 && cells.stream().noneMatch(String::isBlank),
          "a Command lines row needs tool, jar, commands and what exit 1 means: " + row);
    }
    Matcher version = Pattern.compile("<artifactId>ins-sdk-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(read("pom.xml"));
    assertTrue(version.find(), "root pom version");
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> poms = modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).toList();
      int clis = 0;
      for (Path pom : poms) {
        if (!Files.readString(pom, StandardCharsets.UTF_8).contains("<shadedClassifierName>cli</shadedClassifierName>")) {
          continue;
        }
        clis++;
        String module = pom.getParent().getFileName().toString();
        String row = "| " + module + " | `" + module + "/target/" + module + "-" + version.group(1) + "-cli.jar`";
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(row)), "README's Command lines table lacks " + row);
      }
      assertTrue(clis >= 8, "the modules' CLI jars were found (" + clis + ")");
    }
  }
}
