package dev.ins.core.internal.matching;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.matching.DedupRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Records in the compact columnar form that the duplicate detector blocks and scores: primitive
 * columns (Phonex hashes, packed date, sex, birthplace and matricule, three-letter prefixes) and two
 * arenas, one for the letters of the names (separators removed) and one for the ids. No object per
 * record: a million records are a few dozen arrays, which the garbage collector never has to trace
 * or copy one by one. Shared by the local engine (one store for the whole run) and the Spark job
 * (one record per store, or one block).
 *
 * <p>Not thread-safe while appending; read-only afterwards.
 */
public final class Compact {

  private static final int NO_NAME = -1;

  int size;
  /** Letters of all names; a name is {@code letters[off, off + len)}. */
  byte[] letters = new byte[256];
  int lettersUsed;
  /** Ids, UTF-16 code units (compared as {@link String#compareTo} does). */
  char[] idChars = new char[128];
  int idUsed;
  int[] idOff = new int[8];
  int[] nameOff = new int[8];
  int[] usedOff = new int[8];
  int[] listOff = new int[8];
  short[] nameLen = new short[8];
  short[] usedLen = new short[8];
  short[] listLen = new short[8];
  /** Letters of the first first name: a prefix of the list's letters. */
  short[] firstLen = new short[8];
  long[] phName = new long[8];
  long[] phUsed = new long[8];
  long[] phFirst = new long[8];
  /** {@code yyyymmdd}, 0 when unknown. */
  int[] date = new int[8];
  /** 0 unknown, 1 male, 2 female. */
  byte[] sex = new byte[8];
  /** Packed COG code, 0 when unknown. */
  int[] place = new int[8];
  /** Packed matricule, -1 when unknown. */
  long[] mat = new long[8];
  /** Packed first three letters of birth name, first first name, used name; -1 when absent. */
  int[] p3Name = new int[8];
  int[] p3First = new int[8];
  int[] p3Used = new int[8];

  /** An empty store. */
  public Compact() {}

  /**
   * An empty store with room for {@code records} records, {@code letterCount} name letters and
   * {@code idCount} id characters before it grows.
   */
  Compact(int records, int letterCount, int idCount) {
    int r = Math.max(records, 1);
    letters = new byte[Math.max(letterCount, 1)];
    idChars = new char[Math.max(idCount, 1)];
    idOff = new int[r];
    nameOff = new int[r];
    usedOff = new int[r];
    listOff = new int[r];
    nameLen = new short[r];
    usedLen = new short[r];
    listLen = new short[r];
    firstLen = new short[r];
    phName = new long[r];
    phUsed = new long[r];
    phFirst = new long[r];
    date = new int[r];
    sex = new byte[r];
    place = new int[r];
    mat = new long[r];
    p3Name = new int[r];
    p3First = new int[r];
    p3Used = new int[r];
  }

  /**
   * Joins stores into one whose columns have exactly the size they need: one copy of each record,
   * where appending chunk after chunk to a growing store copies the columns again at every growth
   * (and leaves each old column, megabytes at a million records, to the garbage collector). The
   * parts are released as they are copied ({@code parts} is cleared).
   *
   * @param parts the stores, in order
   * @return one store holding their records in that order
   * @throws IllegalArgumentException when the records or their letters exceed a column's capacity
   */
  static Compact concat(java.util.List<Compact> parts) {
    long records = 0;
    long letterCount = 0;
    long idCount = 0;
    for (Compact c : parts) {
      records += c.size;
      letterCount += c.lettersUsed;
      idCount += c.idUsed;
    }
    Compact all = new Compact((int) Math.min(records, Integer.MAX_VALUE - 16),
        capacity(letterCount, 0, "name letters"), capacity(idCount, 0, "id characters"));
    for (int i = 0; i < parts.size(); i++) {
      all.addAll(parts.get(i));
      parts.set(i, null);
    }
    parts.clear();
    return all;
  }

  /**
   * A store holding one record.
   *
   * @param r the record
   * @param phonexCache a cache of Phonex hashes by name, or null
   * @return the store
   */
  public static Compact of(DedupRecord r, Map<String, Long> phonexCache) {
    Compact c = new Compact();
    c.add(r, phonexCache);
    return c;
  }

