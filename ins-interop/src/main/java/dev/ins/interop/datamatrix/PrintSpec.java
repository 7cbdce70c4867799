package dev.ins.interop.datamatrix;

/**
 * How large a DataMatrix INS is printed: the side of one module (the X-dimension) in millimetres
 * and the quiet zone (the blank margin around the symbol) in modules.
 *
 * <p>Invariants: the module is between 0.1 mm and 5 mm; the quiet zone is between 1 module (the
 * ISO/IEC 16022 minimum) and 20 modules. {@link #INS_DOCUMENT} is the default used for health
 * documents; see {@code docs/ins-interop.md} for where its figures come from.
 *
 * <pre>{@code
 * byte[] png = symbol.toPng(PrintSpec.INS_DOCUMENT, 300);        // 0.5 mm modules at 300 dpi
 * byte[] larger = symbol.toPng(new PrintSpec(0.75, 4), 600);
 * }</pre>
 *
 * @param moduleMillimetres the side of one module, in millimetres
 * @param quietZoneModules the blank margin on each side, in modules
 */
public record PrintSpec(double moduleMillimetres, int quietZoneModules) {

  /**
   * The default for a printed health document: 0.5 mm modules and a quiet zone of 2 modules on each
   * side (twice the ISO/IEC 16022 minimum).
   */
  public static final PrintSpec INS_DOCUMENT = new PrintSpec(0.5, 2);

  private static final double MM_PER_INCH = 25.4;

  /**
   * Validates the figures.
   *
   * @param moduleMillimetres see the record component
   * @param quietZoneModules see the record component
   * @throws IllegalArgumentException when a figure is out of range
   */
  public PrintSpec {
    if (!(moduleMillimetres >= 0.1 && moduleMillimetres <= 5.0)) {
      throw new IllegalArgumentException("moduleMillimetres must be between 0.1 and 5, got " + moduleMillimetres);
    }
    if (quietZoneModules < 1 || quietZoneModules > 20) {
      throw new IllegalArgumentException("quietZoneModules must be between 1 and 20, got " + quietZoneModules);
    }
  }

  /**
   * Returns the whole number of pixels one module takes at a resolution: the module size rounded to
   * the nearest pixel, at least 2 pixels so that a scanner sees every module.
   *
   * @param dpi the resolution in dots per inch, 72 to 2400
   * @return pixels per module
   * @throws IllegalArgumentException when the resolution is out of range
   */
  public int modulePixels(int dpi) {
    checkDpi(dpi);
    return Math.max(2, (int) Math.round(moduleMillimetres * dpi / MM_PER_INCH));
  }

  static void checkDpi(int dpi) {
    if (dpi < 72 || dpi > 2400) {
      throw new IllegalArgumentException("dpi must be between 72 and 2400, got " + dpi);
    }
  }
}
