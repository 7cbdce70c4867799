package dev.ins.interop.zz;

import dev.ins.core.testing.PiiGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs last (its package sorts last; Surefire runs this module's classes in alphabetical order, each class's output
 * redirected to {@code target/surefire-reports/<class>-output.txt}): what HAPI, ZXing and this
 * module logged during the suite holds none of the test identity's data, nor anything shaped like a
 * matricule.
 */
class ZzSuiteLogAuditTest {

  @Test
  void logsOfTheWholeSuite_holdNoPatientData() throws IOException {
    Path reports = Path.of("target", "surefire-reports");
    Assumptions.assumeTrue(Files.isDirectory(reports), "no Surefire output yet: run the whole module");
    StringBuilder all = new StringBuilder();
    try (Stream<Path> s = Files.list(reports)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith("-output.txt"))
          .filter(p -> !p.getFileName().toString().contains("ZzSuiteLogAuditTest")).sorted().toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
      }
    }
    Assumptions.assumeTrue(all.indexOf("HAPI FHIR version") >= 0, "the FHIR tests' logs are not there: run the whole module");
    PiiGuard.assertNoPii(all.toString(), List.of("PAT-TROIS", "DOMINIQUE", "MARIE-LOUISE", "279035121518989",
        "1979-03-28", "19790328", "28-03-1979"));
  }
}
