package dev.ins.phishing.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Attachments built in memory for tests: the magic bytes and container structures of dangerous
 * file types, with no working payload. Never real malware: a Windows executable here is a DOS and
 * PE header with no section and no code; a macro document has a VBA project stream name and no
 * macro; a shortcut has no target.
 *
 * <pre>{@code
 * byte[] exe = SyntheticAttachments.windowsExecutable();
 * byte[] docm = SyntheticAttachments.ooxml(true);   // word/vbaProject.bin inside
 * byte[] zip = SyntheticAttachments.encryptedZip("facture.exe", exe, "2024", seed);
 * }</pre>
 */
public final class SyntheticAttachments {

  private SyntheticAttachments() {}

  /**
   * A Windows PE header: {@code MZ}, a DOS stub text, {@code e_lfanew} at 0x80 pointing to
   * {@code PE\0\0} and a COFF header with no section.
   *
   * @return the bytes
   */
  public static byte[] windowsExecutable() {
    ByteBuffer b = ByteBuffer.allocate(0x200).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'M').put((byte) 'Z');
    b.putShort(0x02, (short) 0x90).putShort(0x04, (short) 3).putShort(0x08, (short) 4).putShort(0x0C, (short) 0xFFFF);
    b.putShort(0x10, (short) 0xB8).putShort(0x18, (short) 0x40).putInt(0x3C, 0x80);
    b.position(0x40);
    b.put("This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII));
    b.position(0x80);
    b.put(new byte[] {'P', 'E', 0, 0});
    b.putShort((short) 0x8664).putShort((short) 0).putInt(0x65F0_0000).putInt(0).putInt(0).putShort((short) 0).putShort((short) 0x0022);
    return b.array();
  }

