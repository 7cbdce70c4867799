package dev.ins.phishing.testing;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes a received e-mail as a mail server would store it (RFC 5322 / MIME through Jakarta Mail):
 * trace and authentication headers first, then the message with its text, HTML, inline images
 * and attachments.
 *
 * <pre>{@code
 * byte[] eml = new MailComposer()
 *     .authenticationResults("mx.example.fr; spf=pass smtp.mailfrom=ameli.fr; dkim=pass header.d=ameli.fr; dmarc=pass header.from=ameli.fr")
 *     .from("Assurance Maladie", "assurance-maladie@info.ameli.fr")
 *     .to("cabinet@cabinet-martin.fr")
 *     .subject("Votre attestation")
 *     .text("Bonjour, ...")
 *     .build();
 * }</pre>
 */
public final class MailComposer {

  private static final Session SESSION = Session.getInstance(new Properties());

  private final List<String[]> traceHeaders = new ArrayList<>();
  private final List<String[]> headers = new ArrayList<>();
  private final List<MimeBodyPart> attachments = new ArrayList<>();
  private final List<MimeBodyPart> inline = new ArrayList<>();
  private String from = "expediteur@example.fr";
  private String to = "cabinet@cabinet-exemple.fr";
  private String subject = "";
  private String text;
  private String html;
  private String textEncoding;
  private String charset = "UTF-8";
  private ZonedDateTime date = ZonedDateTime.parse("2026-03-02T09:15:00+01:00");
  private String messageId = "<test@example.fr>";

  /** Creates an empty message. */
  public MailComposer() {}

  /**
   * Adds an {@code Authentication-Results} header (added by the receiving server, on top).
   *
   * @param value the header value
   * @return this composer
   */
  public MailComposer authenticationResults(String value) {
    traceHeaders.add(new String[] {"Authentication-Results", value});
    return this;
  }

  /**
   * Sets the {@code Return-Path} (the envelope sender).
   *
   * @param address the address
   * @return this composer
   */
  public MailComposer returnPath(String address) {
    traceHeaders.add(0, new String[] {"Return-Path", "<" + address + ">"});
    return this;
  }

  /**
   * Adds a {@code Received} trace header.
   *
   * @param value the header value
   * @return this composer
   */
  public MailComposer received(String value) {
    traceHeaders.add(new String[] {"Received", value});
    return this;
  }

  /**
   * Sets the sender.
   *
   * @param displayName the display name, or null
   * @param address the address
   * @return this composer
   */
  public MailComposer from(String displayName, String address) {
    this.from = displayName == null ? address : encodeAddress(displayName, address);
    return this;
  }

  /**
   * Sets the recipient.
   *
   * @param address the address
   * @return this composer
   */
  public MailComposer to(String address) {
    this.to = address;
    return this;
  }

  /**
   * Adds a {@code Reply-To}.
   *
   * @param address the address
   * @return this composer
   */
  public MailComposer replyTo(String address) {
    headers.add(new String[] {"Reply-To", address});
    return this;
  }

  /**
   * Adds any header.
   *
   * @param name the name
   * @param value the value, as it will be written
   * @return this composer
   */
  public MailComposer header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  /**
   * Sets the subject (encoded as needed).
   *
   * @param value the subject
   * @return this composer
   */
  public MailComposer subject(String value) {
    this.subject = value;
    return this;
  }

  /**
   * Sets the date.
   *
   * @param value the date
   * @return this composer
   */
  public MailComposer date(ZonedDateTime value) {
    this.date = value;
    return this;
  }

  /**
   * Sets the Message-ID.
   *
   * @param value e.g. {@code <abc@example.fr>}
   * @return this composer
   */
  public MailComposer messageId(String value) {
    this.messageId = value;
    return this;
  }

  /**
   * Sets the plain-text body.
   *
   * @param value the text
   * @return this composer
   */
  public MailComposer text(String value) {
    this.text = value;
    return this;
  }

  /**
   * Sets the HTML body.
   *
   * @param value the HTML
   * @return this composer
   */
  public MailComposer html(String value) {
    this.html = value;
    return this;
  }

