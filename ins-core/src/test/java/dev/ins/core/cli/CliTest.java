package dev.ins.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

class CliTest {

  /** A tool with one subcommand, as the SDK's CLIs are written. */
  @Command(name = "tool", subcommands = Echo.class)
  static final class Tool {}

  @Command(name = "echo")
  static final class Echo implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--timeout-ms")
    int timeoutMs = 10;

    @Option(names = "--password")
    String password;

    @Option(names = "--file")
    Path file;

    @Option(names = "--fail")
    String fail;

    @Override
    public Integer call() {
      if ("input".equals(fail)) {
        throw new CliFailure(ExitCode.INPUT, "FILE_NOT_FOUND", "--file: no such file");
      }
      if ("bug".equals(fail)) {
        throw new IllegalStateException("secret internals 279035121518989");
      }
      Cli.print(spec, Map.of("timeoutMs", timeoutMs));
      return "no".equals(fail) ? ExitCode.NEGATIVE.code() : ExitCode.DONE.code();
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(new Tool(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_withValidOptions_printsTheCommandsJsonAndExitsZero() {
    Run r = run("echo", "--timeout-ms", "250");
    assertEquals(0, r.code());
    assertEquals("{\"timeoutMs\":250}", r.out().strip());
  }

  @Test
  void run_negativeAnswer_exitsOne() {
    assertEquals(1, run("echo", "--fail", "no").code());
  }

  @Test
  void run_unknownOption_isRefusedWithExitTwoAndNamed() {
    Run r = run("echo", "--birth-place", "63220");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("\"code\":\"USAGE\""), r.out());
    assertTrue(r.out().contains("unknown option '--birth-place'"), r.out());
    assertFalse(r.out().contains("63220") || r.err().contains("63220"), "values are never echoed");
  }

  @Test
  void run_badValue_namesTheOptionButNotTheValue() {
    Run r = run("echo", "--timeout-ms", "abc");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("option '--timeout-ms'") && r.out().contains("an integer"), r.out());
    assertFalse(r.out().contains("abc") || r.err().contains("abc"));
  }

  @Test
  void run_strayArgument_isNeverEchoed_evenWhenItIsAPassword() {
    Run r = run("echo", "--timeout-ms", "5", "S3cret-Passw0rd!");
    assertEquals(2, r.code());
    assertFalse(r.out().contains("S3cret") || r.err().contains("S3cret"), r.out() + r.err());
    Run eq = run("echo", "--pasword=S3cret-Passw0rd!");
    assertEquals(2, eq.code());
    assertTrue(eq.out().contains("'--pasword'"), eq.out());
    assertFalse(eq.out().contains("S3cret") || eq.err().contains("S3cret"), eq.out() + eq.err());
  }

  @Test
  void run_missingOptionValue_isAUsageErrorSayingTheValueIsMissing() {
    Run r = run("echo", "--timeout-ms");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("missing value for option '--timeout-ms'"), r.out());
  }

  @Test
  void run_groupCommandWithoutSubcommand_isAUsageErrorListingTheCommands() {
    Run r = run();
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("missing command: one of echo"), r.out());
  }

  @Test
  void run_mistypedCommand_listsTheCommandsWithoutEchoingTheWord() {
    Run r = run("ehco-S3cret");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("unknown command (value not shown): one of echo"), r.out());
    assertFalse(r.out().contains("S3cret") || r.err().contains("S3cret"), r.out() + r.err());
  }

  @Test
  void run_strayWordShapedLikeAShortOption_isNotEchoed() {
    Run r = run("echo", "-hunter2");
    assertEquals(2, r.code());
    assertFalse(r.out().contains("hunter2") || r.err().contains("hunter2"), r.out() + r.err());
  }

  @Test
  void run_atFileArguments_areNotExpanded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path words = dir.resolve("args");
    java.nio.file.Files.writeString(words, "--timeout-ms 999");
    Run r = run("echo", "@" + words);
    assertEquals(2, r.code(), "the @file is an unexpected argument, not options read from the file: " + r.out());
    assertFalse(r.out().contains("999"), r.out());
  }

  @Test
  void run_helpAndVersion_exitZeroOnToolAndSubcommand() {
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("echo"), help.out());
    Run subHelp = run("echo", "--help");
    assertEquals(0, subHelp.code());
    assertTrue(subHelp.out().contains("--timeout-ms"), subHelp.out());
    Run version = run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().contains("ins-sdk"), version.out());
    assertEquals(0, run("echo", "--version").code());
  }

  @Test
  void run_cliFailure_printsItsCodeAndMessageWithItsExitCode() {
    Run r = run("echo", "--fail", "input");
    assertEquals(ExitCode.INPUT.code(), r.code());
    assertEquals("{\"ok\":false,\"error\":{\"code\":\"FILE_NOT_FOUND\",\"message\":\"--file: no such file\"}}",
        r.out().strip());
  }

  @Test
  void run_unexpectedException_isInternalWithoutItsMessage() {
    Run r = run("echo", "--fail", "bug");
    assertEquals(ExitCode.INTERNAL.code(), r.code());
    assertTrue(r.out().contains("IllegalStateException"), r.out());
    assertFalse(r.out().contains("279035121518989") || r.err().contains("279035121518989"));
  }

  @Test
  void cliFailure_cannotCarryASuccessCode() {
    assertThrows(IllegalArgumentException.class, () -> new CliFailure(ExitCode.DONE, "X", "m"));
    assertThrows(IllegalArgumentException.class, () -> new CliFailure(ExitCode.NEGATIVE, "X", "m"));
  }

  @Test
  void exitCodes_areTheDocumentedTable() {
    int[] expected = {0, 1, 2, 3, 4, 5, 6, 7};
    ExitCode[] values = ExitCode.values();
    assertEquals(expected.length, values.length);
    for (int i = 0; i < values.length; i++) {
      assertEquals(expected[i], values[i].code(), values[i].name());
    }
  }
}