  /**
   * An ELF header (64-bit, little-endian, executable type, no program header).
   *
   * @return the bytes
   */
  public static byte[] elfExecutable() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
    b.position(16);
    b.putShort((short) 2).putShort((short) 0x3E).putInt(1);
    b.putShort(52, (short) 64);
    return b.array();
  }

  /**
   * A Windows shell link header (76 bytes: header size 0x4C, the ShellLink CLSID, no flags, no target).
   *
   * @return the bytes
   */
  public static byte[] shortcut() {
    ByteBuffer b = ByteBuffer.allocate(76).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x4C);
    b.put(new byte[] {0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46});
    b.putInt(20, 0).putInt(24, 0x20).putInt(60, 1);
    return b.array();
  }

  /**
   * An ISO 9660 image: 16 empty system sectors, a primary volume descriptor ({@code CD001} at
   * 0x8001) and the set terminator.
   *
   * @return the bytes (36 KiB)
   */
  public static byte[] isoImage() {
    byte[] img = new byte[0x8000 + 2 * 2048];
    int p = 0x8000;
    img[p] = 1;
    System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, img, p + 1, 5);
    img[p + 6] = 1;
    byte[] volume = String.format("%-32s", "SYNTHETIC_TEST").getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(volume, 0, img, p + 40, 32);
    p += 2048;
    img[p] = (byte) 0xFF;
    System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, img, p + 1, 5);
    img[p + 6] = 1;
    return img;
  }

  /**
   * An OLE2 compound file (the {@code .doc}/{@code .xls} container): header, one FAT sector, a
   * directory with a {@code WordDocument} stream and, with macros, the {@code Macros/VBA} storages
   * and the {@code _VBA_PROJECT}, {@code dir} and {@code PROJECT} streams (all empty).
   *
   * @param macros whether to declare a VBA project
   * @return the bytes
   */
  public static byte[] ole2(boolean macros) {
    String[][] entries = macros
        ? new String[][] {{"Root Entry", "5"}, {"WordDocument", "2"}, {"1Table", "2"}, {"Macros", "1"}, {"VBA", "1"},
            {"_VBA_PROJECT", "2"}, {"dir", "2"}, {"PROJECT", "2"}}
        : new String[][] {{"Root Entry", "5"}, {"WordDocument", "2"}, {"1Table", "2"}, {"\u0005SummaryInformation", "2"}};
    int dirSectors = (entries.length + 3) / 4;
    ByteBuffer b = ByteBuffer.allocate(512 * (2 + dirSectors)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
    b.position(0x18);
    b.putShort((short) 0x3E).putShort((short) 3).putShort((short) 0xFFFE).putShort((short) 9).putShort((short) 6);
    b.position(0x2C);
    b.putInt(1).putInt(1).putInt(0).putInt(4096).putInt(0xFFFFFFFE).putInt(0).putInt(0xFFFFFFFE).putInt(0);
    b.putInt(0x4C, 0);
    for (int i = 1; i < 109; i++) {
      b.putInt(0x4C + 4 * i, 0xFFFFFFFF);
    }
    // Sector 0: the FAT. Sector 0 is a FAT sector, the directory chain follows, the rest is free.
    int fat = 512;
    b.putInt(fat, 0xFFFFFFFD);
    for (int s = 1; s <= dirSectors; s++) {
      b.putInt(fat + 4 * s, s == dirSectors ? 0xFFFFFFFE : s + 1);
    }
    for (int s = dirSectors + 1; s < 128; s++) {
      b.putInt(fat + 4 * s, 0xFFFFFFFF);
    }
    for (int i = 0; i < entries.length; i++) {
      int e = 1024 + 128 * i;
      byte[] name = entries[i][0].getBytes(StandardCharsets.UTF_16LE);
      b.position(e);
      b.put(name);
      b.putShort(e + 0x40, (short) (name.length + 2));
      b.put(e + 0x42, Byte.parseByte(entries[i][1]));
      b.put(e + 0x43, (byte) 1);
      b.putInt(e + 0x44, i + 1 < entries.length && i > 0 ? i + 1 : 0xFFFFFFFF);
      b.putInt(e + 0x48, 0xFFFFFFFF);
      b.putInt(e + 0x4C, i == 0 ? 1 : 0xFFFFFFFF);
      b.putInt(e + 0x74, i == 0 ? 0xFFFFFFFE : 0);
    }
    for (int i = entries.length; i < 4 * dirSectors; i++) {
      int e = 1024 + 128 * i;
      b.putInt(e + 0x44, 0xFFFFFFFF).putInt(e + 0x48, 0xFFFFFFFF).putInt(e + 0x4C, 0xFFFFFFFF);
    }
    return b.array();
  }

  /**
   * An Office Open XML word-processing document: {@code [Content_Types].xml} first, the package
   * relationships, the document part, and with macros {@code word/vbaProject.bin} (an OLE2 VBA
   * container, {@link #ole2(boolean)}).
   *
   * @param macros whether to include the VBA project part
   * @return the zip bytes
   */
  public static byte[] ooxml(boolean macros) {
    String main = macros ? "application/vnd.ms-word.document.macroEnabled.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + (macros ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" : "")
        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + main + "\"/></Types>").getBytes(StandardCharsets.UTF_8));
    parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
        + " Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
    parts.put("word/document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
        + "<w:t>Document de test synthétique.</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
    if (macros) {
      parts.put("word/_rels/document.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\""
          + " Target=\"vbaProject.bin\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
      parts.put("word/vbaProject.bin", ole2(true));
    }
    return zip(parts);
  }

  /**
   * A minimal PDF document carrying a line of text.
   *
   * @param text the text (ASCII)
   * @return the bytes
   */
  public static byte[] pdf(String text) {
    String content = "BT /F1 12 Tf 72 720 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET";
    String body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"
        + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
        + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
        + "trailer << /Root 1 0 R /Size 5 >>\n%%EOF\n";
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A PDF document of one page showing some text lines, with a link annotation covering the page
   * whose URI action goes to {@code uri}. Compressed, the page content is a Flate stream and the
   * annotation sits in a Flate-compressed object stream (PDF 1.5), as most PDF writers produce it;
   * uncompressed, the URI is written as a hexadecimal string ({@code /URI<6874…>}).
   *
   * @param lines the text lines (ASCII; parentheses removed)
   * @param uri the link target
   * @param compressed whether content and annotation are Flate-compressed
   * @return the bytes
   */
  public static byte[] pdfWithLink(java.util.List<String> lines, String uri, boolean compressed) {
    StringBuilder content = new StringBuilder("BT /F1 11 Tf 72 760 Td 14 TL\n");
    for (String line : lines) {
      content.append('(').append(line.replace("(", "").replace(")", "").replace("\\", "")).append(") Tj T*\n");
    }
    content.append("ET\n");
    String annot = "<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /Border [0 0 0] /A << /S /URI /URI ("
        + uri.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") >> >>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
    write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
    write(out, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
    write(out, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >> endobj\n");
    if (compressed) {
      byte[] c = deflate(content.toString().getBytes(StandardCharsets.ISO_8859_1));
      write(out, "4 0 obj << /Length " + c.length + " /Filter /FlateDecode >> stream\n");
      out.writeBytes(c);
      write(out, "\nendstream endobj\n");
      String objects = "5 0 " + annot;
      byte[] o = deflate(objects.getBytes(StandardCharsets.ISO_8859_1));
      write(out, "6 0 obj << /Type /ObjStm /N 1 /First 4 /Length " + o.length + " /Filter /FlateDecode >> stream\n");
      out.writeBytes(o);
      write(out, "\nendstream endobj\n");
    } else {
      write(out, "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "endstream endobj\n");
      StringBuilder hex = new StringBuilder();
      for (byte b : uri.getBytes(StandardCharsets.ISO_8859_1)) {
        hex.append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
      }
      write(out, "5 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /URI /URI<" + hex + "> >> >> endobj\n");
    }
    write(out, "trailer << /Root 1 0 R /Size 7 >>\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Compresses bytes with Flate (zlib), as a PDF {@code /FlateDecode} stream holds them.
   *
   * @param data the bytes
   * @return the compressed bytes
   */
  public static byte[] deflate(byte[] data) {
    java.util.zip.Deflater d = new java.util.zip.Deflater();
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  /**
   * A small PNG picture (black and white squares, like a QR code), drawn with the JDK's ImageIO.
   *
   * @param seed the pattern
   * @return the PNG bytes
   */
  public static byte[] png(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(84, 84, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < 21; y++) {
      for (int x = 0; x < 21; x++) {
        int v = r.nextBoolean() ? 0x000000 : 0xFFFFFF;
        for (int dy = 0; dy < 4; dy++) {
          for (int dx = 0; dx < 4; dx++) {
            img.setRGB(4 * x + dx, 4 * y + dy, v);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A plain zip archive (deflated entries, in the given order).
   *
   * @param entries file names and contents
   * @return the zip bytes
   */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setTime(1_767_225_600_000L);
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A zip archive with one entry encrypted with the traditional PKWARE cipher (ZipCrypto, stored),
   * so that it opens with the password in any archiver.
   *
   * @param name the entry name
   * @param content the entry content
   * @param password the password
   * @param seed the seed of the 12-byte encryption header
   * @return the zip bytes
   */
  public static byte[] encryptedZip(String name, byte[] content, String password, long seed) {
    CRC32 crc32 = new CRC32();
    crc32.update(content);
    int crc = (int) crc32.getValue();
    ZipCrypto c = new ZipCrypto(password.getBytes(StandardCharsets.UTF_8));
    byte[] header = new byte[12];
    new SplittableRandom(seed).nextBytes(header);
    header[11] = (byte) (crc >>> 24);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte h : header) {
      data.write(c.encrypt(h));
    }
    for (byte p : content) {
      data.write(c.encrypt(p));
    }
    byte[] enc = data.toByteArray();
    byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(30 + fileName.length + enc.length + 46 + fileName.length + 22).order(ByteOrder.LITTLE_ENDIAN);
    int dosTime = 0;
    int dosDate = (2026 - 1980) << 9 | 1 << 5 | 1;
    b.putInt(0x04034b50).putShort((short) 20).putShort((short) 1).putShort((short) 0).putShort((short) dosTime)
        .putShort((short) dosDate).putInt(crc).putInt(enc.length).putInt(content.length).putShort((short) fileName.length)
        .putShort((short) 0).put(fileName).put(enc);
    int central = b.position();
    b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 1).putShort((short) 0)
        .putShort((short) dosTime).putShort((short) dosDate).putInt(crc).putInt(enc.length).putInt(content.length)
        .putShort((short) fileName.length).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
        .putInt(0).putInt(0).put(fileName);
    int centralSize = b.position() - central;
    b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
        .putInt(centralSize).putInt(central).putShort((short) 0);
    return b.array();
  }

  /** The traditional PKWARE stream cipher (APPNOTE 6.1). */
  private static final class ZipCrypto {
    private static final int[] TABLE = new int[256];

    static {
      for (int n = 0; n < 256; n++) {
        int c = n;
        for (int k = 0; k < 8; k++) {
          c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
        }
        TABLE[n] = c;
      }
    }

    private int k0 = 0x12345678;
    private int k1 = 0x23456789;
    private int k2 = 0x34567890;

    ZipCrypto(byte[] password) {
      for (byte p : password) {
        update(p);
      }
    }

    private static int crc(int crc, int b) {
      return TABLE[(crc ^ b) & 0xFF] ^ (crc >>> 8);
    }

    private void update(int b) {
      k0 = crc(k0, b);
      k1 = (k1 + (k0 & 0xFF)) * 134775813 + 1;
      k2 = crc(k2, k1 >>> 24);
    }

    byte encrypt(byte plain) {
      int t = (k2 | 2) & 0xFFFF;
      int mask = ((t * (t ^ 1)) >>> 8) & 0xFF;
      update(plain);
      return (byte) (plain ^ mask);
    }
  }

  /**
   * A fake login page, as phishing attaches: a form asking for an identifier and a password.
   *
   * @param brand the name the page claims
   * @param action where the form posts
   * @return the HTML bytes
   */
  public static byte[] loginPage(String brand, String action) {
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + brand + " - Connexion</title></head><body>"
        + "<h1>" + brand + "</h1><p>Votre session a expiré. Reconnectez-vous pour consulter le document.</p>"
        + "<form method=\"post\" action=\"" + action + "\"><input type=\"email\" name=\"login\" placeholder=\"Adresse e-mail\">"
        + "<input type=\"password\" name=\"pwd\"><button type=\"submit\">Se connecter</button></form>"
        + "<script>document.forms[0].login.focus();</script></body></html>").getBytes(StandardCharsets.UTF_8);
  }
}
