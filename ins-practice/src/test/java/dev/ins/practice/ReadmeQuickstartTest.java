package dev.ins.practice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's ins-practice quickstart compiles against the module and prints what its comments promise. */
class ReadmeQuickstartTest {

  @Test
  void quickstart_compilesAndRuns(@TempDir Path dir) throws Exception {
    String out = ReadmeSnippets.compileAndRun("practice-quickstart", "PracticeQuickstart", dir);
    assertTrue(out.contains("50 bits: false"), out);
    assertTrue(out.contains("totp: true true"), out);
    assertTrue(out.matches("(?s).*posture: (AMBER|RED), [0-9]+ unknown.*"), out);
    assertTrue(out.contains("outbound blocked: true"), out);
  }
}
