package dev.ins.security.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.ins.core.testing.SharedTestData;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;

/** Loads Wycheproof vector files from the shared data folder ({@code -Dins.shared.data}). */
public final class Wycheproof {
  private Wycheproof() {}

  /**
   * Loads a file; when it is missing the calling test fails with CI=true and is skipped, saying
   * why, elsewhere ({@link SharedTestData}).
   *
   * @param name the file name under wycheproof/
   * @return the parsed file
   */
  public static JsonNode load(String name) {
    Path p = SharedTestData.require("wycheproof/" + name);
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
