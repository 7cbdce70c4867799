package dev.ins.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ins.security.breach.BreachRecord;
import dev.ins.security.breach.BreachRegister;
import dev.ins.security.breach.BreachRegisterFile;
import dev.ins.security.breach.DataCategory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML posture report in a real headless Chromium (Debian's {@code chromium}, installed by
 * {@code .ci/setup.d/70-chromium.sh}): rendered, screenshot taken, no console message, the RED,
 * AMBER and GREEN rows present in the DOM and visible in colour, one A4 page when printed.
 * Skipped with a visible message when Chromium is absent outside CI; fails under {@code CI=true}.
 */
class HtmlReportChromiumTest {
  private static Path chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    for (String candidate : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        chromium = Path.of(candidate);
        return;
      }
    }
    String message = "Chromium not found (install the Debian package 'chromium', see .ci/setup.d/70-chromium.sh)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + ": required under CI=true");
    }
    System.err.println("SKIPPED HtmlReportChromiumTest: " + message);
    Assumptions.abort(message);
  }

  private record Result(int exit, String stderr) {}

  private Result chromium(List<String> extra, Path page) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Path err = Files.createTempFile(dir, "chromium", ".err");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(dir.resolve("stdout-" + System.nanoTime()).toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 90 s");
    }
    return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> consoleLines(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains(":CONSOLE")) {
        out.add(line);
      }
    }
    return out;
  }

  /** A report with RED, AMBER and GREEN rows: an overdue breach, a stale backup, the rest well kept. */
  private Path mixedReport() throws IOException {
    PracticeFixture f = new PracticeFixture(dir.resolve("practice"));
    BreachRegister reg = new BreachRegister();
    reg.record(BreachRecord.of("2026-007", PracticeFixture.NOW.minus(Duration.ofHours(80)), "rançongiciel sur le poste d'accueil",
        Set.of(DataCategory.HEALTH), "indisponibilité", "poste isolé"));
    BreachRegisterFile.save(reg, f.dir.resolve("breaches.json"));
    PostureReport r = f.posture().clock(Clock.fixed(PracticeFixture.NOW.plus(Duration.ofHours(30)), ZoneOffset.UTC)).build().run();
    assertTrue(r.count(PostureStatus.RED) > 0 && r.count(PostureStatus.AMBER) > 0 && r.count(PostureStatus.GREEN) > 0, r.toJson());
    Path html = dir.resolve("bilan.html");
    Files.writeString(html, r.toHtml(), StandardCharsets.UTF_8);
    return html;
  }

  @Test
  void report_rendersInChromium_withoutConsoleMessages_andShowsTheColouredRows() throws Exception {
    Path html = mixedReport();
    Path png = dir.resolve("bilan.png");
    Result shot = chromium(List.of("--screenshot=" + png, "--window-size=1240,1754"), html);
    assertEquals(0, shot.exit(), shot.stderr());
    assertEquals(List.of(), consoleLines(shot.stderr()), "the page must log nothing to the console");
    keep(png);
    keep(html);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1240, img.getWidth());
    assertTrue(countColour(img, 0xffb4b4) > 500, "RED status cells visible");
    assertTrue(countColour(img, 0xffe0a0) > 500, "AMBER status cells visible");
    assertTrue(countColour(img, 0xc8f0c8) > 500, "GREEN status cells visible");

    Path dom = dir.resolve("dom.html");
    Result dump = chromium(List.of("--dump-dom"), html);
    assertEquals(0, dump.exit(), dump.stderr());
    String rendered = Files.readString(dir.resolve(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("stdout-"))
        .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElseThrow().getFileName()));
    Files.writeString(dom, rendered);
    for (String status : new String[] {"RED", "AMBER", "GREEN"}) {
      assertTrue(count(rendered, "<tr class=\"" + status + "\"") > 0, status + " rows in the rendered DOM");
    }
    assertTrue(rendered.contains("✖ ROUGE") && rendered.contains("! ORANGE") && rendered.contains("✔ VERT"), "colour as text too");
  }

  @Test
  void report_printsOnOneA4Page() throws Exception {
    Path html = mixedReport();
    Path pdf = dir.resolve("bilan.pdf");
    Result print = chromium(List.of("--print-to-pdf=" + pdf, "--no-pdf-header-footer"), html);
    assertEquals(0, print.exit(), print.stderr());
    keep(pdf);
    String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(text);
    int pages = 0;
    while (m.find()) {
      pages++;
    }
    assertEquals(1, pages, "the report fits on one A4 page");
    Matcher box = Pattern.compile("/MediaBox\\s*\\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
    assertTrue(box.find(), "a page size");
    assertEquals(595, Math.round(Double.parseDouble(box.group(1))), "A4 width in points");
    assertEquals(842, Math.round(Double.parseDouble(box.group(2))), "A4 height in points");
  }

  @Test
  void consoleDetection_catchesAPageThatLogsAnError() throws Exception {
    Path page = Files.writeString(dir.resolve("bad.html"),
        "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom')</script></body></html>");
    Result r = chromium(List.of("--screenshot=" + dir.resolve("bad.png"), "--window-size=400,300"), page);
    assertEquals(0, r.exit(), r.stderr());
    assertEquals(1, consoleLines(r.stderr()).size(), "the negative control proves the console check works: " + r.stderr());
  }

  /** Keeps the rendered artefacts under target/chromium for a human to look at. */
  private static void keep(Path file) throws IOException {
    Path out = Path.of("target", "chromium");
    Files.createDirectories(out);
    Files.copy(file, out.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static int countColour(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y) & 0xffffff;
        if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= 3 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= 3
            && Math.abs((p & 255) - (rgb & 255)) <= 3) {
          n++;
        }
      }
    }
    return n;
  }
}
