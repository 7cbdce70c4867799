package dev.ins.core.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Any file content gives the secret (the bytes, less one final line break, as UTF-8) or a typed
 * refusal, never another exception.
 */
class SecretFileFuzzTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("secret-fuzz", ".txt");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "15s")
  void read_givesTheSecretOrATypedRefusal(byte[] content) throws IOException {
    Files.write(FILE, content);
    char[] secret;
    try {
      secret = SecretFile.read(FILE);
    } catch (SecretFile.UnreadableException refused) {
      if (refused.problem() == SecretFile.Problem.UNREADABLE
          || refused.problem() == SecretFile.Problem.TOO_LARGE && content.length <= SecretFile.MAX_BYTES) {
        throw new AssertionError("refused a readable file within the bound: " + refused.problem());
      }
      return;
    }
    byte[] back = new String(secret).getBytes(StandardCharsets.UTF_8);
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end--;
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
    }
    if (content.length > SecretFile.MAX_BYTES || !Arrays.equals(back, Arrays.copyOf(content, end))) {
      throw new AssertionError("the secret is not the file less its final line break");
    }
  }
}
