package dev.ins.phishing;

/**
 * The stable codes of the evidence {@link MailTriage} reports, grouped by what they look at.
 *
 * <p>Codes never change meaning; new ones may be added. The points of each are documented in
 * {@code docs/ins-phishing.md}: decisive evidence carries {@value #DECISIVE} points (dangerous on its
 * own), parse and limit failures carry {@value #FLOOR} (suspicious on its own), the {@code LURE_*}
 * wording codes together never count for more than {@value #LURE_CAP}.
 *
 * <pre>{@code
 * if (assessment.has(ReasonCode.ATTACHMENT_EXECUTABLE)) quarantine(message);
 * }</pre>
 */
public enum ReasonCode {
  // --- sender ---
  /** The receiving server's Authentication-Results report DMARC (or SPF and DKIM) failing for the From domain. */
  AUTH_FAIL(Category.SENDER),
  /** Authentication fails for a From domain that belongs to a known institution or to the practice: spoofing. */
  AUTH_SPOOFED_DOMAIN(Category.SENDER),
  /** SPF or DKIM pass, but for a domain other than the From domain (no DMARC alignment). */
  AUTH_NOT_ALIGNED(Category.SENDER),
  /** The From domain is an institution's or the practice's, but no trusted Authentication-Results vouch for it. */
  AUTH_UNVERIFIED(Category.SENDER),
  /** The display name (or address) names an institution, a bank or a service, but the address is on an unrelated domain. */
  DISPLAY_NAME_IMPERSONATION(Category.SENDER),
  /** Reply-To sends the answer to another organisation than the From address. */
  REPLY_TO_OTHER_DOMAIN(Category.SENDER),
  /** The Return-Path (envelope sender) is on another organisation and nothing authenticates the From domain. */
  RETURN_PATH_OTHER_DOMAIN(Category.SENDER),
  /**
   * A request for a transfer, new bank details or gift cards from a sender who takes the name of the
   * practice, of a declared supplier or partner, but writes from another organisation (free mail, an
   * unauthenticated or unrelated domain), or who sends the answers elsewhere (Reply-To).
   */
  PAYMENT_IMPERSONATION(Category.SENDER),
  /**
   * The display name presents an organisation (a brand, a service) that appears neither in the sender's
   * address nor in the links, and the message asks for a payment or credentials through a link to
   * another organisation.
   */
  BRAND_IMPERSONATION(Category.SENDER),

  // --- domains ---
  /** A domain imitates a trusted one: edit distance, inserted words, a swapped top-level domain, the brand in a sub-domain. */
  LOOKALIKE_DOMAIN(Category.DOMAIN),
  /** A domain is visually confusable with a trusted one (same Unicode UTS #39 skeleton). */
  CONFUSABLE_DOMAIN(Category.DOMAIN),
  /** An internationalised (punycode) domain, shown decoded. */
  PUNYCODE_DOMAIN(Category.DOMAIN),

  // --- links ---
  /** The visible text of a link shows one domain and the link goes to another. */
  LINK_TEXT_MISMATCH(Category.LINK),
  /** A link goes to a bare IP address. */
  LINK_IP_HOST(Category.LINK),
  /** A link goes through a URL shortener that hides its target. */
  LINK_SHORTENER(Category.LINK),
  /** A link carries another site's URL in a parameter (open redirect), outside the sender's own tracking. */
  LINK_OPEN_REDIRECT(Category.LINK),
  /** A link uses the {@code javascript:}, {@code vbscript:} or {@code data:} scheme. */
  LINK_SCRIPT_SCHEME(Category.LINK),
  /** A link puts a domain before an {@code @}, so that the real host comes after it. */
  LINK_USERINFO(Category.LINK),
  /** An HTML form in the message or an attachment asks for a password or personal data. */
  CREDENTIAL_FORM(Category.LINK),
  /** An image with "scannez le QR code" wording and hardly any link: the link hides in the picture. */
  QR_CODE_LURE(Category.LINK),
  /**
   * A message announcing a shared document (or an invoice to view) whose link goes to a page-hosting
   * service, a login page or a site other than the sharing service it names.
   */
  SHARED_DOCUMENT_LURE(Category.LINK),

