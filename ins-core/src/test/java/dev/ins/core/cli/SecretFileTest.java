package dev.ins.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.testing.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One way for every tool to read a password file: bounded, strict UTF-8, one final line break dropped. */
class SecretFileTest {

  @TempDir
  Path dir;

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anySecret_readsBackExactly_withOrWithoutOneFinalLineBreak(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int[] specials = " \t\r\néàœ€𝄞".codePoints().toArray();
    StringBuilder b = new StringBuilder();
    int len = r.nextInt(1, 200);
    for (int i = 0; i < len; i++) {
      int c = r.nextInt(10) == 0 ? specials[r.nextInt(specials.length)] : r.nextInt(0x21, 0x7F);
      b.appendCodePoint(c);
    }
    char last = b.charAt(b.length() - 1);
    if (last == '\n' || last == '\r') {
      b.append('x'); // a secret ending with a line break cannot be told from its file's final one
    }
    String secret = b.toString();
    String[] endings = {"", "\n", "\r\n"};
    String ending = endings[r.nextInt(3)];
    Path f = Files.write(dir.resolve("s"), (secret + ending).getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(secret.toCharArray(), SecretFile.read(f), Seeds.describe(seed));
  }

  @Test
  void onlyOneFinalLineBreakGoes() throws IOException {
    assertArrayEquals("pw\n".toCharArray(), SecretFile.read(Files.writeString(dir.resolve("a"), "pw\n\n")));
    assertArrayEquals(" pw ".toCharArray(), SecretFile.read(Files.writeString(dir.resolve("b"), " pw ")));
    assertArrayEquals(new char[0], SecretFile.read(Files.writeString(dir.resolve("c"), "\r\n")));
  }

  @Test
  void theBoundIsInclusive_oneMoreByteIsTooLarge() throws IOException {
    Path max = Files.write(dir.resolve("max"), "a".repeat(SecretFile.MAX_BYTES).getBytes(StandardCharsets.US_ASCII));
    assertEquals(SecretFile.MAX_BYTES, SecretFile.read(max).length);
    Path over = Files.write(dir.resolve("over"), "a".repeat(SecretFile.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
    SecretFile.UnreadableException e = assertThrows(SecretFile.UnreadableException.class, () -> SecretFile.read(over));
    assertEquals(SecretFile.Problem.TOO_LARGE, e.problem());
  }

  @Test
  void notUtf8_andMissing_areTyped_andNeverShowThePathOrTheBytes() throws IOException {
    Path latin1 = Files.write(dir.resolve("hunter2"), new byte[] {'p', (byte) 0xE9});
    SecretFile.UnreadableException bad = assertThrows(SecretFile.UnreadableException.class, () -> SecretFile.read(latin1));
    assertEquals(SecretFile.Problem.NOT_UTF8, bad.problem());
    assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    Path absent = dir.resolve("s3cret-as-a-path");
    SecretFile.UnreadableException gone = assertThrows(SecretFile.UnreadableException.class, () -> SecretFile.read(absent));
    assertEquals(SecretFile.Problem.UNREADABLE, gone.problem());
    assertFalse(gone.getMessage().contains("s3cret"), gone.getMessage());
  }
}