  /**
   * Forces the transfer encoding of the text parts ({@code quoted-printable}, {@code base64}, {@code 8bit}).
   *
   * @param encoding the encoding
   * @return this composer
   */
  public MailComposer textEncoding(String encoding) {
    this.textEncoding = encoding;
    return this;
  }

  /**
   * Sets the charset of the text parts.
   *
   * @param value e.g. {@code ISO-8859-1}
   * @return this composer
   */
  public MailComposer charset(String value) {
    this.charset = value;
    return this;
  }

  /**
   * Attaches a file.
   *
   * @param fileName the file name
   * @param contentType the declared media type
   * @param content the content
   * @return this composer
   */
  public MailComposer attach(String fileName, String contentType, byte[] content) {
    try {
      MimeBodyPart p = new MimeBodyPart();
      p.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
      p.setFileName(fileName);
      p.setDisposition(MimeBodyPart.ATTACHMENT);
      if (!contentType.startsWith("message/")) {
        p.setHeader("Content-Transfer-Encoding", "base64");
      }
      attachments.add(p);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /**
   * Adds an inline image referenced from the HTML as {@code cid:ID}.
   *
   * @param contentId the content id, without angle brackets
   * @param contentType e.g. {@code image/png}
   * @param content the image
   * @return this composer
   */
  public MailComposer inlineImage(String contentId, String contentType, byte[] content) {
    try {
      MimeBodyPart p = new MimeBodyPart();
      p.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
      p.setContentID("<" + contentId + ">");
      p.setDisposition(MimeBodyPart.INLINE);
      p.setHeader("Content-Transfer-Encoding", "base64");
      inline.add(p);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /**
   * Writes the message.
   *
   * @return the RFC 5322 bytes
   */
  public byte[] build() {
    try {
      MimeMessage m = new FixedIdMessage(messageId);
      m.setHeader("From", from);
      m.setHeader("To", to);
      m.setSubject(subject, "UTF-8");
      m.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(date));
      for (String[] h : headers) {
        m.addHeader(h[0], h[1]);
      }
      if (attachments.isEmpty() && inline.isEmpty() && (text == null || html == null)) {
        m.setText(text != null ? text : html != null ? html : "", charset, html != null ? "html" : "plain");
      } else if (attachments.isEmpty()) {
        m.setContent((MimeMultipart) body().getContent());
      } else {
        MimeBodyPart body = body();
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        for (MimeBodyPart a : attachments) {
          mixed.addBodyPart(a);
        }
        m.setContent(mixed);
      }
      m.saveChanges();
      if (textEncoding != null && attachments.isEmpty() && inline.isEmpty() && (text == null || html == null)) {
        m.setHeader("Content-Transfer-Encoding", textEncoding);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String[] h : traceHeaders) {
        out.write((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      m.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MimeBodyPart body() throws MessagingException {
    MimeBodyPart textPart = null;
    MimeBodyPart htmlPart = null;
    if (text != null) {
      textPart = new MimeBodyPart();
      textPart.setText(text, charset, "plain");
      encoding(textPart);
    }
    if (html != null) {
      htmlPart = new MimeBodyPart();
      htmlPart.setText(html, charset, "html");
      encoding(htmlPart);
      if (!inline.isEmpty()) {
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(htmlPart);
        for (MimeBodyPart p : inline) {
          related.addBodyPart(p);
        }
        htmlPart = new MimeBodyPart();
        htmlPart.setContent(related);
      }
    }
    if (textPart != null && htmlPart != null) {
      MimeMultipart alt = new MimeMultipart("alternative");
      alt.addBodyPart(textPart);
      alt.addBodyPart(htmlPart);
      MimeBodyPart p = new MimeBodyPart();
      p.setContent(alt);
      return p;
    }
    if (htmlPart != null) {
      return htmlPart;
    }
    if (textPart == null) {
      textPart = new MimeBodyPart();
      textPart.setText("", charset, "plain");
    }
    return textPart;
  }

  private void encoding(MimeBodyPart p) throws MessagingException {
    if (textEncoding != null) {
      p.setHeader("Content-Transfer-Encoding", textEncoding);
    }
  }

  private static String encodeAddress(String displayName, String address) {
    try {
      return new InternetAddress(address, displayName, "UTF-8").toString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message whose Message-ID is given (no host name lookup). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(String id) {
      super(SESSION);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
