package dev.ins.insi.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret option comes from exactly one of the line, the environment or a file. */
class SecretsTest {

  @TempDir
  Path dir;

  @Test
  void valueOnTheLine_isTakenAsIs() {
    assertArrayEquals(" pw ".toCharArray(), Secrets.resolve(Map.of("password", " pw "), "password", Map.of()));
  }

  @Test
  void environmentVariable_isRead() {
    assertArrayEquals("pw".toCharArray(),
        Secrets.resolve(Map.of("password-env", "P"), "password", Map.of("P", "pw")));
  }

  @Test
  void file_losesOnlyItsFinalLineBreak() throws IOException {
    Path unix = Files.writeString(dir.resolve("a"), " pw \n");
    Path windows = Files.writeString(dir.resolve("b"), "pw\r\n");
    Path none = Files.writeString(dir.resolve("c"), "pw\n\n");
    assertArrayEquals(" pw ".toCharArray(), Secrets.resolve(Map.of("password-file", unix.toString()), "password", Map.of()));
    assertArrayEquals("pw".toCharArray(), Secrets.resolve(Map.of("password-file", windows.toString()), "password", Map.of()));
    assertArrayEquals("pw\n".toCharArray(), Secrets.resolve(Map.of("password-file", none.toString()), "password", Map.of()));
  }

  @Test
  void noSource_namesTheThreeWays() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Secrets.resolve(Map.of(), "truststore-password", Map.of()));
    assertEquals("missing --truststore-password (or --truststore-password-env VAR, --truststore-password-file FILE)",
        e.getMessage());
  }

  @Test
  void severalSources_areRefused_withoutTheSecretInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Secrets.resolve(Map.of("password", "hunter2", "password-file", "/nope"), "password", Map.of()));
    assertTrue(e.getMessage().contains("--password and --password-file"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void unsetVariable_andUnreadableFile_nameWhatIsMissing() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Secrets.resolve(Map.of("password-env", "NOPE"), "password", Map.of())).getMessage()
        .contains("NOPE, which is not set"));
    Path absent = dir.resolve("absent");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Secrets.resolve(Map.of("password-file", absent.toString()), "password", Map.of())).getMessage()
        .contains("cannot be read (NoSuchFileException)"));
  }
}
