package dev.ins.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about the SDK at run time.
 *
 * <pre>{@code
 * String v = InsSdk.version(); // "0.1.0"
 * }</pre>
 */
public final class InsSdk {

  private static final String VERSION = load();

  private InsSdk() {}

  /**
   * Returns the version of ins-core, from the build.
   *
   * @return the Maven version, e.g. {@code "0.1.0"}
   */
  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = InsSdk.class.getResourceAsStream("ins-sdk.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
