package dev.ins.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsCoreCliTest {

  private static String run(int expectedExit, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = InsCoreCli.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertEquals(expectedExit, code);
    String out = buf.toString(StandardCharsets.UTF_8).trim();
    assertTrue(out.startsWith("{") && out.endsWith("}") && out.lines().count() == 1, out);
    return out;
  }

  @Test
  void demo_walksTheModelToAQualifiedIdentityWithoutPrintingTheMatricule() {
    String out = run(0, "demo");
    assertTrue(out.contains("\"outcome\":\"PROV -> RECUP -> QUAL\""), out);
    assertTrue(out.contains("\"exchangeableWhenRecup\":false"), out);
    assertTrue(out.contains("INVALID_KEY"), out);
    assertTrue(out.endsWith("\"ok\":true}"), out);
    PiiGuard.assertNoPii(out, List.of("279035121518989", "2 79 03 51 215 189 89"));
  }

  @Test
  void matricule_answersValidOrTheViolations() {
    assertTrue(run(0, "matricule", "2 53 07 2a 073 004 43").contains("\"value\":\"253072A07300443\""));
    String bad = run(0, "matricule", "295109912611199");
    assertTrue(bad.contains("\"valid\":false") && bad.contains("\"code\":\"INVALID_KEY\""), bad);
  }

  @Test
  void normalize_answersTheInsFormOrTheViolations() {
    assertTrue(run(0, "normalize", "birthName", "d’Arc–Dupont").contains("\"normalized\":\"D'ARC-DUPONT\""));
    assertTrue(run(0, "normalize", "firstName", "Jean-").contains("TRAILING_SEPARATOR"));
    assertTrue(run(0, "normalize", "nope", "x").contains("\"valid\":false"));
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertTrue(run(2, "frobnicate").contains("usage"));
    run(2, "matricule");
  }
}
