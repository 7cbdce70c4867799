package dev.ins.insi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh SoftHSM2 token behind SunPKCS11, standing in for a CPS card. The JVM must run with
 * {@code SOFTHSM2_CONF} pointing at {@link #conf()} (Surefire sets it for this module). Skips when
 * SoftHSM2 is absent outside CI; fails in CI, where .ci/setup.d installs it.
 */
public final class SoftHsmToken {

  /** The user PIN of test tokens. */
  public static final char[] PIN = "1234".toCharArray();

  private SoftHsmToken() {}

  /**
   * Returns the SoftHSM2 configuration path the JVM was started with.
   *
   * @return the path
   */
  public static Path conf() {
    String c = System.getenv("SOFTHSM2_CONF");
    if (c == null) {
      throw new IllegalStateException("SOFTHSM2_CONF not set for the test JVM");
    }
    return Path.of(c);
  }

  private static Path library() {
    for (String p : List.of("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")) {
      if (Files.exists(Path.of(p))) {
        return Path.of(p);
      }
    }
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (ci) {
      throw new IllegalStateException("SoftHSM2 missing in CI: .ci/setup.d/60-softhsm2.sh should have installed it");
    }
    Assumptions.abort("SoftHSM2 not installed (apt-get install softhsm2); PKCS#11 test skipped");
    return null;
  }

  private static Loaded shared;

  /**
   * Returns the JVM's test token, logged in. SoftHSM2 reads its token directory once per process, so
   * every test of the JVM shares one token and uses its own key aliases.
   *
   * @return the provider and its loaded key store
   * @throws Exception when SoftHSM2 or SunPKCS11 fails
   */
  public static synchronized Loaded shared() throws Exception {
    if (shared == null) {
      shared = create("INS-CPS-TEST");
    }
    shared.keyStore().load(null, PIN.clone());
    return shared;
  }

  private static Loaded create(String label) throws Exception {
    Path lib = library();
    Path conf = conf();
    Path tokens = conf.getParent().resolve("tokens");
    Files.createDirectories(tokens);
    Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
        StandardCharsets.UTF_8);
    String out = run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "12345678", "--pin", new String(PIN));
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("unexpected softhsm2-util output: " + out);
    }
    String cfg = "--name=ins-" + label + "\nlibrary=" + lib + "\nslot=" + m.group(1) + "\n";
    Provider p = Security.getProvider("SunPKCS11").configure(cfg);
    KeyStore ks = KeyStore.getInstance("PKCS11", p);
    ks.load(null, PIN.clone());
    return new Loaded(p, ks);
  }

  /** A configured provider and its key store. */
  public record Loaded(Provider provider, KeyStore keyStore) {}

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd[0]);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(cmd[0] + " failed: " + out);
    }
    return out;
  }
}
