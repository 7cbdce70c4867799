package dev.ins.phishing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the triage needs from one parsed message: the sender headers, the text of the body parts,
 * the HTML to scan for links and the attachments (with a way to read them again).
 */
public final class MailContent {

  /** Re-opens the decoded content of a part. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the decoded content.
     *
     * @return a fresh stream
     * @throws IOException when the content cannot be decoded
     */
    InputStream open() throws IOException;
  }

  /**
   * An HTML document: a body part or an attachment.
   *
   * @param html the markup (possibly truncated)
   * @param attachmentName the file name when it is an attachment, else null
   */
  public record Html(String html, String attachmentName) {}

  /**
   * A leaf part that is not body text.
   *
   * @param name the file name as given (decoded), or null
   * @param declaredType the declared media type, lower-case, without parameters
   * @param head the first decoded bytes (up to the sniffing window)
   * @param complete whether {@code head} holds the whole content
   * @param opener re-opens the whole decoded content
   */
  public record Attachment(String name, String declaredType, byte[] head, boolean complete, Opener opener) {}

  /** The raw From header value, or null. */
  String fromHeader;
  /** The From address's display name, decoded, or null. */
  String displayName;
  /** The From address's local part, or null. */
  String fromLocalPart;
  /** The From domain, normalised, or null. */
  String fromDomain;
  /** The normalised Reply-To domains. */
  final List<String> replyToDomains = new ArrayList<>(1);
  /** The normalised Return-Path domain, or null. */
  String returnPathDomain;
  /** The decoded Subject, or empty. */
  String subject = "";
  /** The Authentication-Results header values, top-most first. */
  final List<String> authenticationResults = new ArrayList<>(2);
  /** The text of the text/plain parts and the visible text of the HTML parts. */
  final StringBuilder text = new StringBuilder();
  /** The text/plain parts only (for links in text). */
  final StringBuilder plainText = new StringBuilder();
  /** The HTML documents. */
  final List<Html> html = new ArrayList<>(2);
  /** The attachments and inline non-text parts. */
  final List<Attachment> attachments = new ArrayList<>(2);
  /** The number of image parts. */
  int imageParts;

  /** Creates an empty content. */
  MailContent() {}
}
