package dev.ins.phishing.internal;

import dev.ins.phishing.ReasonCode;
import dev.ins.phishing.TriageLimits;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.LineInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Parses a message with Jakarta Mail (Angus Mail) into {@link MailContent}, within the
 * {@link TriageLimits}: nesting depth, number of parts, text budget and the sniffing window of
 * attachments. Parse failures and exceeded bounds become reasons, never exceptions.
 */
public final class MailParser {

  /** How many leading bytes of an attachment are kept for content detection. */
  public static final int SNIFF_BYTES = 64 * 1024;

  private final Session session;
  private final StreamProvider streams;
  private final TriageLimits limits;

  /**
   * Creates a parser.
   *
   * @param limits the bounds
   */
  public MailParser(TriageLimits limits) {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.allowutf8", "true");
    this.session = Session.getInstance(p);
    this.streams = Streams.PROVIDER;
    this.limits = limits;
  }

  /** The walk state of one message. */
  private final class Walk {
    final MailContent content = new MailContent();
    final Findings findings;
    int parts;
    boolean partsExceeded;
    boolean depthExceeded;
    boolean textTruncated;

    Walk(Findings findings) {
      this.findings = findings;
    }
  }

  /**
   * Parses a raw message.
   *
   * @param raw the message bytes (not copied)
   * @param findings where parse failures and exceeded bounds go
   * @return the content, or null when not even the headers could be read
   */
  public MailContent parse(byte[] raw, Findings findings) {
    MimeMessage message;
    try {
      message = new TriageMessage(session, new SharedByteArrayInputStream(raw));
    } catch (MessagingException | RuntimeException e) {
      findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Le message est illisible : ses en-têtes ne respectent pas le format des courriels (RFC 5322).");
      return null;
    }
    Walk w = new Walk(findings);
    if (controlInHeaders(raw)) {
      findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Les en-têtes du message contiennent des caractères de contrôle"
          + " (octets nuls ou invisibles), interdits par la norme des courriels.");
    }
    headers(message, w);
    walk(message, 0, w);
    if (w.textTruncated) {
      findings.add(ReasonCode.ANALYSIS_TRUNCATED, 0, "Le texte du message dépasse " + limits.maxTextChars()
          + " caractères : seul le début a été analysé.");
    }
    return w.content;
  }

  /** Tells whether the top header block holds a control byte other than tab, CR and LF. */
  static boolean controlInHeaders(byte[] raw) {
    int end = Math.min(raw.length, 256 * 1024);
    for (int i = 0; i < end; i++) {
      int c = raw[i] & 0xFF;
      if (c == '\n' && (i + 1 < end && raw[i + 1] == '\n' || i + 2 < end && raw[i + 1] == '\r' && raw[i + 2] == '\n')) {
        return false;
      }
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private void headers(MimeMessage m, Walk w) {
    MailContent c = w.content;
    String from = header(m, "From");
    if (from == null) {
      w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Le message n'a pas d'en-tête From : l'expéditeur est inconnu.");
    } else {
      c.fromHeader = from;
      try {
        InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
        if (addresses.length == 0) {
          w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "L'en-tête From est vide : l'expéditeur est inconnu.");
        } else {
          InternetAddress a = addresses[0];
          c.displayName = a.getPersonal();
          String address = a.getAddress() == null ? "" : a.getAddress();
          int at = address.lastIndexOf('@');
          c.fromLocalPart = at > 0 ? address.substring(0, at) : null;
          c.fromDomain = at >= 0 ? DomainNames.normalize(address.substring(at + 1)) : null;
          if (c.fromDomain == null || c.fromDomain.indexOf('.') < 0) {
            c.fromDomain = null;
            w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "L'adresse de l'expéditeur " + Evidence.quote(address)
                + " n'a pas de nom de domaine valide.");
          }
        }
      } catch (AddressException | RuntimeException e) {
        w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "L'en-tête From est illisible : l'expéditeur ne peut pas être identifié.");
      }
    }
    String replyTo = header(m, "Reply-To");
    if (replyTo != null) {
      try {
        for (InternetAddress a : InternetAddress.parseHeader(replyTo, false)) {
          String d = domainOf(a.getAddress());
          if (d != null && !c.replyToDomains.contains(d) && c.replyToDomains.size() < 8) {
            c.replyToDomains.add(d);
          }
        }
      } catch (AddressException | RuntimeException e) {
        // An unreadable Reply-To is ignored: the answer would not reach anyone.
      }
    }
    String returnPath = header(m, "Return-Path");
    if (returnPath != null) {
      String rp = returnPath.strip();
      if (rp.startsWith("<") && rp.indexOf('>') > 0) {
        rp = rp.substring(1, rp.indexOf('>'));
      }
      c.returnPathDomain = domainOf(rp);
    }
    try {
      String subject = m.getHeader("Subject", null);
      if (subject != null) {
        c.subject = decodeText(MimeUtility.unfold(subject));
      }
    } catch (MessagingException | RuntimeException e) {
      c.subject = "";
    }
    try {
      String[] ar = m.getHeader("Authentication-Results");
      if (ar != null) {
        for (int i = 0; i < ar.length && i < 16; i++) {
          c.authenticationResults.add(MimeUtility.unfold(ar[i]));
        }
      }
    } catch (MessagingException | RuntimeException e) {
      // No usable Authentication-Results: the sender is unverified.
    }
  }

  private static String decodeText(String s) {
    try {
      return MimeUtility.decodeText(s);
    } catch (IOException | RuntimeException e) {
      return s;
    }
  }

  private static String header(MimeMessage m, String name) {
    try {
      String v = m.getHeader(name, ",");
      return v == null ? null : MimeUtility.unfold(v);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String domainOf(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    String d = at >= 0 ? DomainNames.normalize(address.substring(at + 1)) : null;
    return d == null || d.indexOf('.') < 0 ? null : d;
  }

  private void walk(Part part, int depth, Walk w) {
    if (w.parts >= limits.maxParts()) {
      if (!w.partsExceeded) {
        w.partsExceeded = true;
        w.findings.add(ReasonCode.LIMIT_EXCEEDED, ReasonCode.FLOOR, "Le message compte plus de " + limits.maxParts()
            + " parties MIME : seules les " + limits.maxParts() + " premières ont été analysées.");
      }
      return;
    }
    w.parts++;
    String typeHeader;
    try {
      typeHeader = part.getContentType();
    } catch (MessagingException | RuntimeException e) {
      typeHeader = null;
    }
    ContentType type = contentType(typeHeader);
    String base = type == null ? "text/plain" : type.getBaseType().toLowerCase(Locale.ROOT);
    if (type == null && typeHeader != null && !typeHeader.isBlank()) {
      w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Un en-tête Content-Type est illisible : "
          + Evidence.quote(typeHeader) + ".");
    }
    if (base.startsWith("multipart/")) {
      if (depth >= limits.maxDepth()) {
        depthExceeded(w);
        return;
      }
      if (type.getParameter("boundary") == null) {
        w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Une partie " + Evidence.quote(base)
            + " n'indique pas sa frontière (paramètre boundary absent) : sa structure est devinée.");
      }
      try {
        MimeMultipart mp = new LenientMultipart(new PartSource(part, typeHeader));
        int n = mp.getCount();
        if (n == 0) {
          w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Une partie " + Evidence.quote(base)
              + " ne contient aucune partie : sa frontière MIME n'apparaît pas dans le message.");
        }
        for (int i = 0; i < n; i++) {
          walk(mp.getBodyPart(i), depth + 1, w);
          if (w.partsExceeded) {
            break;
          }
        }
      } catch (MessagingException | RuntimeException e) {
        w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Une partie " + Evidence.quote(base)
            + " n'a pas pu être découpée (frontière MIME absente ou invalide).");
      }
      return;
    }
    String name = fileName(part, type);
    String disposition = disposition(part);
    if (base.equals("message/rfc822")) {
      if (depth >= limits.maxDepth()) {
        depthExceeded(w);
        return;
      }
      try (InputStream in = decoded(part)) {
        byte[] inner = readAtMost(in, limits.maxMessageBytes());
        walk(new TriageMessage(session, new SharedByteArrayInputStream(inner)), depth + 1, w);
      } catch (MessagingException | IOException | RuntimeException e) {
        w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Un message joint est illisible.");
      }
      return;
    }
    boolean attachment = name != null || "attachment".equals(disposition);
    if (!attachment && (base.equals("text/plain") || base.equals("text/html") || base.equals("text/enriched"))) {
      String text = readText(part, type, w);
      if (base.equals("text/html")) {
        w.content.html.add(new MailContent.Html(text, null));
      } else {
        w.content.text.append(text).append('\n');
        w.content.plainText.append(text).append('\n');
      }
      return;
    }
    if (base.startsWith("image/")) {
      w.content.imageParts++;
    }
    byte[] head;
    boolean complete;
    try (InputStream in = decoded(part)) {
      head = readAtMost(in, SNIFF_BYTES + 1);
      complete = head.length <= SNIFF_BYTES;
      if (!complete) {
        head = java.util.Arrays.copyOf(head, SNIFF_BYTES);
      }
    } catch (IOException | MessagingException | RuntimeException e) {
      head = new byte[0];
      complete = true;
      w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "La pièce jointe " + Evidence.quote(name == null ? base : name)
          + " est mal encodée et n'a pas pu être lue.");
    }
    w.content.attachments.add(new MailContent.Attachment(name, base, head, complete, () -> decodedUnchecked(part)));
    if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
      String text = new String(head, charset(type, head));
      w.content.html.add(new MailContent.Html(text, name == null ? "(sans nom)" : name));
    }
  }

  private void depthExceeded(Walk w) {
    if (!w.depthExceeded) {
      w.depthExceeded = true;
      w.findings.add(ReasonCode.LIMIT_EXCEEDED, ReasonCode.FLOOR, "Le message imbrique plus de " + limits.maxDepth()
          + " niveaux de parties MIME : la suite n'a pas été analysée.");
    }
  }

  private String readText(Part part, ContentType type, Walk w) {
    int budget = limits.maxTextChars() - w.content.text.length() - w.content.html.stream().mapToInt(h -> h.html().length()).sum();
    if (budget <= 0) {
      w.textTruncated = true;
      return "";
    }
    byte[] bytes;
    try (InputStream in = decoded(part)) {
      bytes = readAtMost(in, budget + 1);
    } catch (IOException | MessagingException | RuntimeException e) {
      w.findings.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Une partie texte est mal encodée et n'a pas pu être lue.");
      return "";
    }
    if (bytes.length > budget) {
      w.textTruncated = true;
      bytes = java.util.Arrays.copyOf(bytes, budget);
    }
    return new String(bytes, charset(type, bytes));
  }

  private static Charset charset(ContentType type, byte[] bytes) {
    String cs = type == null ? null : type.getParameter("charset");
    if (cs != null) {
      try {
        return Charset.forName(MimeUtility.javaCharset(cs.strip()));
      } catch (IllegalArgumentException e) {
        // Unknown charset: fall through to a guess.
      }
    }
    return looksUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
  }

  private static boolean looksUtf8(byte[] b) {
    int i = 0;
    int n = Math.min(b.length, 8192);
    while (i < n) {
      int c = b[i] & 0xFF;
      int more = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (more < 0) {
        return false;
      }
      for (int k = 1; k <= more; k++) {
        if (i + k < n && (b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }

  private static ContentType contentType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return new ContentType(header);
    } catch (jakarta.mail.internet.ParseException | RuntimeException e) {
      return null;
    }
  }

  private static String disposition(Part part) {
    try {
      String d = part.getDisposition();
      return d == null ? null : d.toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String fileName(Part part, ContentType type) {
    String name = null;
    try {
      name = part.getFileName();
    } catch (MessagingException | RuntimeException e) {
      // Fall back on the Content-Type name parameter.
    }
    if (name == null && type != null) {
      name = type.getParameter("name");
    }
    if (name != null && name.contains("=?")) {
      name = decodeText(name);
    }
    return name == null || name.isEmpty() ? null : name;
  }

  /**
   * Opens the decoded content of a part with the session's stream provider, looked up once:
   * {@code MimeUtility.decode} looks it up through a ServiceLoader on every call (Jakarta Mail
   * issue #861), which cost a third of the triage time.
   */
  private InputStream decoded(Part part) throws MessagingException, IOException {
    InputStream raw;
    if (part instanceof MimeBodyPart b) {
      raw = b.getRawInputStream();
    } else if (part instanceof MimeMessage m) {
      raw = m.getRawInputStream();
    } else {
      return part.getInputStream();
    }
    String encoding = part instanceof MimePart mp ? mp.getEncoding() : null;
    if (encoding == null) {
      return raw;
    }
    return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
      case "base64" -> streams.inputBase64(raw);
      case "quoted-printable" -> streams.inputQP(raw);
      case "uuencode", "x-uuencode", "x-uue" -> streams.inputUU(raw);
      // 7bit, 8bit, binary, and unknown encodings (read as they are).
      default -> raw;
    };
  }

  private InputStream decodedUnchecked(Part part) throws IOException {
    try {
      return decoded(part);
    } catch (MessagingException e) {
      throw new IOException("cannot decode the part", e);
    }
  }

  /**
   * Reads at most {@code max} bytes; what was read before a decoding error is kept.
   *
   * @param in the stream
   * @param max the bound
   * @return the bytes read
   * @throws IOException when nothing could be read
   */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
    byte[] buf = new byte[8192];
    try {
      int n;
      while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      if (out.size() == 0) {
        throw e;
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads a header block with Jakarta Mail's own line reader and header store, through a stream
   * provider looked up once. {@code InternetHeaders.load} looks the provider up through a
   * ServiceLoader for every message and every part (Jakarta Mail issue #861).
   */
  static InternetHeaders headers(InputStream in) throws MessagingException {
    InternetHeaders h = new InternetHeaders();
    LineInputStream lines = Streams.PROVIDER.inputLineStream(in, true);
    boolean any = false;
    try {
      String line;
      while ((line = lines.readLine()) != null && !line.isEmpty()) {
        char c = line.charAt(0);
        if ((c == ' ' || c == '\t') && !any) {
          continue; // a continuation line before any header continues nothing
        }
        h.addHeaderLine(line);
        any = true;
      }
    } catch (IOException e) {
      throw new MessagingException("unreadable header block", e);
    }
    return h;
  }

  /** The stream provider (MIME decoders, line reader), looked up once. */
  private static final class Streams {
    static final StreamProvider PROVIDER = StreamProvider.provider();
  }

  /** A message whose header blocks are read by {@link #headers(InputStream)}. */
  private static final class TriageMessage extends MimeMessage {
    TriageMessage(Session session, InputStream in) throws MessagingException {
      super(session, in);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
      return headers(is);
    }
  }

  /** A multipart parsed leniently whatever the system properties say. */
  private static final class LenientMultipart extends MimeMultipart {
    LenientMultipart(DataSource ds) throws MessagingException {
      super(ds);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
      return headers(is);
    }

    @Override
    protected MimeBodyPart createMimeBodyPart(InputStream is) throws MessagingException {
      return new TriagePart(is);
    }

    @Override
    protected void initializeProperties() {
      ignoreMissingEndBoundary = true;
      ignoreMissingBoundaryParameter = true;
      ignoreExistingBoundaryParameter = false;
      allowEmpty = true;
    }
  }

  /**
   * A body part built as {@code MimeBodyPart(InputStream)} builds one, but whose header block is read
   * by {@link #headers(InputStream)}; its content stays a window on the shared message bytes.
   */
  private static final class TriagePart extends MimeBodyPart {
    TriagePart(InputStream is) throws MessagingException {
      headers = headers(is);
      if (is instanceof SharedInputStream sis) {
        contentStream = sis.newStream(sis.getPosition(), -1);
      } else {
        try {
          content = is.readAllBytes();
        } catch (IOException e) {
          throw new MessagingException("unreadable part", e);
        }
      }
    }
  }

  /** The decoded content of a part as a data source, for {@link MimeMultipart}. */
  private final class PartSource implements DataSource {
    private final Part part;
    private final String type;

    PartSource(Part part, String type) {
      this.part = part;
      this.type = type;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return decodedUnchecked(part);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
      return type;
    }

    @Override
    public String getName() {
      return "part";
    }
  }
}
