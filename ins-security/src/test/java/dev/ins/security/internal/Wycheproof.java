package dev.ins.security.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Loads Wycheproof vector files from the shared data folder ({@code -Dins.shared.data}). */
public final class Wycheproof {
  private Wycheproof() {}

  /**
   * Loads a file or skips the calling test with a message saying why.
   *
   * @param name the file name under wycheproof/
   * @return the parsed file
   */
  public static JsonNode load(String name) {
    String base = System.getProperty("ins.shared.data", "../../shared/data");
    Path p = Path.of(base, "wycheproof", name);
    assumeTrue(Files.isRegularFile(p), "Wycheproof vectors absent (" + p + "); set -Dins.shared.data to run them");
    try {
      return new ObjectMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes hex.
   *
   * @param s hex
   * @return bytes
   */
  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
