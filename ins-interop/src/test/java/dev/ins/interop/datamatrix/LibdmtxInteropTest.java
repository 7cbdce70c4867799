package dev.ins.interop.datamatrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ins.core.Identity;
import dev.ins.core.datamatrix.DataMatrixIns;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with an independent DataMatrix implementation, libdmtx (Debian {@code dmtx-utils}, installed
 * in CI by {@code .ci/setup.d/75-dmtx.sh}): {@code dmtxread} decodes our symbols to the exact
 * payload bytes, GS separators included, and we read what {@code dmtxwrite} renders. Skipped, with
 * the reason, when the tools are absent outside CI; failing under {@code CI=true}.
 */
class LibdmtxInteropTest {

  @BeforeAll
  static void toolsPresent() {
    boolean present = onPath("dmtxread") && onPath("dmtxwrite");
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("dmtxread/dmtxwrite (Debian dmtx-utils) are required under CI=true: see .ci/setup.d/75-dmtx.sh");
    }
    Assumptions.assumeTrue(present, "libdmtx tools absent: apt-get install dmtx-utils (skipped outside CI)");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] run(List<String> cmd, byte[] stdin, Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("stdout-" + System.nanoTime());
    Path err = dir.resolve("stderr-" + System.nanoTime());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd.get(0) + " did not finish");
    assertEquals(0, p.exitValue(), cmd.get(0) + ": " + Files.readString(err, StandardCharsets.UTF_8));
    return Files.readAllBytes(out);
  }

  static LongStream seeds() {
    return Seeds.stream(8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void dmtxread_decodesOurSymbols_toTheExactPayloadBytes(long seed, @TempDir Path dir) throws Exception {
    Identity identity = new SyntheticIdentities(seed).qualified();
    DataMatrixInsSymbol symbol = DataMatrixInsSymbol.of(identity);
    Path png = dir.resolve("ours.png");
    Files.write(png, symbol.toPng(PrintSpec.INS_DOCUMENT, 300));
    byte[] decoded = run(List.of("dmtxread", "-N1", "-m", "20000", png.toString()), null, dir);
    byte[] expected = DataMatrixIns.encode(identity).getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(expected, decoded, Seeds.describe(seed));
    assertTrue(new String(decoded, StandardCharsets.US_ASCII).indexOf(DataMatrixIns.GS) > 0, "GS separators carried");
  }

  @Test
  void dmtxread_decodesOurRenderAt96Dpi(@TempDir Path dir) throws Exception {
    DataMatrixInsSymbol symbol = DataMatrixInsSymbol.ofPayload(DataMatrixInsSymbolTest.PAT_TROIS);
    Path png = dir.resolve("low.png");
    Files.write(png, symbol.toPng(PrintSpec.INS_DOCUMENT, 96));
    byte[] decoded = run(List.of("dmtxread", "-N1", "-m", "20000", png.toString()), null, dir);
    assertEquals(DataMatrixInsSymbolTest.PAT_TROIS, new String(decoded, StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "c", "b"})
  void weRead_whatDmtxwriteRenders_inEachEncodation(String encodation, @TempDir Path dir) throws Exception {
    List<String> payloads = new ArrayList<>();
    payloads.add(DataMatrixInsSymbolTest.PAT_TROIS);
    Seeds.stream(4).forEach(s -> payloads.add(DataMatrixIns.encode(new SyntheticIdentities(s).qualified())));
    for (String payload : payloads) {
      Path png = dir.resolve("theirs-" + encodation + ".png");
      Files.deleteIfExists(png);
      run(List.of("dmtxwrite", "-e", encodation, "-d", "5", "-m", "10", "-o", png.toString()),
          payload.getBytes(StandardCharsets.US_ASCII), dir);
      DataMatrixScan scan = DataMatrixInsSymbol.read(png);
      DataMatrixScan.Found f = assertInstanceOf(DataMatrixScan.Found.class, scan, "encodation " + encodation);
      assertEquals(payload, f.payload());
    }
  }
}
