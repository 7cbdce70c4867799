package dev.ins.phishing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.phishing.TriageLimits;
import dev.ins.phishing.testing.SyntheticAttachments;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The triage media-type table (Tika core magic) classifies each format triage acts on. */
class AttachmentInspectorTest {

  private static final AttachmentInspector INSPECTOR = new AttachmentInspector(TriageLimits.defaults());

  private static AttachmentInspector.Kind kind(byte[] content) {
    return INSPECTOR.kind(INSPECTOR.detect(content));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void detect_classifiesEachSignature() {
    assertEquals(AttachmentInspector.Kind.EXECUTABLE, kind(SyntheticAttachments.windowsExecutable()));
    assertEquals(AttachmentInspector.Kind.EXECUTABLE, kind(SyntheticAttachments.elfExecutable()));
    assertEquals(AttachmentInspector.Kind.EXECUTABLE, kind(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1}));
    assertEquals(AttachmentInspector.Kind.SCRIPT, kind(ascii("#!/bin/sh\necho x\n")));
    assertEquals(AttachmentInspector.Kind.SHORTCUT, kind(SyntheticAttachments.shortcut()));
    assertEquals(AttachmentInspector.Kind.DISK_IMAGE, kind(SyntheticAttachments.isoImage()));
    assertEquals(AttachmentInspector.Kind.OLE2, kind(SyntheticAttachments.ole2(false)));
    assertEquals(AttachmentInspector.Kind.OOXML, kind(SyntheticAttachments.ooxml(false)));
    assertEquals(AttachmentInspector.Kind.ZIP, kind(SyntheticAttachments.zip(Map.of("a.txt", ascii("a")))));
    assertEquals(AttachmentInspector.Kind.ARCHIVE, kind(ascii("Rar!\u001a\u0007\u0001\u0000")));
    assertEquals(AttachmentInspector.Kind.ARCHIVE, kind(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}));
    assertEquals(AttachmentInspector.Kind.ARCHIVE, kind(new byte[] {0x1F, (byte) 0x8B, 8, 0}));
    assertEquals(AttachmentInspector.Kind.PDF, kind(SyntheticAttachments.pdf("x")));
    assertEquals(AttachmentInspector.Kind.HTML, kind(ascii("\n  <!doctype html><html><body>x</body></html>")));
    assertEquals(AttachmentInspector.Kind.HTML, kind(ascii("<FORM action=x><input type=password></FORM>")));
    assertEquals(AttachmentInspector.Kind.SVG, kind(ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
    assertEquals(AttachmentInspector.Kind.IMAGE, kind(SyntheticAttachments.png(1)));
    assertEquals(AttachmentInspector.Kind.IMAGE, kind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}));
    assertEquals(AttachmentInspector.Kind.TEXT, kind(ascii("Bonjour,\nvoici le compte rendu.\n")));
    assertEquals(AttachmentInspector.Kind.OTHER, kind(new byte[0]));
  }

  @Test
  void detect_randomBytesAreNotAnyDangerousKind() {
    SplittableRandom r = new SplittableRandom(15);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[1 + r.nextInt(4096)];
      r.nextBytes(b);
      AttachmentInspector.Kind k = kind(b);
      assertFalse(k.dangerous() && !(b[0] == 'M' && b[1] == 'Z'), "random bytes detected as " + k);
    }
  }

  @Test
  void nameCheck_findsTheRealAndTheShownExtension() {
    AttachmentInspector.NameCheck n = AttachmentInspector.NameCheck.of("Facture.pdf      .exe");
    assertEquals("exe", n.extension());
    assertEquals("pdf", n.previous());
    assertTrue(n.padded());
    assertNull(AttachmentInspector.NameCheck.of("Dr.Martin.pdf").previous(), "a word before the extension is not one");
    assertTrue(AttachmentInspector.NameCheck.of("Facture\u202Efdp.exe").bidiOverride());
    assertEquals("exe", AttachmentInspector.NameCheck.of("C:\\temp\\virus.exe . ").extension());
  }
}
