/**
 * The DataMatrix INS as a printable ECC200 symbol (ZXing): {@link
 * dev.ins.interop.datamatrix.DataMatrixInsSymbol} renders PNG and SVG at a {@link
 * dev.ins.interop.datamatrix.PrintSpec} and reads symbols back from scans and photos.
 *
 * <pre>{@code
 * byte[] png = DataMatrixInsSymbol.of(qualified).toPng(PrintSpec.INS_DOCUMENT, 300);
 * DataMatrixScan scan = DataMatrixInsSymbol.read(png);
 * }</pre>
 */
package dev.ins.interop.datamatrix;
