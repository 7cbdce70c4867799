package dev.ins.interop.datamatrix;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import dev.ins.core.Identity;
import dev.ins.core.IdentityStateException;
import dev.ins.core.InsValidationException;
import dev.ins.core.datamatrix.DataMatrixIns;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A DataMatrix INS as a printable symbol: ECC200, square, every codeword in C40 (the ANS validator
 * requires a C40-encoded header; the whole payload is in the C40 character set), rendered as PNG
 * at a given resolution or as SVG, and read back from an image.
 *
 * <p>Invariants: the payload passed ins-core's strict {@link DataMatrixIns#decode} before the symbol
 * was built, so a symbol never carries an invalid DataMatrix INS. {@link #toString()} shows the
 * symbol size only.
 *
 * <pre>{@code
 * DataMatrixInsSymbol symbol = DataMatrixInsSymbol.of(qualifiedIdentity);  // QUAL only
 * Files.write(Path.of("ins.png"), symbol.toPng(PrintSpec.INS_DOCUMENT, 300));
 * String svg = symbol.toSvg(PrintSpec.INS_DOCUMENT);
 * DataMatrixScan scan = DataMatrixInsSymbol.read(ImageIO.read(scanFile));
 * }</pre>
 */
public final class DataMatrixInsSymbol {

  /** The largest image {@link #read(Path)} decodes, in pixels (width × height). */
  public static final long MAX_IMAGE_PIXELS = 50_000_000L;

  /** The angles tried, in order, when the symbol is not found upright (degrees). */
  private static final int[] ANGLES = {0, 15, -15, 30, -30, 45};

  private static final List<Function<LuminanceSource, BinaryBitmap>> BINARIZERS = List.of(
      s -> new BinaryBitmap(new HybridBinarizer(s)), s -> new BinaryBitmap(new GlobalHistogramBinarizer(s)));

  private final String payload;
  private final BitMatrix modules;

  private DataMatrixInsSymbol(String payload, BitMatrix modules) {
    this.payload = payload;
    this.modules = modules;
  }

  /**
   * Builds the symbol of a qualified identity's DataMatrix INS.
   *
   * @param identity the identity; must be QUAL
   * @return the symbol
   * @throws IdentityStateException {@code NOT_QUALIFIED} when the identity is not QUAL
   * @throws InsValidationException when the sex is not M or F (field {@code datamatrix.S5})
   */
  public static DataMatrixInsSymbol of(Identity identity) {
    return ofPayload(DataMatrixIns.encode(identity));
  }

  /**
   * Builds the symbol of a payload, after checking it with ins-core's strict decoder. The symbol
   * carries these exact characters, GS separators included.
   *
   * @param payload the DataMatrix INS payload
   * @return the symbol
   * @throws InsValidationException when the payload is not a valid DataMatrix INS (every broken rule)
   */
  public static DataMatrixInsSymbol ofPayload(CharSequence payload) {
    DataMatrixIns.decode(payload);
    String text = payload.toString();
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
    hints.put(EncodeHintType.FORCE_C40, Boolean.TRUE);
    // Width and height 0: one pixel per module, no margin; scaling and quiet zone are ours.
    BitMatrix m = new DataMatrixWriter().encode(text, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    return new DataMatrixInsSymbol(text, m);
  }

  /**
   * Returns the payload the symbol carries (patient data: not for logs).
   *
   * @return the payload, header and GS separators included
   */
  public String payload() {
    return payload;
  }

  /**
   * Returns the number of modules on one side of the symbol (finder pattern included, quiet zone
   * excluded), e.g. 40 for a 40×40 symbol.
   *
   * @return the side in modules
   */
  public int modules() {
    return modules.getWidth();
  }

  /**
   * Tells whether a module is dark.
   *
   * @param x the column, 0 at the left
   * @param y the row, 0 at the top
   * @return true for a dark module
   * @throws IndexOutOfBoundsException outside the symbol
   */
  public boolean isDark(int x, int y) {
    Objects.checkIndex(x, modules());
    Objects.checkIndex(y, modules.getHeight());
    return modules.get(x, y);
  }

  /**
   * Returns the printed side of the symbol, quiet zone included, in millimetres.
   *
   * @param spec the print size
   * @return the side in millimetres
   */
  public double sideMillimetres(PrintSpec spec) {
    return (modules() + 2.0 * spec.quietZoneModules()) * spec.moduleMillimetres();
  }

  /**
   * Draws the symbol: black modules on white, {@code modulePixels} pixels per module, with a quiet
   * zone of {@code quietZoneModules} modules.
   *
   * @param modulePixels pixels per module, 1 to 100
   * @param quietZoneModules the margin on each side, in modules, 0 to 20
   * @return a one-bit image
   */
  public BufferedImage toImage(int modulePixels, int quietZoneModules) {
    if (modulePixels < 1 || modulePixels > 100) {
      throw new IllegalArgumentException("modulePixels must be between 1 and 100, got " + modulePixels);
    }
    if (quietZoneModules < 0 || quietZoneModules > 20) {
      throw new IllegalArgumentException("quietZoneModules must be between 0 and 20, got " + quietZoneModules);
    }
    int n = modules();
    int side = (n + 2 * quietZoneModules) * modulePixels;
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      g.setColor(Color.BLACK);
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          if (modules.get(x, y)) {
            g.fillRect((x + quietZoneModules) * modulePixels, (y + quietZoneModules) * modulePixels,
                modulePixels, modulePixels);
          }
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * Renders a PNG for printing: the module size of {@code spec} rounded to whole pixels at
   * {@code dpi} (see {@link PrintSpec#modulePixels}), and the resolution written in the PNG
   * ({@code pHYs}) so that the image prints at that size.
   *
   * @param spec the print size
   * @param dpi the printer resolution, 72 to 2400
   * @return the PNG bytes
   */
  public byte[] toPng(PrintSpec spec, int dpi) {
    Objects.requireNonNull(spec, "spec");
    BufferedImage img = toImage(spec.modulePixels(dpi), spec.quietZoneModules());
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
      setDpi(meta, dpi);
      writer.write(null, new IIOImage(img, null, meta), null);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
  }

  private static void setDpi(IIOMetadata meta, int dpi) throws IIOInvalidTreeException {
    String format = "javax_imageio_png_1.0";
    IIOMetadataNode phys = new IIOMetadataNode("pHYs");
    String perMetre = Long.toString(Math.round(dpi / 0.0254));
    phys.setAttribute("pixelsPerUnitXAxis", perMetre);
    phys.setAttribute("pixelsPerUnitYAxis", perMetre);
    phys.setAttribute("unitSpecifier", "meter");
    IIOMetadataNode root = new IIOMetadataNode(format);
    root.appendChild(phys);
    meta.mergeTree(format, root);
  }

  /**
   * Renders an SVG whose width and height are the printed size in millimetres (quiet zone
   * included); one unit of the view box is one module, and runs of dark modules are single paths.
   *
   * @param spec the print size
   * @return the SVG document
   */
  public String toSvg(PrintSpec spec) {
    Objects.requireNonNull(spec, "spec");
    int n = modules();
    int q = spec.quietZoneModules();
    int side = n + 2 * q;
    String mm = String.format(Locale.ROOT, "%.3fmm", side * spec.moduleMillimetres());
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < n; y++) {
      int x = 0;
      while (x < n) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < n && modules.get(x, y)) {
          x++;
        }
        d.append('M').append(start + q).append(' ').append(y + q).append('h').append(x - start)
            .append("v1h-").append(x - start).append('z');
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + mm + "\" height=\"" + mm
        + "\" viewBox=\"0 0 " + side + " " + side + "\" shape-rendering=\"crispEdges\">\n"
        + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#ffffff\"/>\n"
        + "<path fill=\"#000000\" d=\"" + d + "\"/>\n"
        + "</svg>\n";
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * Reads a DataMatrix INS from an image: a render, a scan, or a photo taken at a reasonable angle.
   * The image is tried as is, then with two binarizers and rotated by up to 45 degrees.
   *
   * @param image the image
   * @return the outcome; never null
   */
  public static DataMatrixScan read(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    if ((long) image.getWidth() * image.getHeight() > MAX_IMAGE_PIXELS) {
      return new DataMatrixScan.NotFound("the image is larger than " + MAX_IMAGE_PIXELS + " pixels");
    }
    Result result = locate(image);
    if (result == null) {
      return new DataMatrixScan.NotFound("no DataMatrix symbol could be located and decoded in the image");
    }
    String text = result.getText();
    try {
      return new DataMatrixScan.Found(text, DataMatrixIns.decode(text));
    } catch (InsValidationException e) {
      return new DataMatrixScan.NotIns(e.violations());
    }
  }

  /**
   * Reads a DataMatrix INS from an image file (PNG, JPEG, GIF, BMP, TIFF...). The image size is
   * checked from its header before it is decoded (at most {@link #MAX_IMAGE_PIXELS}).
   *
   * @param file the image file
   * @return the outcome; {@link DataMatrixScan.NotFound} when the file is not a readable image
   * @throws IOException when the file cannot be read
   */
  public static DataMatrixScan read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a DataMatrix INS from the bytes of an image file, as {@link #read(Path)} does.
   *
   * @param imageFile the bytes of a PNG, JPEG, GIF, BMP or TIFF file
   * @return the outcome; {@link DataMatrixScan.NotFound} when the bytes are not a readable image
   */
  public static DataMatrixScan read(byte[] imageFile) {
    Objects.requireNonNull(imageFile, "imageFile");
    try {
      return read(new java.io.ByteArrayInputStream(imageFile));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory failed", e);
    }
  }

  private static DataMatrixScan read(InputStream in) throws IOException {
    try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
      if (readers == null || !readers.hasNext()) {
        return new DataMatrixScan.NotFound("not an image format this reader knows (PNG, JPEG, GIF, BMP, TIFF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_IMAGE_PIXELS) {
          return new DataMatrixScan.NotFound("the image is larger than " + MAX_IMAGE_PIXELS + " pixels");
        }
        return read(reader.read(0));
      } catch (IOException | RuntimeException e) {
        // A damaged or truncated image is an input that holds no symbol, not a failure of the reader.
        return new DataMatrixScan.NotFound("the image could not be decoded (damaged or unsupported file)");
      } finally {
        reader.dispose();
      }
    }
  }

  private static Result locate(BufferedImage image) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    DataMatrixReader reader = new DataMatrixReader();
    BufferedImage gray = toGray(image);
    BufferedImage clean = median3(gray);
    for (int angle : ANGLES) {
      for (BufferedImage base : List.of(gray, clean)) {
        BufferedImage candidate = angle == 0 ? base : rotate(base, angle);
        LuminanceSource source = new BufferedImageLuminanceSource(candidate);
        for (Function<LuminanceSource, BinaryBitmap> binarize : BINARIZERS) {
          try {
            return reader.decode(binarize.apply(source), hints);
          } catch (NotFoundException e) {
            // try the next binarizer, the denoised image, or the next angle
          } catch (ReaderException | RuntimeException e) {
            // a symbol-like shape that does not decode (checksum, format): keep looking
          } finally {
            reader.reset();
          }
        }
      }
    }
    return null;
  }

  /** A 3×3 median filter: removes the isolated dark and light specks of scans and photos. */
  private static BufferedImage median3(BufferedImage gray) {
    int w = gray.getWidth();
    int h = gray.getHeight();
    byte[] src = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] window = new int[9];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          int yy = Math.min(h - 1, Math.max(0, y + dy));
          for (int dx = -1; dx <= 1; dx++) {
            int xx = Math.min(w - 1, Math.max(0, x + dx));
            window[n++] = src[yy * w + xx] & 0xFF;
          }
        }
        java.util.Arrays.sort(window);
        dst[y * w + x] = (byte) window[4];
      }
    }
    return out;
  }

  private static BufferedImage toGray(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, gray.getWidth(), gray.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return gray;
  }

  private static BufferedImage rotate(BufferedImage src, int degrees) {
    double r = Math.toRadians(degrees);
    double sin = Math.abs(Math.sin(r));
    double cos = Math.abs(Math.cos(r));
    int w = src.getWidth();
    int h = src.getHeight();
    int nw = (int) Math.ceil(w * cos + h * sin);
    int nh = (int) Math.ceil(h * cos + w * sin);
    BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, nw, nh);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      AffineTransform t = new AffineTransform();
      t.translate(nw / 2.0, nh / 2.0);
      t.rotate(r);
      t.translate(-w / 2.0, -h / 2.0);
      g.drawImage(src, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Shows the symbol size only: the payload is patient data. */
  @Override
  public String toString() {
    return "DataMatrixInsSymbol[" + modules() + "x" + modules() + " modules]";
  }
}
