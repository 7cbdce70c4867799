package dev.ins.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.PiiGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsCoreCliTest {

  private record Run(int code, String out, String err) {}

  private static Run exec(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = InsCoreCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs and checks the exit code and that stdout is exactly one JSON object. */
  private static String run(int expectedExit, String... args) {
    Run r = exec(args);
    assertEquals(expectedExit, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("{") && r.out().endsWith("}") && r.out().lines().count() == 1, r.out());
    return r.out();
  }

  @Test
  void demo_walksTheModelToAQualifiedIdentityWithoutPrintingTheMatricule() {
    String out = run(0, "demo");
    assertTrue(out.contains("\"outcome\":\"PROV -> RECUP -> QUAL\""), out);
    assertTrue(out.contains("\"exchangeableWhenRecup\":false"), out);
    assertTrue(out.contains("INVALID_KEY"), out);
    assertTrue(out.endsWith("\"ok\":true}"), out);
    PiiGuard.assertNoPii(out, List.of("279035121518989", "2 79 03 51 215 189 89"));
    assertEquals(out, run(0), "no command runs the demo");
  }

  @Test
  void matricule_valid_exitsZeroWithItsStructure() {
    assertTrue(run(0, "matricule", "2 53 07 2a 073 004 43").contains("\"value\":\"253072A07300443\""));
  }

  @Test
  void matricule_withAWrongKey_exitsOneWithTheViolations() {
    String bad = run(1, "matricule", "295109912611199");
    assertTrue(bad.contains("\"valid\":false") && bad.contains("\"code\":\"INVALID_KEY\""), bad);
  }

  @Test
  void normalize_answersTheInsFormOrTheViolations() {
    assertTrue(run(0, "normalize", "birthName", "d’Arc–Dupont").contains("\"normalized\":\"D'ARC-DUPONT\""));
    assertTrue(run(1, "normalize", "firstName", "Jean-").contains("TRAILING_SEPARATOR"));
  }

  @Test
  void normalize_unknownField_isAUsageErrorListingTheFieldsWithoutEchoingIt() {
    String out = run(2, "normalize", "nopeField", "x");
    assertTrue(out.contains("\"code\":\"USAGE\"") && out.contains("birthName, firstNames"), out);
    assertFalse(out.contains("nopeField"), out);
  }

  @Test
  void usageErrors_exitTwo_unknownCommandOptionOrMissingArgument() {
    assertTrue(run(2, "frobnicate").contains("unknown command"));
    assertTrue(run(2, "matricule").contains("missing parameter TEXT"));
    assertTrue(run(2, "matricule", "--strict", "1").contains("unknown option '--strict'"));
    assertTrue(run(2, "matricule", "1", "2").contains("unexpected argument"));
  }

  @Test
  void help_andVersion_exitZero() {
    Run help = exec("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("matricule") && help.out().contains("normalize"), help.out());
    assertEquals(0, exec("normalize", "--help").code());
    assertTrue(exec("--version").out().contains("ins-sdk"));
  }
}
