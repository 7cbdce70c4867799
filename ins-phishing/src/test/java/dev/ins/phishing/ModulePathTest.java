package dev.ins.phishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.testing.MailCorpus;
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

/**
 * The module works on the module path (the other tests run on the class path): a child JVM runs
 * the command line as {@code dev.ins.phishing}, which exercises Angus Mail's decoders found as a
 * service, Tika core's resources read from an automatic module, ICU4J's data and picocli through
 * the module's {@code opens}.
 */
class ModulePathTest {

  @Test
  void scan_runsAsANamedModule(@TempDir Path dir) throws IOException, InterruptedException {
    List<String> modulePath = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      boolean main = e.endsWith(File.separator + "classes") && !e.endsWith("test-classes");
      if (main || e.endsWith(".jar") && !e.endsWith("-tests.jar") && !e.contains("junit") && !e.contains("jazzer")
          && !e.contains("opentest4j") && !e.contains("apiguardian") && !e.contains("surefire")) {
        modulePath.add(e);
      }
    }
    Path mails = dir.resolve("mails");
    MailCorpus.write(MailCorpus.generate(21L, 12), mails);
    Path out = dir.resolve("out.jsonl");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", String.join(File.pathSeparator, modulePath),
        "--module", "dev.ins.phishing/dev.ins.phishing.internal.cli.PhishingCli", "scan", "--in", mails.toString())
        .redirectOutput(out.toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    String json = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), json + Files.readString(dir.resolve("err.txt")));
    assertEquals(12, json.strip().split("\n").length, json);
    assertTrue(json.contains("\"verdict\":\"DANGEROUS\"") || json.contains("\"verdict\":\"SUSPICIOUS\""), json);
    assertTrue(!json.contains("MALFORMED") || json.contains("malformed"), "no parse failure on well-formed mail: " + json);
  }
}
