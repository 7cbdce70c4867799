package dev.ins.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a secret (a password) from a file named on a command line, the same way for every tool:
 * at most {@link #MAX_BYTES} bytes (so {@code /dev/zero} is refused, not read until memory runs
 * out), strict UTF-8, one final line break ({@code \n} or {@code \r\n}) removed, nothing else
 * changed. Failures carry a {@link Problem}, never the path or the content (a path given in the
 * wrong place may be the secret itself).
 *
 * <pre>{@code
 * char[] password = SecretFile.read(Path.of("/run/secrets/ins-key"));
 * }</pre>
 */
public final class SecretFile {

  /** The largest secret file read, in bytes. */
  public static final int MAX_BYTES = 4096;

  private SecretFile() {}

  /** Why a secret file was not read. */
  public enum Problem {
    /** Missing, not a readable file, or an I/O error. */
    UNREADABLE,
    /** Larger than {@link #MAX_BYTES}. */
    TOO_LARGE,
    /** Not UTF-8 text. */
    NOT_UTF8
  }

  /** A secret file that was not read; its message names the problem only. */
  public static final class UnreadableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The problem. */
    private final Problem problem;

    UnreadableException(Problem problem, String message, Throwable cause) {
      super(message, cause);
      this.problem = problem;
    }

    /**
     * Returns why the file was not read.
     *
     * @return the problem
     */
    public Problem problem() {
      return problem;
    }
  }

  /**
   * Reads the secret.
   *
   * @param file the file
   * @return the secret, without its final line break (possibly empty: the caller decides)
   * @throws UnreadableException when the file cannot be read, is too large or is not UTF-8
   */
  public static char[] read(Path file) throws UnreadableException {
    byte[] raw = readBounded(file);
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
      int end = chars.limit();
      if (end > 0 && chars.get(end - 1) == '\n') {
        end--;
        if (end > 0 && chars.get(end - 1) == '\r') {
          end--;
        }
      }
      char[] out = new char[end];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } catch (CharacterCodingException e) {
      throw new UnreadableException(Problem.NOT_UTF8, "not UTF-8 text", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static byte[] readBounded(Path file) throws UnreadableException {
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      byte[] buf = new byte[1024];
      int n;
      while ((n = in.read(buf, 0, (int) Math.min(buf.length, MAX_BYTES + 1L - out.size()))) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_BYTES) {
          throw new UnreadableException(Problem.TOO_LARGE, "larger than " + MAX_BYTES + " bytes", null);
        }
      }
      byte[] bytes = out.toByteArray();
      Arrays.fill(buf, (byte) 0);
      return bytes;
    } catch (UnreadableException e) {
      throw e;
    } catch (IOException | SecurityException e) {
      throw new UnreadableException(Problem.UNREADABLE, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