  // --- attachments ---
  /** An attachment is an executable or a script, by content or by the extension Windows would run. */
  ATTACHMENT_EXECUTABLE(Category.ATTACHMENT),
  /** The content of an attachment is not what its name says. */
  ATTACHMENT_DISGUISED(Category.ATTACHMENT),
  /** An attachment name has two extensions (possibly padded with spaces) or a right-to-left override. */
  ATTACHMENT_DOUBLE_EXTENSION(Category.ATTACHMENT),
  /** An Office document with macros (OOXML {@code vbaProject.bin}, OLE2 VBA storage, macro-enabled extension). */
  ATTACHMENT_MACRO(Category.ATTACHMENT),
  /** A Windows shortcut ({@code .lnk}). */
  ATTACHMENT_SHORTCUT(Category.ATTACHMENT),
  /** A disk image ({@code .iso}, {@code .img}, {@code .vhd}) that would mount and hide its content. */
  ATTACHMENT_DISK_IMAGE(Category.ATTACHMENT),
  /** An HTML attachment (a page that opens locally, often a fake login page). */
  ATTACHMENT_HTML(Category.ATTACHMENT),
  /** An encrypted archive: its content cannot be checked. */
  ARCHIVE_ENCRYPTED(Category.ATTACHMENT),
  /** The body gives the password of an attached encrypted archive. */
  ARCHIVE_PASSWORD_IN_BODY(Category.ATTACHMENT),
  /** An archive contains an executable, a script, a shortcut, a disk image, a macro document or a page. */
  ARCHIVE_DANGEROUS_CONTENT(Category.ATTACHMENT),
  /** An archive could not be inspected (format not readable here, nested, or over the bounds). */
  ARCHIVE_NOT_INSPECTED(Category.ATTACHMENT),
  /** A PDF that shows almost no text but holds a link to another organisation: a document made to be clicked. */
  PDF_LINK_LURE(Category.ATTACHMENT),

  // --- content (weak signals) ---
  /** Urgency wording ("urgent", "sous 24 heures", "dernier rappel"). */
  LURE_URGENCY(Category.CONTENT),
  /** Threat of suspension or blocking of an account, a card or a right. */
  LURE_SUSPENSION(Category.CONTENT),
  /** A refund or an amount in your favour. */
  LURE_REFUND(Category.CONTENT),
  /** A request for a password, an identifier, a code or personal data. */
  LURE_CREDENTIALS(Category.CONTENT),
  /** Renewal or update of the carte Vitale, the CPS or the e-CPS. */
  LURE_CARD_RENEWAL(Category.CONTENT),
  /** A change of bank details (IBAN, RIB). */
  LURE_BANK_DETAILS(Category.CONTENT),

  // --- structure ---
  /** The message cannot be parsed, or a required header is missing or broken. */
  MALFORMED(Category.STRUCTURE),
  /** The message exceeds a bound (size, nesting depth, number of parts): analysis stopped there. */
  LIMIT_EXCEEDED(Category.STRUCTURE),
  /** Part of a large text or attachment was not analysed (informational, no points). */
  ANALYSIS_TRUNCATED(Category.STRUCTURE);

  /** The points of decisive evidence: enough for {@link Verdict#DANGEROUS} on its own. */
  public static final int DECISIVE = 80;
  /** The points of a parse or limit failure: enough for {@link Verdict#SUSPICIOUS} on its own. */
  public static final int FLOOR = 30;
  /** The most that all {@code LURE_*} reasons together add to the score. */
  public static final int LURE_CAP = 25;

  /** What part of the message a code looks at. */
  public enum Category {
    /** Headers about the sender and its authentication. */
    SENDER,
    /** Domain names anywhere in the message. */
    DOMAIN,
    /** Links and forms. */
    LINK,
    /** Attachments and archives. */
    ATTACHMENT,
    /** The wording of the text (weak signals). */
    CONTENT,
    /** The structure of the message and the bounds of the analysis. */
    STRUCTURE
  }

  private final Category category;

  ReasonCode(Category category) {
    this.category = category;
  }

  /**
   * Returns what part of the message this code looks at.
   *
   * @return the category
   */
  public Category category() {
    return category;
  }
}
