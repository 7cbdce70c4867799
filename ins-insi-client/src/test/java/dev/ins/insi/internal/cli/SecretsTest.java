package dev.ins.insi.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret option comes from exactly one of the line, the environment or a file; no value is echoed. */
class SecretsTest {

  @TempDir
  Path dir;

  @Test
  void valueOnTheLine_isTakenAsIs() {
    assertArrayEquals(" pw ".toCharArray(), Secrets.resolve("password", " pw ", null, null, Map.of()));
  }

  @Test
  void environmentVariable_isRead() {
    assertArrayEquals("pw".toCharArray(), Secrets.resolve("password", null, "P", null, Map.of("P", "pw")));
  }

  @Test
  void file_losesOnlyItsFinalLineBreak() throws IOException {
    Path unix = Files.writeString(dir.resolve("a"), " pw \n");
    Path windows = Files.writeString(dir.resolve("b"), "pw\r\n");
    Path none = Files.writeString(dir.resolve("c"), "pw\n\n");
    assertArrayEquals(" pw ".toCharArray(), Secrets.resolve("password", null, null, unix, Map.of()));
    assertArrayEquals("pw".toCharArray(), Secrets.resolve("password", null, null, windows, Map.of()));
    assertArrayEquals("pw\n".toCharArray(), Secrets.resolve("password", null, null, none, Map.of()));
  }

  @Test
  void noSource_namesTheThreeWays() {
    CliFailure e = assertThrows(CliFailure.class, () -> Secrets.resolve("truststore-password", null, null, null, Map.of()));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertEquals("missing --truststore-password (or --truststore-password-env VAR, --truststore-password-file FILE)",
        e.getMessage());
  }

  @Test
  void severalSources_areRefused_withoutTheSecretInTheMessage() {
    CliFailure e = assertThrows(CliFailure.class,
        () -> Secrets.resolve("password", "hunter2", null, Path.of("/nope"), Map.of()));
    assertTrue(e.getMessage().contains("--password and --password-file"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void unsetVariable_andUnreadableFile_areInputErrors_thatNeverEchoTheirValue() {
    CliFailure env = assertThrows(CliFailure.class, () -> Secrets.resolve("password", null, "hunter2", null, Map.of()));
    assertEquals(ExitCode.INPUT, env.exitCode());
    assertTrue(env.getMessage().contains("--password-env: the environment variable it names is not set"));
    assertFalse(env.getMessage().contains("hunter2"));
    Path absent = dir.resolve("hunter2");
    CliFailure file = assertThrows(CliFailure.class, () -> Secrets.resolve("password", null, null, absent, Map.of()));
    assertEquals(ExitCode.INPUT, file.exitCode());
    assertTrue(file.getMessage().contains("--password-file: the file cannot be read (NoSuchFileException"), file.getMessage());
    assertFalse(file.getMessage().contains("hunter2"));
  }

  @Test
  void endlessFile_isRefusedAtTheSharedBound_notReadUntilMemoryRunsOut() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
    CliFailure e = assertThrows(CliFailure.class, () -> Secrets.resolve("password", null, null, zero, Map.of()));
    assertEquals(ExitCode.INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("larger than 4096 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains("/dev/zero"));
  }
}
