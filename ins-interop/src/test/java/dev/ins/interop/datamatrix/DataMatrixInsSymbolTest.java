package dev.ins.interop.datamatrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.datamatrix.DataMatrixWriter;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStateException;
import dev.ins.core.IdentityStatus;
import dev.ins.core.InsValidationException;
import dev.ins.core.datamatrix.DataMatrixIns;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.core.testing.SyntheticIdentities;
import dev.ins.interop.TestIdentities;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataMatrixInsSymbolTest {

  static final String PAT_TROIS = "IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10"
      + "S3DOMINIQUE MARIE-LOUISE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215";

  static LongStream seeds() {
    return Seeds.stream(16);
  }

  private static String decodeClean(BufferedImage img) throws Exception {
    return new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
        .getText();
  }

  private static DataMatrixScan.Found found(DataMatrixScan scan, String why) {
    assertInstanceOf(DataMatrixScan.Found.class, scan, why + ": " + scan);
    return (DataMatrixScan.Found) scan;
  }

  @Test
  void of_qualifiedIdentity_carriesCoresPayloadExactly() throws Exception {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.of(TestIdentities.patTrois());
    assertEquals(PAT_TROIS, s.payload());
    assertEquals(PAT_TROIS, decodeClean(s.toImage(3, 2)));
    assertEquals(40, s.modules());
  }

  @Test
  void everyCodewordIsC40_soTheHeaderIsC40AsTheAnsValidatorRequires() throws Exception {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.ofPayload(PAT_TROIS);
    Result r = new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(s.toImage(3, 2)))));
    byte[] raw = r.getRawBytes();
    assertEquals(230, raw[0] & 0xFF, "the first codeword latches to C40");
    // 26 header characters = 8 C40 triplets + 2 characters: 18 codewords after the latch, no unlatch (254).
    for (int i = 1; i <= 18; i++) {
      assertTrue((raw[i] & 0xFF) != 254, "C40 left at codeword " + i);
    }
  }

  @Test
  void of_refusesANonQualifiedIdentity_andOfPayloadRefusesAnInvalidPayload() {
    Identity recup = TestIdentities.patTroisRecup();
    assertEquals(IdentityStatus.RECUP, recup.status());
    assertThrows(IdentityStateException.class, () -> DataMatrixInsSymbol.of(recup));
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> DataMatrixInsSymbol.ofPayload(PAT_TROIS.replace("279035121518989", "279035121518988")));
    assertTrue(e.field().startsWith("datamatrix.S1"), e.field());
    assertThrows(InsValidationException.class, () -> DataMatrixInsSymbol.ofPayload(PAT_TROIS + "\n"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void renderThenRead_givesTheSamePayloadAndContent(long seed) {
    Identity identity = new SyntheticIdentities(seed).qualified();
    DataMatrixInsSymbol s = DataMatrixInsSymbol.of(identity);
    DataMatrixScan.Found f = found(DataMatrixInsSymbol.read(s.toPng(PrintSpec.INS_DOCUMENT, 300)), Seeds.describe(seed));
    assertEquals(DataMatrixIns.encode(identity), f.payload(), Seeds.describe(seed));
    assertEquals(identity.traits(), f.content().traits(), Seeds.describe(seed));
    assertEquals(identity.insForExchange().orElseThrow(), f.content().ins(), Seeds.describe(seed));
  }

  /** A photo-like copy: scaled, rotated, blurred by interpolation, with salt-and-pepper noise. */
  static BufferedImage photo(BufferedImage src, double scale, double degrees, double noise, long seed) {
    double r0 = Math.toRadians(degrees);
    int w = (int) Math.ceil(src.getWidth() * scale * (Math.abs(Math.cos(r0)) + Math.abs(Math.sin(r0)))) + 80;
    BufferedImage out = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(new Color(235, 232, 225));
    g.fillRect(0, 0, w, w);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0, w / 2.0);
    t.rotate(Math.toRadians(degrees));
    t.scale(scale, scale);
    t.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
    g.drawImage(src, t, null);
    g.dispose();
    SplittableRandom r = new SplittableRandom(seed);
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        if (r.nextDouble() < noise) {
          out.setRGB(x, y, r.nextBoolean() ? 0x202020 : 0xF0F0F0);
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_findsTheSymbolInRotatedScaledNoisyCopies(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Identity identity = new SyntheticIdentities(seed).qualified();
    DataMatrixInsSymbol s = DataMatrixInsSymbol.of(identity);
    BufferedImage clean = s.toImage(6, 2);
    double scale = 0.6 + r.nextDouble() * 1.4;
    double angle = -40 + r.nextDouble() * 80;
    BufferedImage photo = photo(clean, scale, angle, 0.01, seed);
    String why = Seeds.describe(seed) + String.format(" scale=%.2f angle=%.1f", scale, angle);
    assertEquals(s.payload(), found(DataMatrixInsSymbol.read(photo), why).payload(), why);
  }

  @Test
  void read_findsTheSymbolInAJpegScan() throws IOException {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.ofPayload(PAT_TROIS);
    BufferedImage photo = photo(s.toImage(5, 2), 1.0, 12, 0.005, 7);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(photo, "jpeg", jpeg));
    assertEquals(PAT_TROIS, found(DataMatrixInsSymbol.read(jpeg.toByteArray()), "jpeg").payload());
  }

  @Test
  void read_reportsNoSymbol_andASymbolThatIsNotAnIns() throws Exception {
    BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
    assertInstanceOf(DataMatrixScan.NotFound.class, DataMatrixInsSymbol.read(blank));
    BitMatrix other = new DataMatrixWriter().encode("HELLO WORLD", BarcodeFormat.DATA_MATRIX, 200, 200);
    BufferedImage img = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(other);
    BufferedImage framed = photo(img, 1.0, 0, 0, 1);
    DataMatrixScan scan = DataMatrixInsSymbol.read(framed);
    DataMatrixScan.NotIns notIns = assertInstanceOf(DataMatrixScan.NotIns.class, scan);
    assertEquals("datamatrix.header", notIns.violations().get(0).field());
  }

  @Test
  void read_refusesNonImagesAndImagesTooLargeToDecode_fromTheirHeader() {
    assertInstanceOf(DataMatrixScan.NotFound.class, DataMatrixInsSymbol.read("not an image".getBytes(StandardCharsets.US_ASCII)));
    // A PNG whose header announces 100000 x 100000 pixels: refused before any pixel is allocated.
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
        .putInt((int) crc.getValue());
    DataMatrixScan scan = DataMatrixInsSymbol.read(png.array());
    DataMatrixScan.NotFound nf = assertInstanceOf(DataMatrixScan.NotFound.class, scan);
    assertTrue(nf.reason().contains("larger than"), nf.reason());
  }

  @Test
  void toPng_usesWholePixelModulesAndRecordsTheResolution() throws IOException {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.ofPayload(PAT_TROIS);
    byte[] png = s.toPng(PrintSpec.INS_DOCUMENT, 300);
    int modulePx = PrintSpec.INS_DOCUMENT.modulePixels(300);
    assertEquals(6, modulePx, "0.5 mm at 300 dpi is 5.9 px, rounded to 6");
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      BufferedImage img = reader.read(0);
      assertEquals((s.modules() + 4) * modulePx, img.getWidth());
      // The quiet zone is white; the finder pattern's bottom-left module is black.
      assertEquals(0xFFFFFFFF, img.getRGB(modulePx, modulePx));
      assertEquals(0xFF000000, img.getRGB(2 * modulePx + 1, img.getHeight() - 2 * modulePx - 2));
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertEquals(String.valueOf(Math.round(300 / 0.0254)), phys.getAttribute("pixelsPerUnitXAxis"));
    }
    assertEquals(2, PrintSpec.INS_DOCUMENT.modulePixels(72), "never less than 2 pixels per module");
    assertThrows(IllegalArgumentException.class, () -> s.toPng(PrintSpec.INS_DOCUMENT, 50));
    assertThrows(IllegalArgumentException.class, () -> new PrintSpec(0.5, 0));
  }

  @Test
  void toSvg_drawsExactlyTheDarkModules_atThePrintedSize() {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.ofPayload(PAT_TROIS);
    String svg = s.toSvg(PrintSpec.INS_DOCUMENT);
    assertTrue(svg.contains("width=\"22.000mm\""), svg.substring(0, 200));
    assertEquals(22.0, s.sideMillimetres(PrintSpec.INS_DOCUMENT), 1e-9);
    int q = PrintSpec.INS_DOCUMENT.quietZoneModules();
    boolean[][] drawn = new boolean[s.modules()][s.modules()];
    Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
    while (m.find()) {
      int x0 = Integer.parseInt(m.group(1)) - q;
      int y = Integer.parseInt(m.group(2)) - q;
      for (int x = x0; x < x0 + Integer.parseInt(m.group(3)); x++) {
        assertFalse(drawn[y][x], "module drawn twice");
        drawn[y][x] = true;
      }
    }
    for (int y = 0; y < s.modules(); y++) {
      for (int x = 0; x < s.modules(); x++) {
        assertEquals(s.isDark(x, y), drawn[y][x], "module " + x + "," + y);
      }
    }
  }

  @Test
  void toString_showsNoPatientData() {
    DataMatrixInsSymbol s = DataMatrixInsSymbol.ofPayload(PAT_TROIS);
    DataMatrixScan scan = DataMatrixInsSymbol.read(s.toImage(4, 2));
    List<String> secrets = List.of("PAT-TROIS", "DOMINIQUE", "279035121518989", "28-03-1979", "51215");
    PiiGuard.assertNoPii(s.toString(), secrets);
    PiiGuard.assertNoPii(scan.toString(), secrets);
  }
}
