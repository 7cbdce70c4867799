package dev.ins.phishing.internal;

import dev.ins.phishing.ReasonCode;
import dev.ins.phishing.TriageLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.apache.tika.parser.ParseContext;

/**
 * Judges attachments by content (Apache Tika core's magic detection over the signatures triage acts
 * on, {@code triage-mimetypes.xml}) and by the extension Windows would act on: executables and scripts, disguised types,
 * double and padded extensions, macros (OOXML {@code vbaProject.bin}, OLE2 VBA project), shortcuts,
 * disk images, HTML pages, and zip archives one level deep (encrypted, or holding any of these).
 */
public final class AttachmentInspector {

  /** What an attachment is, from its content or its extension. */
  enum Kind {
    EXECUTABLE("un programme exécutable"),
    SCRIPT("un script exécutable"),
    SHORTCUT("un raccourci Windows"),
    DISK_IMAGE("une image disque"),
    MACRO_DOCUMENT("un document Office à macros"),
    OLE2("un document Office (format OLE2)"),
    OOXML("un document Office"),
    ZIP("une archive ZIP"),
    ARCHIVE("une archive"),
    HTML("une page HTML"),
    SVG("une image SVG"),
    PDF("un document PDF"),
    IMAGE("une image"),
    TEXT("un texte"),
    OTHER("un fichier");

    final String french;

    Kind(String french) {
      this.french = french;
    }

    boolean dangerous() {
      return this == EXECUTABLE || this == SCRIPT || this == SHORTCUT || this == DISK_IMAGE || this == MACRO_DOCUMENT;
    }
  }

  private static final Map<String, Kind> EXTENSIONS = new HashMap<>();

