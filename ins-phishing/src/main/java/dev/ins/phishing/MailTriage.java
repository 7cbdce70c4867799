package dev.ins.phishing;

import dev.ins.phishing.internal.DomainNames;
import dev.ins.phishing.internal.StreamProviders;
import dev.ins.phishing.internal.TriageConfig;
import dev.ins.phishing.internal.TriageEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Triage of a received e-mail: a verdict (safe, suspicious, dangerous), a score and the reasons,
 * in French, naming the evidence.
 *
 * <p>It checks the sender (the receiving server's {@code Authentication-Results}, impersonation of
 * the institutions a practice hears from, Reply-To and Return-Path), look-alike and confusable
 * domains, links and forms, attachments by content (the links of PDFs included), pretexts that need
 * no institution table (CEO and supplier fraud, brands outside the table, shared-document lures, PDFs
 * holding a link) and lure wording (weak signals only). See {@code docs/ins-phishing.md} for the
 * weights and the verdict rules.
 *
 * <p>{@code assess} never throws on bad content: a message that cannot be parsed is at least
 * {@link Verdict#SUSPICIOUS} with a {@link ReasonCode#MALFORMED} reason; work and memory are bounded
 * by {@link TriageLimits}. Instances are immutable and thread-safe; build one and share it (building
 * loads Tika's media-type table and ICU's confusable data, a few hundred milliseconds).
 *
 * <p>Building a triage sets the system property {@code jakarta.mail.util.StreamProvider} to Angus
 * Mail's provider when it is unset and that provider is the one Jakarta Mail finds anyway: Jakarta
 * Mail 2.1 otherwise looks its provider up through a {@code ServiceLoader} for every encoded word of
 * every header (jakartaee/mail-api issue 861), which cost more than half of the triage time. The
 * behaviour of Jakarta Mail is unchanged; set the property yourself to choose otherwise.
 *
 * <pre>{@code
 * MailTriage triage = MailTriage.builder()
 *     .authservId("mx.mssante.fr")          // trust only your provider's Authentication-Results
 *     .practiceDomain("cabinet-dentaire-martin.fr")
 *     .build();
 * Assessment a = triage.assess(Path.of("inbox/42.eml"));
 * if (a.verdict() == Verdict.DANGEROUS) { quarantine(); }
 * }</pre>
 */
public final class MailTriage {

  private final TriageEngine engine;
  private final int maxMessageBytes;

  private MailTriage(TriageConfig config) {
    StreamProviders.pin();
    this.engine = new TriageEngine(config);
    this.maxMessageBytes = config.limits().maxMessageBytes();
  }

  /**
   * Returns a triage with the default institutions and limits that trusts the top-most
   * {@code Authentication-Results} header.
   *
   * @return a new triage
   */
  public static MailTriage standard() {
    return builder().build();
  }

  /**
   * Starts a configuration.
   *
   * @return a builder with the default institutions and limits
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assesses a message read from a stream, up to the size bound; the stream is not closed.
   *
   * @param rfc822 the raw message (RFC 5322 / MIME)
   * @return the assessment
   * @throws MailReadException when the stream fails (not for bad content)
   */
  public Assessment assess(InputStream rfc822) {
    Objects.requireNonNull(rfc822, "rfc822 == null");
    byte[] raw;
    try {
      raw = rfc822.readNBytes(maxMessageBytes + 1);
    } catch (IOException e) {
      throw new MailReadException("cannot read the message stream: " + e.getClass().getSimpleName(), e);
    }
    boolean oversized = raw.length > maxMessageBytes;
    if (oversized) {
      raw = java.util.Arrays.copyOf(raw, maxMessageBytes);
    }
    return engine.assess(raw, oversized);
  }

  /**
   * Assesses a message file.
   *
   * @param file a {@code .eml} file
   * @return the assessment
   * @throws MailReadException when the file cannot be read (not for bad content)
   */
  public Assessment assess(Path file) {
    Objects.requireNonNull(file, "file == null");
    try (InputStream in = Files.newInputStream(file)) {
      return assess(in);
    } catch (IOException e) {
      throw new MailReadException("cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Assesses a message held in memory.
   *
   * @param rfc822 the raw message
   * @return the assessment
   */
  public Assessment assess(byte[] rfc822) {
    Objects.requireNonNull(rfc822, "rfc822 == null");
    if (rfc822.length > maxMessageBytes) {
      return assess(new ByteArrayInputStream(rfc822));
    }
    return engine.assess(rfc822, false);
  }

  /**
   * Configures a {@link MailTriage}. Each method checks its argument at once.
   *
   * <pre>{@code
   * MailTriage.builder().authservId("mx.example.fr").trustedDomain("labo-biomed.fr").build();
   * }</pre>
   */
  public static final class Builder {
    private final Set<String> authservIds = new LinkedHashSet<>();
    private final List<Institution> institutions = new ArrayList<>(Institution.defaults());
    private final List<String> practiceDomains = new ArrayList<>();
    private final List<String> trustedDomains = new ArrayList<>();
    private final List<String> practiceMembers = new ArrayList<>();
    private TriageLimits limits = TriageLimits.defaults();

    private Builder() {}

    /**
     * Trusts the {@code Authentication-Results} headers written by this server (your mailbox
     * provider's authserv-id); the others, which anyone can forge, are ignored. Without any, the
     * top-most header is trusted.
     *
     * @param id the authserv-id, e.g. {@code mx.google.com}
     * @return this builder
     * @throws IllegalArgumentException when it is blank or holds white space or a semicolon
     */
    public Builder authservId(String id) {
      Objects.requireNonNull(id, "id == null");
      String v = id.strip().toLowerCase(Locale.ROOT);
      if (v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == ';')) {
        throw new IllegalArgumentException("authservId: expected one token without white space or ';'");
      }
      authservIds.add(v);
      return this;
    }

    /**
     * Declares a domain of the practice: mail claiming it must authenticate, and its look-alikes
     * are flagged.
     *
     * @param domain e.g. {@code cabinet-dentaire-martin.fr}
     * @return this builder
     * @throws IllegalArgumentException when it is not a domain name
     */
    public Builder practiceDomain(String domain) {
      practiceDomains.add(domain("practiceDomain", domain));
      return this;
    }

    /**
     * Declares another legitimate domain (your software vendor, laboratory, supplier): its
     * look-alikes are flagged.
     *
     * @param domain e.g. {@code labo-biomed.fr}
     * @return this builder
     * @throws IllegalArgumentException when it is not a domain name
     */
    public Builder trustedDomain(String domain) {
      trustedDomains.add(domain("trustedDomain", domain));
      return this;
    }

    /**
     * Declares a person of the practice (a practitioner, the manager): a request for a payment, new
     * bank details, gift cards or a discreet errand from a sender taking this name but writing from
     * another organisation than the practice (free mail included) is reported as
     * {@link ReasonCode#PAYMENT_IMPERSONATION}. The same person writing from a personal address
     * without such a request is not flagged.
     *
     * @param fullName e.g. {@code "Claire Martin"}; every word of it must appear in the display name
     * @return this builder
     * @throws IllegalArgumentException when it holds no letter
     */
    public Builder practiceMember(String fullName) {
      Objects.requireNonNull(fullName, "fullName == null");
      if (fullName.codePoints().noneMatch(Character::isLetter) || fullName.length() > 200) {
        throw new IllegalArgumentException("practiceMember: expected a person's name such as Claire Martin");
      }
      practiceMembers.add(fullName.strip());
      return this;
    }

    /**
     * Adds an institution to the defaults.
     *
     * @param institution the institution
     * @return this builder
     */
    public Builder institution(Institution institution) {
      institutions.add(Objects.requireNonNull(institution, "institution == null"));
      return this;
    }

    /**
     * Replaces the institutions (the defaults included).
     *
     * @param list the institutions
     * @return this builder
     */
    public Builder institutions(List<Institution> list) {
      List<Institution> copy = List.copyOf(Objects.requireNonNull(list, "list == null"));
      institutions.clear();
      institutions.addAll(copy);
      return this;
    }

    /**
     * Sets the bounds on work and memory per message.
     *
     * @param value the limits
     * @return this builder
     */
    public Builder limits(TriageLimits value) {
      this.limits = Objects.requireNonNull(value, "limits == null");
      return this;
    }

    /**
     * Builds the triage.
     *
     * @return the triage
     */
    public MailTriage build() {
      return new MailTriage(new TriageConfig(authservIds, institutions, practiceDomains, trustedDomains, practiceMembers, limits));
    }

    private static String domain(String field, String value) {
      Objects.requireNonNull(value, field + " == null");
      String d = DomainNames.normalize(value);
      if (d == null || d.indexOf('.') < 0 || DomainNames.isIpLiteral(d)) {
        throw new IllegalArgumentException(field + ": expected a domain name such as cabinet-martin.fr");
      }
      return d;
    }
  }
}
