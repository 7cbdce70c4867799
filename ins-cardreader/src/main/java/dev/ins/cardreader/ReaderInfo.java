package dev.ins.cardreader;

import java.util.Objects;

/**
 * A card reader as listed by {@link CardReaders#readers()}: its PC/SC name and whether a card is in.
 *
 * <pre>{@code
 * for (ReaderInfo r : readers.readers()) { System.out.println(r.name() + " " + r.cardPresent()); }
 * }</pre>
 *
 * @param name the reader's PC/SC name, not blank
 * @param cardPresent whether a card was present when listed
 */
public record ReaderInfo(String name, boolean cardPresent) {

  /**
   * Validates the name.
   *
   * @param name see the record component
   * @param cardPresent see the record component
   */
  public ReaderInfo {
    Objects.requireNonNull(name, "name == null");
  }
}