  /**
   * Returns the number of records.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns a record's id.
   *
   * @param i the record
   * @return its id
   */
  public String id(int i) {
    int from = idOff[i];
    int to = i + 1 < size ? idOff[i + 1] : idUsed;
    return new String(idChars, from, to - from);
  }

  /**
   * Compares two records' ids as {@link String#compareTo} compares them.
   *
   * @param a a record of this store
   * @param other another store
   * @param b a record of it
   * @return negative, zero or positive
   */
  public int compareIds(int a, Compact other, int b) {
    int af = idOff[a];
    int at = a + 1 < size ? idOff[a + 1] : idUsed;
    int bf = other.idOff[b];
    int bt = b + 1 < other.size ? other.idOff[b + 1] : other.idUsed;
    return Arrays.compare(idChars, af, at, other.idChars, bf, bt);
  }

  /**
   * Finds a record whose id an earlier record already has (sorting id hashes, no set of strings).
   *
   * @return the later record of such a pair, or -1 when the ids are unique
   */
  public int duplicateId() {
    long[] h = new long[size];
    for (int i = 0; i < size; i++) {
      int from = idOff[i];
      int to = i + 1 < size ? idOff[i + 1] : idUsed;
      int x = 0;
      for (int k = from; k < to; k++) {
        x = 31 * x + idChars[k];
      }
      h[i] = (x & 0xFFFFFFFFL) << 31 | i;
    }
    Arrays.sort(h);
    for (int i = 1; i < size; i++) {
      if (h[i] >>> 31 != h[i - 1] >>> 31) {
        continue;
      }
      // equal hashes: compare with every earlier member of the run
      for (int k = i - 1; k >= 0 && h[k] >>> 31 == h[i] >>> 31; k--) {
        int a = (int) (h[k] & 0x7FFFFFFF);
        int b = (int) (h[i] & 0x7FFFFFFF);
        if (compareIds(a, this, b) == 0) {
          return Math.max(a, b);
        }
      }
    }
    return -1;
  }

  private void grow(int need) {
    if (need <= nameOff.length) {
      return;
    }
    int cap = Math.max(need, nameOff.length + (nameOff.length >> 1) + 8);
    idOff = Arrays.copyOf(idOff, cap);
    nameOff = Arrays.copyOf(nameOff, cap);
    usedOff = Arrays.copyOf(usedOff, cap);
    listOff = Arrays.copyOf(listOff, cap);
    nameLen = Arrays.copyOf(nameLen, cap);
    usedLen = Arrays.copyOf(usedLen, cap);
    listLen = Arrays.copyOf(listLen, cap);
    firstLen = Arrays.copyOf(firstLen, cap);
    phName = Arrays.copyOf(phName, cap);
    phUsed = Arrays.copyOf(phUsed, cap);
    phFirst = Arrays.copyOf(phFirst, cap);
    date = Arrays.copyOf(date, cap);
    sex = Arrays.copyOf(sex, cap);
    place = Arrays.copyOf(place, cap);
    mat = Arrays.copyOf(mat, cap);
    p3Name = Arrays.copyOf(p3Name, cap);
    p3First = Arrays.copyOf(p3First, cap);
    p3Used = Arrays.copyOf(p3Used, cap);
  }

