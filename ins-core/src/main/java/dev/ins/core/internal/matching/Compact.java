package dev.ins.core.internal.matching;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.matching.DedupRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The compact form of one {@link DedupRecord} that the duplicate detector blocks and scores:
 * letters-only names, Phonex hashes, packed date, sex, birthplace and matricule, and the packed
 * three-letter prefixes of the blocking keys. Immutable; shared by the local engine and the Spark
 * job so that both block and score the same values.
 */
public final class Compact {

  /** The record id. */
  public final String id;
  /** Birth-name letters, or null. */
  public final byte[] name;
  /** Used-name letters, or null. */
  public final byte[] used;
  /** Letters of the first first name, or null. */
  public final byte[] first;
  /** Letters of the whole first-name list, or null. */
  public final byte[] list;
  /** Phonex hash of the birth name, 0 when none. */
  public final long phName;
  /** Phonex hash of the used name, 0 when none. */
  public final long phUsed;
  /** Phonex hash of the first first name, 0 when none. */
  public final long phFirst;
  /** {@code yyyymmdd}, 0 when unknown. */
  public final int date;
  /** 0 unknown, 1 male, 2 female. */
  public final byte sex;
  /** Packed COG code, 0 when unknown. */
  public final int place;
  /** Packed matricule, -1 when unknown. */
  public final long mat;
  /** First three letters of the birth name, packed; -1 when absent. */
  public final int p3Name;
  /** First three letters of the first first name, packed; -1 when absent. */
  public final int p3First;
  /** First three letters of the used name, packed; -1 when absent. */
  public final int p3Used;

  private Compact(String id, byte[] name, byte[] used, byte[] first, byte[] list, long phName, long phUsed,
      long phFirst, int date, byte sex, int place, long mat) {
    this.id = id;
    this.name = name;
    this.used = used;
    this.first = first;
    this.list = list;
    this.phName = phName;
    this.phUsed = phUsed;
    this.phFirst = phFirst;
    this.date = date;
    this.sex = sex;
    this.place = place;
    this.mat = mat;
    this.p3Name = name == null ? -1 : Kernels.prefix3(name);
    this.p3First = first == null ? -1 : Kernels.prefix3(first);
    this.p3Used = used == null ? -1 : Kernels.prefix3(used);
  }

  /**
   * Builds the compact form of a record.
   *
   * @param r the record
   * @param phonexCache a cache of Phonex hashes by name (names repeat a lot), or null
   * @return the compact form
   */
  public static Compact of(DedupRecord r, Map<String, Long> phonexCache) {
    byte[] name = Kernels.letters(r.birthName(), 0, r.birthName() == null ? 0 : r.birthName().length());
    byte[] used = Kernels.letters(r.usedName(), 0, r.usedName() == null ? 0 : r.usedName().length());
    String fl = r.firstNames();
    byte[] first = null;
    byte[] list = null;
    long phFirst = 0;
    if (fl != null) {
      int sp = fl.indexOf(' ');
      int end = sp < 0 ? fl.length() : sp;
      first = Kernels.letters(fl, 0, end);
      list = Kernels.letters(fl, 0, fl.length());
      phFirst = phonex(sp < 0 ? fl : fl.substring(0, end), phonexCache);
    }
    BirthDate d = r.birthDate();
    int date = d == null ? 0 : d.year() * 10000 + d.month().orElse(0) * 100 + d.day().orElse(0);
    byte sex = r.sex() == null || r.sex() == Sex.UNKNOWN ? 0 : (byte) (r.sex() == Sex.MALE ? 1 : 2);
    int place = r.birthplace() == null ? 0 : encodePlace(r.birthplace());
    long mat = r.matricule() == null ? -1 : encodeMatricule(r.matricule());
    return new Compact(r.id(), name, used, first, list, phonex(r.birthName(), phonexCache),
        phonex(r.usedName(), phonexCache), phFirst, date, sex, place, mat);
  }

  private static long phonex(String s, Map<String, Long> cache) {
    if (s == null) {
      return 0;
    }
    if (cache == null) {
      return phonexHash(s);
    }
    Long cached = cache.get(s);
    if (cached != null) {
      return cached;
    }
    long h = phonexHash(s);
    cache.putIfAbsent(s, h);
    return h;
  }

  private static long phonexHash(String s) {
    String k = PhonexCode.encode(s);
    if (k.isEmpty()) {
      return 0;
    }
    long h = 1125899906842597L;
    for (int i = 0; i < k.length(); i++) {
      h = 31 * h + k.charAt(i);
    }
    return h == 0 ? 1 : h;
  }

  private static int encodePlace(String p) {
    int v = 1;
    for (int i = 0; i < 5; i++) {
      char c = p.charAt(i);
      v = v * 12 + (c == 'A' ? 10 : c == 'B' ? 11 : c - '0');
    }
    return v;
  }

  private static long encodeMatricule(String m) {
    long v = 0;
    for (int i = 0; i < 15; i++) {
      char c = m.charAt(i);
      v = v * 12 + (c == 'A' ? 10 : c == 'B' ? 11 : c - '0');
    }
    return v;
  }

  /**
   * Serialises to a compact byte form (the Spark job ships records as bytes).
   *
   * @return the bytes, read back by {@link #fromBytes}
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(id);
      writeLetters(out, name);
      writeLetters(out, used);
      writeLetters(out, first);
      writeLetters(out, list);
      out.writeLong(phName);
      out.writeLong(phUsed);
      out.writeLong(phFirst);
      out.writeInt(date);
      out.writeByte(sex);
      out.writeInt(place);
      out.writeLong(mat);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads the form written by {@link #toBytes}.
   *
   * @param b the bytes
   * @return the compact record
   */
  public static Compact fromBytes(byte[] b) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b))) {
      return new Compact(in.readUTF(), readLetters(in), readLetters(in), readLetters(in), readLetters(in),
          in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readByte(), in.readInt(), in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeLetters(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeShort(-1);
      return;
    }
    out.writeShort(b.length);
    out.write(b);
  }

  private static byte[] readLetters(DataInputStream in) throws IOException {
    int n = in.readShort();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
