package dev.ins.phishing;

/**
 * The bounds on the work and memory spent on one message.
 *
 * <p>Past {@code maxMessageBytes}, {@code maxDepth} or {@code maxParts} the analysis stops at the
 * bound and reports {@link ReasonCode#LIMIT_EXCEEDED} (at least suspicious: legitimate mail does not
 * nest 500 multiparts). Past the text, attachment and archive bounds it analyses the beginning and
 * reports {@link ReasonCode#ANALYSIS_TRUNCATED} (no points). Memory per message stays within about
 * {@code maxMessageBytes} plus {@code maxTextChars} characters plus one attachment prefix.
 *
 * <pre>{@code
 * TriageLimits strict = TriageLimits.defaults().withMaxMessageBytes(10 << 20);
 * }</pre>
 *
 * @param maxMessageBytes the largest raw message read, in bytes
 * @param maxDepth the deepest nesting of multiparts and attached messages followed
 * @param maxParts the most MIME parts visited
 * @param maxTextChars the most characters of text and HTML analysed, all parts together
 * @param maxAttachmentBytes the most decoded bytes read from one attachment
 * @param maxArchiveEntries the most entries listed in one archive
 * @param maxArchiveBytes the most bytes decompressed from one archive
 * @param maxLinks the most links analysed
 */
public record TriageLimits(
    int maxMessageBytes, int maxDepth, int maxParts, int maxTextChars, int maxAttachmentBytes,
    int maxArchiveEntries, long maxArchiveBytes, int maxLinks) {

  /**
   * Validates the limits.
   *
   * @param maxMessageBytes see the record component
   * @param maxDepth see the record component
   * @param maxParts see the record component
   * @param maxTextChars see the record component
   * @param maxAttachmentBytes see the record component
   * @param maxArchiveEntries see the record component
   * @param maxArchiveBytes see the record component
   * @param maxLinks see the record component
   * @throws IllegalArgumentException when a limit is not positive, naming it
   */
  public TriageLimits {
    positive("maxMessageBytes", maxMessageBytes);
    positive("maxDepth", maxDepth);
    positive("maxParts", maxParts);
    positive("maxTextChars", maxTextChars);
    positive("maxAttachmentBytes", maxAttachmentBytes);
    positive("maxArchiveEntries", maxArchiveEntries);
    positive("maxArchiveBytes", maxArchiveBytes);
    positive("maxLinks", maxLinks);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": must be positive, got " + value);
    }
  }

  /**
   * Returns the default bounds: 32 MiB per message, 16 levels, 256 parts, 2 Mi characters of text,
   * 16 MiB per attachment, 256 archive entries, 64 MiB decompressed per archive, 500 links.
   *
   * @return the defaults
   */
  public static TriageLimits defaults() {
    return new TriageLimits(32 << 20, 16, 256, 2 << 20, 16 << 20, 256, 64L << 20, 500);
  }

  /**
   * Returns a copy with another message size bound.
   *
   * @param bytes the largest raw message read
   * @return the new limits
   */
  public TriageLimits withMaxMessageBytes(int bytes) {
    return new TriageLimits(bytes, maxDepth, maxParts, maxTextChars, maxAttachmentBytes, maxArchiveEntries, maxArchiveBytes, maxLinks);
  }

  /**
   * Returns a copy with another nesting bound.
   *
   * @param depth the deepest nesting followed
   * @return the new limits
   */
  public TriageLimits withMaxDepth(int depth) {
    return new TriageLimits(maxMessageBytes, depth, maxParts, maxTextChars, maxAttachmentBytes, maxArchiveEntries, maxArchiveBytes, maxLinks);
  }

  /**
   * Returns a copy with another part-count bound.
   *
   * @param parts the most parts visited
   * @return the new limits
   */
  public TriageLimits withMaxParts(int parts) {
    return new TriageLimits(maxMessageBytes, maxDepth, parts, maxTextChars, maxAttachmentBytes, maxArchiveEntries, maxArchiveBytes, maxLinks);
  }

  /**
   * Returns a copy with another attachment bound.
   *
   * @param bytes the most decoded bytes read from one attachment
   * @return the new limits
   */
  public TriageLimits withMaxAttachmentBytes(int bytes) {
    return new TriageLimits(maxMessageBytes, maxDepth, maxParts, maxTextChars, bytes, maxArchiveEntries, maxArchiveBytes, maxLinks);
  }
}
