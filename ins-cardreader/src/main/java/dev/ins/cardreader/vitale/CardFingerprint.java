package dev.ins.cardreader.vitale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Identifies the card a read came from, to detect a card swapped between the read and the INSi call
 * (CNDA cases 1.02/1.03).
 *
 * <p>The value is an HMAC-SHA-256 of the ATR and the identity files under a random key drawn once
 * per JVM: equal cards give equal fingerprints within one process, and the value reveals nothing
 * about the card's data, even to a dictionary attack. It is not meant to be stored.
 *
 * <pre>{@code
 * CardFingerprint f = reader.read(readers, name).fingerprint();
 * // ... INSi call ...
 * if (reader.check(readers, name, f) != CardCheck.SAME_CARD) { restart(); }
 * }</pre>
 *
 * @param value 64 hex characters
 */
public record CardFingerprint(String value) {

  /**
   * Checks the format.
   *
   * @param value see the record component
   */
  public CardFingerprint {
    Objects.requireNonNull(value, "value == null");
    if (!value.matches("[0-9A-F]{64}")) {
      throw new IllegalArgumentException("fingerprint: expected 64 upper-case hex characters");
    }
  }

  /**
   * Compares in constant time.
   *
   * @param other the other fingerprint
   * @return true when equal
   */
  public boolean matches(CardFingerprint other) {
    return other != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
        other.value.getBytes(StandardCharsets.US_ASCII));
  }

  /** The first 8 characters only. */
  @Override
  public String toString() {
    return "CardFingerprint[" + value.substring(0, 8) + "...]";
  }
}
