/**
 * The DataMatrix INS payload: write it for a qualified identity, read it from a scan.
 *
 * <pre>{@code
 * String payload = DataMatrixIns.encode(identity);          // QUAL only
 * DataMatrixIns read = DataMatrixIns.decode(scannedText);   // strict, any field order
 * }</pre>
 *
 * <p>Only the text content is handled here; draw the symbol (ECC200, square, C40 header) with a
 * barcode library.
 */
package dev.ins.core.datamatrix;
