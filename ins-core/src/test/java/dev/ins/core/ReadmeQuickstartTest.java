package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.ReadmeSnippets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quickstart compiles against ins-core and prints what its comments promise. */
class ReadmeQuickstartTest {

  @Test
  void quickstart_compilesAndRuns(@TempDir Path dir) throws Exception {
    String out = ReadmeSnippets.compileAndRun("quickstart", "Quickstart", dir);
    assertTrue(out.contains("Identity[status=QUAL"), out);
    assertTrue(out.contains("true 0"), out);
    assertTrue(!out.contains("279035121518989") && !out.contains("PAT-TROIS"), out);
  }
}