  static {
    for (String e : List.of("exe", "scr", "com", "pif", "cpl", "msi", "msp", "dll", "jar", "appx", "msix", "appref-ms",
        "application", "gadget", "msc", "xll", "sys", "drv", "ocx", "elf", "bin")) {
      EXTENSIONS.put(e, Kind.EXECUTABLE);
    }
    for (String e : List.of("bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "wsc", "hta",
        "sct", "reg", "inf", "sh", "py", "pl", "scf", "iqy", "slk", "settingcontent-ms")) {
      EXTENSIONS.put(e, Kind.SCRIPT);
    }
    for (String e : List.of("lnk", "url", "website")) {
      EXTENSIONS.put(e, Kind.SHORTCUT);
    }
    for (String e : List.of("iso", "img", "vhd", "vhdx", "udf", "dmg")) {
      EXTENSIONS.put(e, Kind.DISK_IMAGE);
    }
    for (String e : List.of("docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppam", "ppsm", "sldm")) {
      EXTENSIONS.put(e, Kind.MACRO_DOCUMENT);
    }
    for (String e : List.of("doc", "dot", "xls", "xlt", "ppt", "pps", "msg")) {
      EXTENSIONS.put(e, Kind.OLE2);
    }
    for (String e : List.of("docx", "dotx", "xlsx", "xltx", "pptx", "ppsx", "potx", "odt", "ods", "odp", "odg")) {
      EXTENSIONS.put(e, Kind.OOXML);
    }
    EXTENSIONS.put("zip", Kind.ZIP);
    for (String e : List.of("rar", "7z", "gz", "tgz", "tar", "cab", "ace", "arj", "xz", "bz2", "lzh", "zst", "z")) {
      EXTENSIONS.put(e, Kind.ARCHIVE);
    }
    for (String e : List.of("html", "htm", "xhtml", "shtml", "mht", "mhtml", "xht")) {
      EXTENSIONS.put(e, Kind.HTML);
    }
    EXTENSIONS.put("svg", Kind.SVG);
    EXTENSIONS.put("pdf", Kind.PDF);
    for (String e : List.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "heif", "webp")) {
      EXTENSIONS.put(e, Kind.IMAGE);
    }
    for (String e : List.of("txt", "csv", "rtf", "ics", "vcf", "xml", "json", "eml")) {
      EXTENSIONS.put(e, Kind.TEXT);
    }
  }

  private static final Pattern TRAILING_PAD = Pattern.compile("[\\s_.\\u00A0\\u2000-\\u200B\\u3000]+$");
  /**
   * A password given in the text: a keyword, a few words at most, then ":" or "=" and a value, or
   * "est"/"sera" and a quoted value or one holding a digit ("sera communiqué" is not a password).
   */
  private static final Pattern PASSWORD = Pattern.compile(
      "\\b(?:mot de passe|mdp|password|pass|passe|code|cle|pwd)\\b[^.:=\\n]{0,40}?"
          + "(?:[:=]\\s*\\S{3,40}|\\b(?:est|sera)\\b\\s*(?:[«\"']\\s*\\S{3,40}|[^\\s\\d]*\\d\\S*))");

  private final MimeTypes types;
  private final MediaTypeRegistry registry;
  private final TriageLimits limits;

  /**
   * Loads Tika's media-type table and the extra signatures.
   *
   * @param limits the bounds
   */
  public AttachmentInspector(TriageLimits limits) {
    this.limits = limits;
    URL table = AttachmentInspector.class.getResource("triage-mimetypes.xml");
    try {
      this.types = MimeTypesFactory.create(table);
    } catch (IOException | MimeTypeException e) {
      throw new IllegalStateException("cannot load the triage media-type table", e);
    }
    this.registry = types.getMediaTypeRegistry();
  }

  /**
   * Detects a media type from content only.
   *
   * @param head the first bytes
   * @return the media type, {@code application/octet-stream} when unknown
   */
  MediaType detect(byte[] head) {
    if (head.length == 0) {
      return MediaType.OCTET_STREAM;
    }
    try (TikaInputStream in = TikaInputStream.get(head)) {
      return types.detect(in, new Metadata(), new ParseContext());
    } catch (IOException | RuntimeException e) {
      return MediaType.OCTET_STREAM;
    }
  }

  /**
   * Classifies a detected media type.
   *
   * @param type the media type
   * @return its kind
   */
  Kind kind(MediaType type) {
    String t = type.getBaseType().toString();
    if (is(type, "application/x-msdownload") || is(type, "application/x-elf") || is(type, "application/x-executable")
        || t.startsWith("application/x-mach-o") || t.equals("application/x-sharedlib") || t.equals("application/java-archive")
        || t.equals("application/x-java-archive")) {
      return Kind.EXECUTABLE;
    }
    if (t.equals("application/x-sh") || t.equals("application/x-bat") || t.equals("text/x-vbscript")
        || t.equals("application/hta") || t.equals("application/x-powershell")) {
      return Kind.SCRIPT;
    }
    if (t.equals("application/x-ms-shortcut")) {
      return Kind.SHORTCUT;
    }
    if (t.equals("application/x-iso9660-image") || t.equals("application/x-vhd") || t.equals("application/x-apple-diskimage")) {
      return Kind.DISK_IMAGE;
    }
    if (t.equals("application/x-tika-ooxml") || t.startsWith("application/vnd.openxmlformats-officedocument")
        || t.startsWith("application/vnd.oasis.opendocument")) {
      return Kind.OOXML;
    }
    if (is(type, "application/x-tika-msoffice")) {
      return Kind.OLE2;
    }
    if (is(type, "application/zip")) {
      return Kind.ZIP;
    }
    if (t.equals("application/x-rar-compressed") || t.equals("application/x-7z-compressed") || t.equals("application/gzip")
        || t.equals("application/x-gzip") || t.equals("application/x-tar") || t.equals("application/vnd.ms-cab-compressed")
        || t.equals("application/x-bzip2") || t.equals("application/x-xz") || t.equals("application/zstd")) {
      return Kind.ARCHIVE;
    }
    if (t.equals("text/html") || t.equals("application/xhtml+xml")) {
      return Kind.HTML;
    }
    if (t.equals("image/svg+xml")) {
      return Kind.SVG;
    }
    if (t.equals("application/pdf")) {
      return Kind.PDF;
    }
    if (t.startsWith("image/")) {
      return Kind.IMAGE;
    }
    if (t.startsWith("text/")) {
      return Kind.TEXT;
    }
    return Kind.OTHER;
  }

  private boolean is(MediaType type, String base) {
    MediaType b = MediaType.parse(base);
    return type.getBaseType().equals(b) || registry.isSpecializationOf(type.getBaseType(), b);
  }

  /**
   * Returns the kind an extension claims, or null when unknown.
   *
   * @param ext a lower-case extension without the dot
   * @return the kind, or null
   */
  static Kind kindOfExtension(String ext) {
    return ext == null ? null : EXTENSIONS.get(ext);
  }

  /**
   * Inspects every attachment of a message.
   *
   * @param attachments the attachments
   * @param text the body text, searched for an archive password when an archive is encrypted
   * @param findings where the reasons go
   */
  public void inspect(List<MailContent.Attachment> attachments, CharSequence text, Findings findings) {
    boolean encrypted = false;
    String encryptedName = null;
    for (MailContent.Attachment a : attachments) {
      if (inspect(a, findings)) {
        encrypted = true;
        encryptedName = a.name();
      }
    }
    if (encrypted) {
      String folded = TextFold.fold(text, 200_000);
      Matcher m = PASSWORD.matcher(folded);
      if (m.find()) {
        findings.add(ReasonCode.ARCHIVE_PASSWORD_IN_BODY, ReasonCode.DECISIVE, "Le message donne le mot de passe de l'archive chiffrée "
            + Evidence.quote(displayName(encryptedName)) + " : c'est le procédé habituel pour faire passer un logiciel malveillant"
            + " sans que l'antivirus puisse l'ouvrir.");
      }
    }
  }

  /**
   * Scans the PDF attachments (by content) for their links and their amount of text, within the
   * attachment bound.
   *
   * @param attachments the attachments
   * @return one entry per PDF
   */
  List<PretextChecks.Pdf> pdfs(List<MailContent.Attachment> attachments) {
    List<PretextChecks.Pdf> out = new ArrayList<>(0);
    for (MailContent.Attachment a : attachments) {
      byte[] head = a.head();
      if (!BytePatterns.contains(head, Math.min(head.length, 1024), PDF_MAGIC)) {
        continue;
      }
      byte[] all = head;
      if (!a.complete()) {
        try (InputStream in = a.opener().open()) {
          all = MailParser.readAtMost(in, limits.maxAttachmentBytes());
        } catch (IOException | RuntimeException e) {
          all = head;
        }
      }
      out.add(new PretextChecks.Pdf(a.name(), PdfScan.scan(all)));
    }
    return out;
  }

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static String displayName(String name) {
    return name == null ? "(sans nom)" : name;
  }

  /** Inspects one attachment; returns true when it is an encrypted archive. */
  private boolean inspect(MailContent.Attachment a, Findings f) {
    String name = a.name();
    String shown = displayName(name);
    NameCheck n = NameCheck.of(name);
    if (n.bidiOverride) {
      f.add(ReasonCode.ATTACHMENT_DOUBLE_EXTENSION, ReasonCode.DECISIVE, "Le nom de la pièce jointe " + Evidence.quote(shown)
          + " contient un caractère d'inversion du sens d'écriture qui déguise sa vraie extension.");
    }
    Kind byName = kindOfExtension(n.extension);
    Kind shownAs = kindOfExtension(n.previous);
    if (n.previous != null && byName != null && shownAs != null && byName != shownAs) {
      boolean danger = byName.dangerous() || byName == Kind.HTML;
      f.add(ReasonCode.ATTACHMENT_DOUBLE_EXTENSION, danger ? ReasonCode.DECISIVE : 15, "Le nom de la pièce jointe "
          + Evidence.quote(shown) + " affiche une extension ." + n.previous + (n.padded ? " suivie d'espaces qui cachent" : " devant")
          + " sa vraie extension ." + n.extension + " (" + byName.french + ").");
    }
    Kind byContent = kind(detect(a.head()));
    if (byName != null) {
      byName(a, byName, n.extension, f);
    }
    if (byContent != Kind.OTHER && byContent != Kind.TEXT && byName != null && !compatible(byName, byContent)) {
      boolean danger = byContent.dangerous();
      f.add(ReasonCode.ATTACHMENT_DISGUISED, danger ? ReasonCode.DECISIVE : byContent == Kind.HTML ? 30 : 20,
          "La pièce jointe " + Evidence.quote(shown) + " se présente comme " + byName.french + " (." + n.extension
              + ") mais son contenu est " + byContent.french + ".");
    }
    return byContent(a, byContent, shown, f);
  }

  private static boolean compatible(Kind name, Kind content) {
    if (name == content) {
      return true;
    }
    return switch (name) {
      case OOXML, MACRO_DOCUMENT -> content == Kind.ZIP || content == Kind.OOXML || content == Kind.OLE2;
      case ZIP -> content == Kind.OOXML;
      case EXECUTABLE, SCRIPT -> true;
      case SHORTCUT, DISK_IMAGE -> true;
      case TEXT -> content == Kind.HTML || content == Kind.SVG;
      case SVG -> content == Kind.IMAGE || content == Kind.HTML;
      case HTML -> content == Kind.TEXT;
      default -> false;
    };
  }

  private void byName(MailContent.Attachment a, Kind kind, String ext, Findings f) {
    String shown = Evidence.quote(displayName(a.name()));
    switch (kind) {
      case EXECUTABLE, SCRIPT -> f.add(ReasonCode.ATTACHMENT_EXECUTABLE, ReasonCode.DECISIVE, "La pièce jointe " + shown
          + " porte l'extension ." + ext + ", que Windows exécute comme " + (kind == Kind.SCRIPT ? "un script." : "un programme."));
      case SHORTCUT -> f.add(ReasonCode.ATTACHMENT_SHORTCUT, ReasonCode.DECISIVE, "La pièce jointe " + shown
          + " est un raccourci (." + ext + ") qui peut lancer une commande ou ouvrir un site piégé.");
      case DISK_IMAGE -> f.add(ReasonCode.ATTACHMENT_DISK_IMAGE, ReasonCode.DECISIVE, "La pièce jointe " + shown
          + " est une image disque (." + ext + ") : elle s'ouvre comme un lecteur et contourne les protections de Windows.");
      case MACRO_DOCUMENT -> f.add(ReasonCode.ATTACHMENT_MACRO, ReasonCode.DECISIVE, "Le document " + shown
          + " porte une extension de document à macros (." + ext + ").");
      default -> {
        // Judged by content below.
      }
    }
  }

  private boolean byContent(MailContent.Attachment a, Kind kind, String name, Findings f) {
    String shown = Evidence.quote(name);
    switch (kind) {
      case EXECUTABLE, SCRIPT -> f.add(ReasonCode.ATTACHMENT_EXECUTABLE, ReasonCode.DECISIVE, "D'après son contenu, la pièce jointe "
          + shown + " est " + kind.french + ".");
      case SHORTCUT -> f.add(ReasonCode.ATTACHMENT_SHORTCUT, ReasonCode.DECISIVE, "D'après son contenu, la pièce jointe " + shown
          + " est un raccourci Windows (.lnk) qui peut lancer une commande.");
      case DISK_IMAGE -> f.add(ReasonCode.ATTACHMENT_DISK_IMAGE, ReasonCode.DECISIVE, "D'après son contenu, la pièce jointe " + shown
          + " est une image disque : elle s'ouvre comme un lecteur et contourne les protections de Windows.");
      case HTML -> f.add(ReasonCode.ATTACHMENT_HTML, activeHtml(a.head()) ? 50 : 35, "La pièce jointe " + shown
          + " est une page HTML qui s'ouvre dans le navigateur, souvent une fausse page de connexion.");
      case SVG -> {
        if (activeHtml(a.head())) {
          f.add(ReasonCode.ATTACHMENT_HTML, 50, "L'image SVG " + shown + " contient du script ou des liens : elle agit comme une page web.");
        }
      }
      case OLE2 -> {
        if (containsInAttachment(a, BytePatterns.OLE_VBA_PROJECT)) {
          f.add(ReasonCode.ATTACHMENT_MACRO, ReasonCode.DECISIVE, "Le document " + shown
              + " contient un projet de macros VBA (conteneur OLE2).");
        }
      }
      case ZIP, OOXML -> {
        return zip(a, kind, name, f);
      }
      case ARCHIVE -> f.add(ReasonCode.ARCHIVE_NOT_INSPECTED, 30, "L'archive " + shown
          + " est dans un format qui n'est pas inspecté ici (RAR, 7z, cab…) : son contenu n'a pas été vérifié,"
          + " confirmez l'envoi avec l'expéditeur avant de l'ouvrir.");
      default -> {
        // PDF, images, text: nothing more to check here.
      }
    }
    return false;
  }

  private static boolean activeHtml(byte[] head) {
    String s = new String(head, 0, Math.min(head.length, 256 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return s.contains("<script") || s.contains("<form") || s.contains("http-equiv=\"refresh") || s.contains("http-equiv='refresh")
        || s.contains("http-equiv=refresh") || s.contains("<foreignobject") || s.contains("window.location")
        || s.contains("document.location") || s.contains("atob(");
  }

  /** An entry of an archive. */
  private record Entry(String name, Kind byName, String extension, Kind byContent, boolean macros) {}

  /** Inspects a zip: an Office document for macros, an archive one level deep; returns true when encrypted. */
  private boolean zip(MailContent.Attachment a, Kind content, String name, Findings f) {
    String shown = Evidence.quote(name);
    byte[] head = a.head();
    boolean encrypted = head.length > 8 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 && (head[6] & 1) == 1;
    Kind declared = kindOfExtension(NameCheck.of(a.name()).extension);
    if (content == Kind.OOXML || declared == Kind.OOXML || declared == Kind.MACRO_DOCUMENT) {
      // Entry names are stored uncompressed: a byte search finds the VBA part without inflating anything.
      if (containsInAttachment(a, BytePatterns.OOXML_VBA)) {
        f.add(ReasonCode.ATTACHMENT_MACRO, ReasonCode.DECISIVE, "Le document " + shown + " contient des macros (vbaProject.bin).");
      }
      return false;
    }
    boolean truncated = false;
    boolean unreadable = false;
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    if (!encrypted) {
      try (InputStream raw = a.opener().open(); ZipInputStream zis = new ZipInputStream(raw)) {
        ZipEntry e;
        byte[] buf = new byte[16 * 1024];
        while ((e = zis.getNextEntry()) != null) {
          if (entries.size() >= limits.maxArchiveEntries()) {
            truncated = true;
            break;
          }
          if (e.isDirectory()) {
            continue;
          }
          String entryName = e.getName();
          byte[] entryHead = MailParser.readAtMost(zis, MailParser.SNIFF_BYTES);
          total += entryHead.length;
          Kind entryKind = kind(detect(entryHead));
          boolean macros = entryKind == Kind.OLE2 && BytePatterns.contains(entryHead, entryHead.length, BytePatterns.OLE_VBA_PROJECT)
              || (entryKind == Kind.OOXML || entryKind == Kind.ZIP) && BytePatterns.contains(entryHead, entryHead.length, BytePatterns.OOXML_VBA);
          int n;
          while ((n = zis.read(buf)) > 0) {
            total += n;
            if (total > limits.maxArchiveBytes()) {
              truncated = true;
              break;
            }
          }
          NameCheck nc = NameCheck.of(entryName);
          entries.add(new Entry(entryName, kindOfExtension(nc.extension), nc.extension, entryKind, macros));
          if (truncated) {
            break;
          }
        }
      } catch (ZipException e) {
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("encrypt")) {
          encrypted = true;
        } else {
          unreadable = true;
        }
      } catch (IOException | RuntimeException e) {
        unreadable = true;
      }
    }
    if (encrypted) {
      f.add(ReasonCode.ARCHIVE_ENCRYPTED, 35, "L'archive " + shown + " est protégée par un mot de passe : son contenu ne peut pas"
          + " être vérifié par l'antivirus.");
    } else if (unreadable) {
      f.add(ReasonCode.ARCHIVE_NOT_INSPECTED, 10, "L'archive " + shown + " n'a pas pu être lue entièrement : son contenu n'a pas été vérifié.");
    }
    if (truncated) {
      f.add(ReasonCode.ANALYSIS_TRUNCATED, 0, "L'archive " + shown + " dépasse les limites d'analyse : seules ses premières entrées ont été vérifiées.");
    }
    for (Entry e : entries) {
      archiveEntry(shown, e, f);
    }
    return encrypted;
  }

  private boolean containsInAttachment(MailContent.Attachment a, byte[] pattern) {
    if (BytePatterns.contains(a.head(), a.head().length, pattern)) {
      return true;
    }
    if (a.complete()) {
      return false;
    }
    try (InputStream in = a.opener().open()) {
      return BytePatterns.find(in, limits.maxAttachmentBytes(), pattern) > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void archiveEntry(String archive, Entry e, Findings f) {
    String inner = Evidence.quote(e.name());
    Kind k = e.byContent().dangerous() ? e.byContent() : e.byName() != null && e.byName().dangerous() ? e.byName() : null;
    if (e.macros()) {
      k = Kind.MACRO_DOCUMENT;
    }
    if (k != null) {
      f.add(ReasonCode.ARCHIVE_DANGEROUS_CONTENT, ReasonCode.DECISIVE, "L'archive " + archive + " contient " + inner + ", "
          + k.french + ".");
    } else if (e.byContent() == Kind.HTML || e.byName() == Kind.HTML) {
      f.add(ReasonCode.ARCHIVE_DANGEROUS_CONTENT, 35, "L'archive " + archive + " contient " + inner + ", une page HTML.");
    } else if (e.byContent() == Kind.ZIP || e.byContent() == Kind.ARCHIVE || e.byName() == Kind.ZIP || e.byName() == Kind.ARCHIVE) {
      f.add(ReasonCode.ARCHIVE_NOT_INSPECTED, 20, "L'archive " + archive + " contient une autre archive, " + inner
          + ", qui n'a pas été inspectée.");
    }
  }

  /**
   * The extension analysis of a file name.
   *
   * @param extension the last extension, lower-case, or null
   * @param previous the extension before it when the name has two, lower-case, or null
   * @param padded whether white space or underscores separate the two
   * @param bidiOverride whether the name holds a bidirectional override character
   */
  record NameCheck(String extension, String previous, boolean padded, boolean bidiOverride) {

    static NameCheck of(String name) {
      if (name == null) {
        return new NameCheck(null, null, false, false);
      }
      boolean bidi = false;
      StringBuilder clean = new StringBuilder(name.length());
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F') {
          bidi = true;
        } else if (!Evidence.invisible(c)) {
          clean.append(c);
        }
      }
      String n = clean.toString().strip();
      int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
      n = n.substring(slash + 1);
      while (n.endsWith(".") || n.endsWith(" ")) {
        n = n.substring(0, n.length() - 1);
      }
      int dot = n.lastIndexOf('.');
      if (dot < 0) {
        return new NameCheck(null, null, false, bidi);
      }
      String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
      String stem = n.substring(0, dot);
      String stemTrimmed = TRAILING_PAD.matcher(stem).replaceFirst("");
      boolean padded = stem.length() - stemTrimmed.length() >= 3;
      int dot2 = stemTrimmed.lastIndexOf('.');
      String previous = dot2 >= 0 ? stemTrimmed.substring(dot2 + 1).toLowerCase(Locale.ROOT) : null;
      if (previous != null && (previous.isEmpty() || previous.length() > 5 || kindOfExtension(previous) == null)) {
        previous = null;
      }
      return new NameCheck(ext, previous, padded, bidi);
    }
  }
}
