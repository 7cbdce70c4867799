package dev.ins.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates test data kept outside the repository (public third-party files that must not be
 * committed, such as Wycheproof vectors or CNDA-style INSi samples): under the folder named by the
 * system property {@value #PROPERTY}, or else under the one named by the environment variable
 * {@value #ENV}.
 *
 * <p>A missing file never passes silently: with {@code CI=true} the calling test fails (CI must run
 * it); elsewhere it is skipped, with the reason printed once on standard error and in the test
 * report.
 *
 * <pre>{@code
 * Path vectors = SharedTestData.require("wycheproof/aes_gcm_test.json");
 * }</pre>
 */
public final class SharedTestData {

  /** The system property naming the folder (the build sets it to {@code ../shared/data}). */
  public static final String PROPERTY = "ins.shared.data";
  /** The environment variable naming the folder when the property is not set. */
  public static final String ENV = "INS_SHARED_DATA";

  private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

  private SharedTestData() {}

  /**
   * Returns a file of the shared data, or fails (CI) or skips (elsewhere) the calling test.
   *
   * @param relative the file's path inside the folder, e.g. {@code wycheproof/x25519_test.json}
   * @return the existing file
   */
  public static Path require(String relative) {
    Path p = null;
    for (String base : new String[] {System.getProperty(PROPERTY), System.getenv(ENV)}) {
      if (base != null && !base.isBlank()) {
        Path candidate = Path.of(base, relative);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
        p = p == null ? candidate : p;
      }
    }
    String msg = "shared test data " + relative + " not found "
        + (p == null ? "(neither -D" + PROPERTY + " nor " + ENV + " is set)" : "at " + p)
        + "; it lives outside the repository (README, \"Test data\"): point -D" + PROPERTY + " or " + ENV + " at its folder";
    if ("true".equals(System.getenv("CI"))) {
      return Assertions.fail("CI=true: " + msg);
    }
    if (TOLD.add(relative)) {
      System.err.println("[ins-sdk tests] SKIPPED: " + msg);
    }
    Assumptions.abort(msg);
    throw new AssertionError("unreachable");
  }
}
