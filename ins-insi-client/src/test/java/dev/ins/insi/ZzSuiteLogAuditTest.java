package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import dev.ins.insi.stub.StubIdentity;
import dev.ins.insi.stub.StubRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs last (Surefire runs this module's classes in alphabetical order, each class's output
 * redirected to {@code target/surefire-reports/<class>-output.txt}): no log line written by the
 * test suite holds the names, first names, birth dates or matricules of the test identities, nor
 * anything shaped like a matricule.
 */
class ZzSuiteLogAuditTest {

  @Test
  void logsOfTheWholeSuite_holdNoPatientData() throws IOException {
    Path reports = Path.of("target", "surefire-reports");
    Assumptions.assumeTrue(Files.isDirectory(reports), "no Surefire output yet: run the whole module");
    StringBuilder all = new StringBuilder();
    List<Path> files;
    try (Stream<Path> s = Files.list(reports)) {
      files = s.filter(p -> p.getFileName().toString().endsWith("-output.txt"))
          .filter(p -> !p.getFileName().toString().contains("ZzSuiteLogAuditTest")).sorted().toList();
    }
    for (Path p : files) {
      all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
    }
    Assumptions.assumeTrue(all.indexOf("INSi rechercherInsAvecTraitsIdentite") >= 0,
        "the integration tests' logs are not there: run the whole module");
    assertTrue(all.indexOf("NomNaissance>***<") >= 0, "bodies were logged, masked");
    List<String> secrets = new ArrayList<>();
    for (StubIdentity i : StubRegistry.publicTestIdentities().all()) {
      secrets.add(i.birthName());
      for (String f : i.firstNames().split(" ")) {
        // "MATRICULE" (PROVISOIRE MATRICULE's first name) is also an ordinary word of messages.
        if (!f.equals("MATRICULE")) {
          secrets.add(f);
        }
      }
      secrets.add(i.birthDate());
      secrets.add(i.nir());
    }
    secrets.addAll(List.of("HOUILLES", "1993-01-27", "2009-07-14"));
    PiiGuard.assertNoPii(all.toString(), secrets);
  }
}
