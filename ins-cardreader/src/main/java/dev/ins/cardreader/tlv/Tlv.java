package dev.ins.cardreader.tlv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BER-TLV data object: a tag with either a primitive value or child objects.
 *
 * <p>Invariants: the tag is a valid 1–3 byte BER tag whose constructed bit (0x20 of its first byte)
 * says which of value or children it has; a primitive value is at most 65535 bytes. Values are
 * copied in and out. {@link #toString()} shows the tag and the length only, never the value (card
 * data is patient data).
 *
 * <pre>{@code
 * Tlv name = Tlv.primitive(0x80, "DUPONT".getBytes(StandardCharsets.US_ASCII));
 * Tlv beneficiary = Tlv.constructed(0x65, List.of(name));
 * beneficiary.child(0x80).orElseThrow().value();
 * }</pre>
 */
public final class Tlv {

  /** Largest value this SDK reads or writes. */
  public static final int MAX_LENGTH = 0xFFFF;

  private final int tag;
  private final byte[] value;
  private final List<Tlv> children;

  private Tlv(int tag, byte[] value, List<Tlv> children) {
    this.tag = tag;
    this.value = value;
    this.children = children;
  }

  /**
   * Creates a primitive object.
   *
   * @param tag a primitive BER tag of 1–3 bytes (first byte neither 0x00 nor 0xFF)
   * @param value the value, at most {@link #MAX_LENGTH} bytes
   * @return the object
   * @throws IllegalArgumentException when the tag is not a primitive BER tag or the value too long
   */
  public static Tlv primitive(int tag, byte[] value) {
    checkTag(tag, false);
    Objects.requireNonNull(value, "value == null");
    if (value.length > MAX_LENGTH) {
      throw new IllegalArgumentException("value: at most " + MAX_LENGTH + " bytes, got " + value.length);
    }
    return new Tlv(tag, value.clone(), List.of());
  }

  /**
   * Creates a constructed object.
   *
   * @param tag a constructed BER tag of 1–3 bytes
   * @param children the child objects, in order
   * @return the object
   * @throws IllegalArgumentException when the tag is not a constructed BER tag
   */
  public static Tlv constructed(int tag, List<Tlv> children) {
    checkTag(tag, true);
    return new Tlv(tag, null, List.copyOf(children));
  }

  /**
   * Returns the number of bytes of a tag's encoding.
   *
   * @param tag the tag
   * @return 1, 2 or 3
   */
  static int tagSize(int tag) {
    return tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
  }

  static int firstByte(int tag) {
    return (tag >> (8 * (tagSize(tag) - 1))) & 0xFF;
  }

  private static void checkTag(int tag, boolean constructed) {
    if (tag <= 0 || tag > 0xFFFFFF) {
      throw new IllegalArgumentException("tag: expected 1 to 3 bytes, got " + Integer.toHexString(tag));
    }
    int n = tagSize(tag);
    int first = firstByte(tag);
    if (first == 0x00 || first == 0xFF) {
      throw new IllegalArgumentException("tag: first byte 00 or FF is padding, not a tag");
    }
    boolean multi = (first & 0x1F) == 0x1F;
    if (multi != (n > 1)) {
      throw new IllegalArgumentException("tag: " + Integer.toHexString(tag)
          + (multi ? " announces subsequent bytes that are missing" : " has bytes after a one-byte tag"));
    }
    for (int i = n - 2; i >= 0; i--) {
      int b = (tag >> (8 * i)) & 0xFF;
      boolean more = (b & 0x80) != 0;
      if (more != (i > 0)) {
        throw new IllegalArgumentException("tag: bad continuation bit in " + Integer.toHexString(tag));
      }
    }
    if (((first & 0x20) != 0) != constructed) {
      throw new IllegalArgumentException("tag: " + Integer.toHexString(tag) + " is "
          + (constructed ? "primitive" : "constructed"));
    }
  }

  /**
   * Returns the tag.
   *
   * @return the tag bytes as an int, e.g. {@code 0x65} or {@code 0x7F21}
   */
  public int tag() {
    return tag;
  }

  /**
   * Tells whether the object has children.
   *
   * @return true for a constructed object
   */
  public boolean isConstructed() {
    return value == null;
  }

  /**
   * Returns the value of a primitive object.
   *
   * @return a copy of the value; empty for a constructed object
   */
  public byte[] value() {
    return value == null ? new byte[0] : value.clone();
  }

  /**
   * Returns the children of a constructed object.
   *
   * @return the children; empty for a primitive object
   */
  public List<Tlv> children() {
    return children;
  }

  /**
   * Returns the first child with a tag.
   *
   * @param childTag the tag
   * @return the child, if any
   */
  public Optional<Tlv> child(int childTag) {
    return children.stream().filter(c -> c.tag == childTag).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tlv && ((Tlv) o).tag == tag && Arrays.equals(((Tlv) o).value, value)
        && ((Tlv) o).children.equals(children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tag, Arrays.hashCode(value), children);
  }

  /** Tag and size only: {@code Tlv[tag=80, 6 bytes]} or {@code Tlv[tag=65, 3 children]}. */
  @Override
  public String toString() {
    String t = Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
    return "Tlv[tag=" + t + ", " + (value == null ? children.size() + " children" : value.length + " bytes") + "]";
  }
}
