package dev.ins.phishing.testing;

import java.util.Objects;

/**
 * One generated message with its ground truth.
 *
 * @param name a file name, e.g. {@code 0042-legit-newsletter.eml}
 * @param label what the message is
 * @param kind the scenario that produced it, e.g. {@code malware-double-extension}
 * @param raw the RFC 5322 bytes
 */
public record LabelledMail(String name, Label label, String kind, byte[] raw) {

  /** The ground truth of a message. */
  public enum Label {
    /** Legitimate mail, hard negatives included: must come out SAFE. */
    LEGIT,
    /** Phishing without malware: must come out at least SUSPICIOUS. */
    PHISHING,
    /** Malware attachment: must come out DANGEROUS. */
    MALWARE,
    /** A message that cannot be parsed: must come out at least SUSPICIOUS. */
    MALFORMED
  }

  /** Checks the fields. */
  public LabelledMail {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(raw, "raw == null");
  }
}
