package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.insi.stub.StubInsiServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module works on the module path (the other tests run on the class path): a child JVM runs
 * the command line as {@code dev.ins.insi} against the stub, which exercises Jakarta XML Binding
 * through the module's {@code opens}, Bouncy Castle and the JDK HTTP client.
 */
class ModulePathTest {

  private static final Pattern NEEDED = Pattern.compile(
      ".*(ins-core|ins-security|ins-insi-client|jackson-databind|jackson-core|jackson-annotations|slf4j-api|jakarta\\.xml\\.bind-api|jakarta\\.activation-api|jaxb-runtime"
          + "|jaxb-core|txw2|istack-commons-runtime|angus-activation|bcprov|bcpkix|bcutil|picocli).*");

  @Test
  void search_runsAsANamedModule(@TempDir Path pki) throws IOException, InterruptedException {
    List<String> modulePath = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (NEEDED.matcher(e).matches() && !e.contains("test-classes") && !e.endsWith("-tests.jar")) {
        modulePath.add(e);
      }
    }
    try (StubInsiServer stub = StubInsiServer.builder().start()) {
      stub.pki().writeTo(pki);
      Path out = pki.resolve("out.json");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--module-path", String.join(File.pathSeparator, modulePath),
          "--module", "dev.ins.insi/dev.ins.insi.internal.cli.InsiCli", "search",
          "--endpoint", stub.endpoint().toString(),
          "--pkcs12", pki.resolve("insi-auto.p12").toString(), "--password", "stub-insi",
          "--truststore", pki.resolve("truststore.p12").toString(), "--truststore-password", "stub-insi",
          "--birth-name", "ECETINSI", "--first-names", "PIERRE-ALAIN", "--sex", "M", "--birth-date", "2009-07-14")
          .redirectOutput(out.toFile())
          .redirectError(pki.resolve("err.txt").toFile())
          .start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
      String json = Files.readString(out, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), json + Files.readString(pki.resolve("err.txt")));
      assertTrue(json.startsWith("{\"outcome\":\"FOUND\""), json);
      assertEquals("RECSANSVITALE", stub.requests().get(0).operation());
    }
  }
}
