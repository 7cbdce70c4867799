package dev.ins.phishing.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.Cli;
import dev.ins.phishing.testing.LabelledMail;
import dev.ins.phishing.testing.MailCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  /** The pinned line format. */
  private static final Pattern LINE = Pattern.compile("\\{\"file\":\"[^\"]+\\.eml\",\"verdict\":\"(SAFE|SUSPICIOUS|DANGEROUS)\","
      + "\"score\":(100|[1-9]?[0-9]),\"reasons\":\\[(\\{\"code\":\"[A-Z_]+\",\"message\":\"([^\"\\\\]|\\\\.)+\"\\},?)*\\]\\}");

  private record Run(int code, String out, String err) {
    List<String> lines() {
      return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new PhishingCli(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void scan_printsOnePinnedJsonLinePerEmlInNameOrder_andExitsZeroWhateverTheVerdicts(@TempDir Path dir) throws IOException {
    List<LabelledMail> corpus = MailCorpus.generate(5L, 40);
    MailCorpus.write(corpus, dir);
    Files.writeString(dir.resolve("notes.txt"), "pas un message");
    Run r = run("scan", "--in", dir.toString(), "--authserv-id", MailCorpus.AUTHSERV_ID, "--practice-domain", MailCorpus.PRACTICE_DOMAIN);
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.lines();
    assertEquals(corpus.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(LINE.matcher(lines.get(i)).matches(), lines.get(i));
      assertTrue(lines.get(i).startsWith("{\"file\":\"" + corpus.get(i).name() + "\""), lines.get(i));
    }
    assertTrue(r.out().contains("\"verdict\":\"DANGEROUS\"") && r.out().contains("\"verdict\":\"SAFE\""), "a mixed corpus");
  }

  @Test
  void scan_oneThreadOrFour_printsTheSameLines(@TempDir Path dir) throws IOException {
    MailCorpus.write(MailCorpus.generate(9L, 30), dir);
    assertEquals(run("scan", "--in", dir.toString(), "--threads", "1").out(), run("scan", "--in", dir.toString(), "--threads", "4").out());
  }

  @Test
  void scan_emptyDirectory_printsNothingAndExitsZero(@TempDir Path dir) {
    Run r = run("scan", "--in", dir.toString());
    assertEquals(0, r.code());
    assertEquals("", r.out());
  }

  @Test
  void scan_usageErrors_exitTwo() {
    assertEquals(2, run("scan").code());
    assertEquals(2, run("scan", "--in").code());
    assertEquals(2, run("scan", "--in", "/tmp", "--bogus").code());
    assertEquals(2, run("scan", "--in", "/tmp", "--threads", "0").code());
    Run badDomain = run("scan", "--in", "/tmp", "--practice-domain", "pas un domaine");
    assertEquals(2, badDomain.code());
    assertTrue(badDomain.out().contains("--practice-domain: expected a domain name"), badDomain.out());
    assertFalse(badDomain.out().contains("pas un domaine"), "the value is not echoed");
    Run stray = run("scan", "--in", "/tmp", "S3cret-Passw0rd!");
    assertEquals(2, stray.code());
    assertFalse(stray.out().contains("S3cret") || stray.err().contains("S3cret"), "values are never echoed");
  }

  @Test
  void scan_missingDirectory_isAnInputFailure(@TempDir Path dir) {
    Run r = run("scan", "--in", dir.resolve("absent").toString());
    assertEquals(3, r.code());
    assertTrue(r.out().contains("\"code\":\"DIR_NOT_FOUND\""), r.out());
  }

  @Test
  void scan_unreadableFile_isNamedOnStandardError_theOthersArePrinted_andTheExitIsThree(@TempDir Path dir) throws IOException {
    MailCorpus.write(MailCorpus.generate(3L, 3), dir);
    // A dangling link cannot be read, even by root.
    Files.createSymbolicLink(dir.resolve("zz-locked.eml"), dir.resolve("gone"));
    Run r = run("scan", "--in", dir.toString());
    assertEquals(3, r.code());
    assertEquals(4, r.lines().size(), r.out());
    assertTrue(r.err().contains("zz-locked.eml"), r.err());
  }

  @Test
  void helpAndVersion_exitZero() {
    assertEquals(0, run("--help").code());
    Run help = run("scan", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--in"), help.out());
    assertTrue(run("--version").out().contains("ins-sdk"));
  }
}
