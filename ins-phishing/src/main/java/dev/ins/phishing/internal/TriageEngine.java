package dev.ins.phishing.internal;

import dev.ins.phishing.Assessment;
import dev.ins.phishing.Institution;
import dev.ins.phishing.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check on one message and scores it. Thread-safe and reusable: all state of one
 * assessment lives in its own {@link Findings} and {@link MailContent}.
 */
public final class TriageEngine {

  private static final System.Logger LOG = System.getLogger(TriageEngine.class.getName());

  private final TriageConfig config;
  private final MailParser parser;
  private final AttachmentInspector attachments;
  private final SenderChecks sender;
  private final LinkChecks links;
  private final PretextChecks pretexts;

  /**
   * Builds the engine: loads Tika's media-type table and ICU's confusable data.
   *
   * @param config the configuration
   */
  public TriageEngine(TriageConfig config) {
    this.config = config;
    List<String[]> trusted = new ArrayList<>();
    for (String d : config.practiceDomains()) {
      trusted.add(new String[] {d, "votre cabinet"});
    }
    for (Institution i : config.institutions()) {
      for (String d : i.domains()) {
        trusted.add(new String[] {d, i.name()});
      }
    }
    for (String d : config.trustedDomains()) {
      trusted.add(new String[] {d, "un domaine de confiance"});
    }
    trusted.add(new String[] {"sante.fr", "Santé.fr"});
    trusted.add(new String[] {"service-public.fr", "Service-Public.fr"});
    // Tika's media-type table and ICU's confusable data load in parallel (each a few hundred ms).
    java.util.concurrent.CompletableFuture<AttachmentInspector> tika =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> new AttachmentInspector(config.limits()));
    LookalikeDetector detector = new LookalikeDetector(trusted);
    this.parser = new MailParser(config.limits());
    try {
      this.attachments = tika.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    this.sender = new SenderChecks(config, detector);
    this.links = new LinkChecks(detector, sender);
    this.pretexts = new PretextChecks(config, sender);
  }

  /**
   * Assesses a message.
   *
   * @param raw the raw message, at most the size bound
   * @param oversized whether the source held more than the size bound (only the beginning is in {@code raw})
   * @return the assessment; never null, never an exception for any content
   */
  public Assessment assess(byte[] raw, boolean oversized) {
    Findings f = new Findings();
    try {
      if (oversized) {
        f.add(ReasonCode.LIMIT_EXCEEDED, ReasonCode.FLOOR, "Le message dépasse " + config.limits().maxMessageBytes()
            + " octets : seul le début a été analysé.");
      }
      if (raw.length == 0) {
        f.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Le message est vide.");
        return f.assessment();
      }
      MailContent content = parser.parse(raw, f);
      if (content == null) {
        return f.assessment();
      }
      SenderChecks.Sender s = sender.check(content, f);
      LinkScanner.Found found = LinkScanner.scan(content, config.limits().maxLinks());
      String folded = TextFold.fold(new StringBuilder(content.subject).append('\n').append(content.text), config.limits().maxTextChars());
      List<PretextChecks.Pdf> pdfs = attachments.pdfs(content.attachments);
      for (PretextChecks.Pdf p : pdfs) {
        for (String uri : p.scan().uris()) {
          LinkScanner.add(found, new LinkScanner.Link(Url.parse(uri), null, p.name() == null ? "(sans nom)" : p.name()),
              config.limits().maxLinks());
        }
      }
      links.check(found, s, folded, f);
      attachments.inspect(content.attachments, content.text, f);
      LureWording.check(folded, f);
      pretexts.check(content, s, found, folded, pdfs, f);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "analysis stopped by " + e.getClass().getName());
      f.add(ReasonCode.MALFORMED, ReasonCode.FLOOR, "Le message n'a pas pu être analysé jusqu'au bout : sa structure est inattendue.");
    }
    return f.assessment();
  }
}