  /** The capacity an arena needs for {@code need} elements: 1.5 times its size, at most 2^31 - 16. */
  private static int capacity(long need, int current, String what) {
    if (need > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many " + what + " for one run (2^31)");
    }
    return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, current * 3L / 2));
  }

  private void ensureLetters(int more) {
    if ((long) lettersUsed + more > letters.length) {
      letters = Arrays.copyOf(letters, capacity((long) lettersUsed + more, letters.length, "name letters"));
    }
  }

  private void ensureIds(int more) {
    if ((long) idUsed + more > idChars.length) {
      idChars = Arrays.copyOf(idChars, capacity((long) idUsed + more, idChars.length, "id characters"));
    }
  }

  /** Appends the letters of {@code s[from, to)}; returns the count, or NO_NAME when none. */
  private int appendLetters(String s, int from, int to) {
    ensureLetters(to - from);
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        letters[lettersUsed + n++] = (byte) c;
      }
    }
    if (n == 0) {
      return NO_NAME;
    }
    lettersUsed += n;
    return n;
  }

  /**
   * Appends a record.
   *
   * @param r the record
   * @param phonexCache a cache of Phonex hashes by name, or null
   */
  public void add(DedupRecord r, Map<String, Long> phonexCache) {
    int i = size;
    grow(i + 1);
    String id = r.id();
    ensureIds(id.length());
    id.getChars(0, id.length(), idChars, idUsed);
    idOff[i] = idUsed;
    idUsed += id.length();
    String bn = r.birthName();
    nameOff[i] = lettersUsed;
    nameLen[i] = (short) (bn == null ? NO_NAME : appendLetters(bn, 0, bn.length()));
    String un = r.usedName();
    usedOff[i] = lettersUsed;
    usedLen[i] = (short) (un == null ? NO_NAME : appendLetters(un, 0, un.length()));
    String fl = r.firstNames();
    listOff[i] = lettersUsed;
    long phF = 0;
    if (fl == null) {
      listLen[i] = NO_NAME;
      firstLen[i] = NO_NAME;
    } else {
      int sp = fl.indexOf(' ');
      int end = sp < 0 ? fl.length() : sp;
      int first = appendLetters(fl, 0, end);
      int rest = appendLetters(fl, end, fl.length());
      int list = (first == NO_NAME ? 0 : first) + (rest == NO_NAME ? 0 : rest);
      listLen[i] = (short) (list == 0 ? NO_NAME : list);
      firstLen[i] = (short) first;
      phF = phonex(sp < 0 ? fl : fl.substring(0, end), phonexCache);
    }
    phName[i] = phonex(bn, phonexCache);
    phUsed[i] = phonex(un, phonexCache);
    phFirst[i] = phF;
    BirthDate d = r.birthDate();
    date[i] = d == null ? 0 : d.year() * 10000 + d.month().orElse(0) * 100 + d.day().orElse(0);
    sex[i] = r.sex() == null || r.sex() == Sex.UNKNOWN ? 0 : (byte) (r.sex() == Sex.MALE ? 1 : 2);
    place[i] = r.birthplace() == null ? 0 : encodePlace(r.birthplace());
    mat[i] = r.matricule() == null ? -1 : encodeMatricule(r.matricule());
    p3Name[i] = prefix3(letters, nameOff[i], nameLen[i]);
    p3First[i] = prefix3(letters, listOff[i], firstLen[i]);
    p3Used[i] = prefix3(letters, usedOff[i], usedLen[i]);
    size = i + 1;
  }

  private static int prefix3(byte[] b, int off, int len) {
    if (len < 0) {
      return -1;
    }
    int p = 0;
    for (int i = 0; i < 3; i++) {
      p = p << 5 | (i < len ? b[off + i] - 'A' + 1 : 0);
    }
    return p;
  }

  /**
   * Appends every record of another store (the local engine prepares chunks in parallel and
   * appends them in input order).
   *
   * @param o the store to append
   */
  public void addAll(Compact o) {
    int base = size;
    grow(base + o.size);
    ensureLetters(o.lettersUsed);
    ensureIds(o.idUsed);
    int lShift = lettersUsed;
    int iShift = idUsed;
    System.arraycopy(o.letters, 0, letters, lettersUsed, o.lettersUsed);
    lettersUsed += o.lettersUsed;
    System.arraycopy(o.idChars, 0, idChars, idUsed, o.idUsed);
    idUsed += o.idUsed;
    for (int k = 0; k < o.size; k++) {
      int i = base + k;
      idOff[i] = o.idOff[k] + iShift;
      nameOff[i] = o.nameOff[k] + lShift;
      usedOff[i] = o.usedOff[k] + lShift;
      listOff[i] = o.listOff[k] + lShift;
    }
    System.arraycopy(o.nameLen, 0, nameLen, base, o.size);
    System.arraycopy(o.usedLen, 0, usedLen, base, o.size);
    System.arraycopy(o.listLen, 0, listLen, base, o.size);
    System.arraycopy(o.firstLen, 0, firstLen, base, o.size);
    System.arraycopy(o.phName, 0, phName, base, o.size);
    System.arraycopy(o.phUsed, 0, phUsed, base, o.size);
    System.arraycopy(o.phFirst, 0, phFirst, base, o.size);
    System.arraycopy(o.date, 0, date, base, o.size);
    System.arraycopy(o.sex, 0, sex, base, o.size);
    System.arraycopy(o.place, 0, place, base, o.size);
    System.arraycopy(o.mat, 0, mat, base, o.size);
    System.arraycopy(o.p3Name, 0, p3Name, base, o.size);
    System.arraycopy(o.p3First, 0, p3First, base, o.size);
    System.arraycopy(o.p3Used, 0, p3Used, base, o.size);
    size = base + o.size;
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
   * Serialises one record (the Spark job ships records as bytes).
   *
   * @param i the record
   * @return the bytes, read back by {@link #fromBytes}
   */
  public byte[] toBytes(int i) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(id(i));
      writeName(out, nameOff[i], nameLen[i]);
      writeName(out, usedOff[i], usedLen[i]);
      writeName(out, listOff[i], listLen[i]);
      out.writeShort(firstLen[i]);
      out.writeLong(phName[i]);
      out.writeLong(phUsed[i]);
      out.writeLong(phFirst[i]);
      out.writeInt(date[i]);
      out.writeByte(sex[i]);
      out.writeInt(place[i]);
      out.writeLong(mat[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void writeName(DataOutputStream out, int off, int len) throws IOException {
    out.writeShort(len);
    if (len > 0) {
      out.write(letters, off, len);
    }
  }

  /**
   * Reads one record written by {@link #toBytes}.
   *
   * @param b the bytes
   * @return a store holding that record
   * @throws IllegalArgumentException when the bytes are not such a record (truncated, trailing
   *     bytes, lengths or letters out of range)
   */
  public static Compact fromBytes(byte[] b) {
    Compact c = new Compact();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b))) {
      String id = in.readUTF();
      c.ensureIds(id.length());
      id.getChars(0, id.length(), c.idChars, 0);
      c.idUsed = id.length();
      c.nameOff[0] = c.lettersUsed;
      c.nameLen[0] = c.readName(in);
      c.usedOff[0] = c.lettersUsed;
      c.usedLen[0] = c.readName(in);
      c.listOff[0] = c.lettersUsed;
      c.listLen[0] = c.readName(in);
      c.firstLen[0] = in.readShort();
      c.phName[0] = in.readLong();
      c.phUsed[0] = in.readLong();
      c.phFirst[0] = in.readLong();
      c.date[0] = in.readInt();
      c.sex[0] = in.readByte();
      c.place[0] = in.readInt();
      c.mat[0] = in.readLong();
      if (in.read() >= 0) {
        throw new IllegalArgumentException("not a prepared record: trailing bytes");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a prepared record: truncated", e);
    }
    int first = c.firstLen[0];
    int list = c.listLen[0];
    if (first < -1 || first > Math.max(list, 0) || (first >= 0 && list < 0) || c.sex[0] < 0 || c.sex[0] > 2
        || c.date[0] < 0) {
      throw new IllegalArgumentException("not a prepared record: inconsistent fields");
    }
    for (int i = 0; i < c.lettersUsed; i++) {
      if (c.letters[i] < 'A' || c.letters[i] > 'Z') {
        throw new IllegalArgumentException("not a prepared record: a name holds a character other than A-Z");
      }
    }
    c.p3Name[0] = prefix3(c.letters, c.nameOff[0], c.nameLen[0]);
    c.p3First[0] = prefix3(c.letters, c.listOff[0], c.firstLen[0]);
    c.p3Used[0] = prefix3(c.letters, c.usedOff[0], c.usedLen[0]);
    c.size = 1;
    return c;
  }

  private short readName(DataInputStream in) throws IOException {
    short len = in.readShort();
    if (len < -1 || len == 0) {
      throw new IllegalArgumentException("not a prepared record: bad name length");
    }
    if (len > 0) {
      ensureLetters(len);
      in.readFully(letters, lettersUsed, len);
      lettersUsed += len;
    }
    return len;
  }
}
