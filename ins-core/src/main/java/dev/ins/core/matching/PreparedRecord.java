package dev.ins.core.matching;

import dev.ins.core.internal.matching.Blocking;
import dev.ins.core.internal.matching.Compact;
import java.io.Serializable;
import java.util.Objects;

/**
 * The compact form of a {@link DedupRecord} that duplicate detection blocks and scores
 * (letters-only names, phonetic hashes, packed date, sex, birthplace and matricule), for engines
 * that distribute the work themselves, such as the Spark job of {@code ins-spark}. Obtained from
 * {@link DedupKernel#prepare}; scored by {@link DedupKernel#score}.
 *
 * <p>Immutable and serialisable; {@link #toBytes()} gives a compact binary form (about 100 bytes)
 * read back by {@link #fromBytes}. It holds patient traits in a reduced form: {@link #toString()}
 * shows the id only.
 *
 * <pre>{@code
 * PreparedRecord p = DedupKernel.of(0.85).prepare(record);
 * long key = p.blockingKey(1);               // pass 1: birth date + birth-name prefix, or -1
 * PreparedRecord back = PreparedRecord.fromBytes(p.toBytes());
 * }</pre>
 */
public final class PreparedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The compact form; rebuilt from bytes when deserialised. */
  private final transient Compact compact;
  /** The serialised form, kept only for Java serialisation. */
  private byte[] bytes;

  PreparedRecord(Compact compact) {
    this.compact = Objects.requireNonNull(compact, "compact");
  }

  Compact compact() {
    return compact;
  }

  /**
   * Returns the record id.
   *
   * @return the id
   */
  public String id() {
    return compact.id(0);
  }

  /**
   * Returns the record's key in a blocking pass: records are compared when they share a key in
   * some pass (see {@link DuplicateDetector} for the passes).
   *
   * @param pass 0 to {@link DedupKernel#PASSES} - 1
   * @return the key, non-negative, or -1 when the record has none in that pass
   * @throws IllegalArgumentException when the pass is out of range
   */
  public long blockingKey(int pass) {
    if (pass < 0 || pass >= Blocking.PASSES) {
      throw new IllegalArgumentException("pass must be in [0, " + Blocking.PASSES + "), got " + pass);
    }
    return Blocking.key(pass, compact, 0);
  }

  /**
   * Returns the record's second key in pass {@link DedupKernel#NAME_PASS} (birth date and the
   * used name's prefix): in that pass a record belongs to the blocks of both keys.
   *
   * @return the key, or -1 when the record has no used name or no date
   */
  public long usedNameKey() {
    return Blocking.usedNameKey(compact, 0);
  }

  /**
   * Returns the order of this record inside a block too large to compare in full, where each
   * record is compared with the next records only; equal orders are broken by {@link #id()}.
   *
   * @return a non-negative order key
   */
  public long windowOrder() {
    return Blocking.windowOrder(compact, 0);
  }

  /**
   * Returns the compact binary form.
   *
   * @return the bytes, read back by {@link #fromBytes}
   */
  public byte[] toBytes() {
    return compact.toBytes(0);
  }

  /**
   * Reads the form written by {@link #toBytes()}.
   *
   * @param bytes the bytes
   * @return the record
   * @throws IllegalArgumentException when the bytes are not a prepared record (truncated,
   *     trailing bytes, inconsistent lengths, a name letter outside A-Z)
   */
  public static PreparedRecord fromBytes(byte[] bytes) {
    return new PreparedRecord(Compact.fromBytes(Objects.requireNonNull(bytes, "bytes")));
  }

  /**
   * Serialises the compact binary form.
   *
   * @return a copy carrying the bytes
   */
  private Object writeReplace() {
    PreparedRecord r = new PreparedRecord(compact);
    r.bytes = compact.toBytes(0);
    return r;
  }

  /**
   * Rebuilds the record from its bytes.
   *
   * @return the record
   */
  private Object readResolve() {
    return fromBytes(bytes);
  }

  /** Shows the id only: {@code PreparedRecord[id=42, traits=***]}. */
  @Override
  public String toString() {
    return "PreparedRecord[id=" + compact.id(0) + ", traits=***]";
  }
}
