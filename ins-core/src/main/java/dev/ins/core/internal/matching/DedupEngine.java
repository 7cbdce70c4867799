package dev.ins.core.internal.matching;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import dev.ins.core.matching.DetectionPhase;
import dev.ins.core.matching.DetectionSummary;
import dev.ins.core.matching.Evidence;
import dev.ins.core.matching.PairKind;
import dev.ins.core.matching.Progress;
import dev.ins.core.matching.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine behind {@link dev.ins.core.matching.DuplicateDetector}: columnar compact records,
 * blocking passes over sorted 64-bit keys, canonical-pass deduplication of comparisons, parallel
 * block scoring, deterministic output.
 */
public final class DedupEngine {

  /** Blocking slots, in the order they are processed (a pair is scored in the first slot that holds it). */
  static final int MATRICULE = 0;
  static final int NAME = 1;
  static final int FIRST = 2;
  static final int SWAP = 3;
  static final int DAY_MONTH = 4;
  static final int DIGIT0 = 5; // 5..12: one masked date digit each
  static final int NO_DATE = 13;
  static final int SLOTS = 14;

  /** Below this many keys one thread sorts (slicing costs more than it saves). */
  private static final int MIN_PARALLEL_SORT = 1 << 14;
  private static final int IDX_BITS = 27;
  private static final long IDX_MASK = (1L << IDX_BITS) - 1;
  private static final int CHUNK = 4096;
  private static final double PHONETIC_FLOOR = 0.9;
  /** Floor for names one edit apart (substitution, insertion, deletion, adjacent swap), 3+ letters. */
  private static final double ONE_EDIT_FLOOR = 0.9;

  private final int threads;
  private final double minScore;
  private final int maxBlock;
  private final int window;
  private final ProgressListener listener;

  // columns
  private int n;
  private String[] ids = new String[0];
  private byte[][] name = new byte[0][];
  private byte[][] used = new byte[0][];
  private byte[][] first = new byte[0][];
  private byte[][] list = new byte[0][];
  private long[] phName = new long[0];
  private long[] phUsed = new long[0];
  private long[] phFirst = new long[0];
  private int[] date = new int[0];
  private byte[] sex = new byte[0];
  private int[] place = new int[0];
  private long[] mat = new long[0];
  /** First three letters (packed) of birth name, first first name and used name; -1 when absent. */
  private int[] p3Name = new int[0];
  private int[] p3First = new int[0];
  private int[] p3Used = new int[0];

  private long[][] keys;
  private long[] altNameKey;
  private int[] oversizedMask;

  /**
   * Creates an engine for one run.
   *
   * @param threads worker threads
   * @param minScore minimum duplicate score
   * @param maxBlock block cap
   * @param window sliding window in oversized blocks
   * @param listener progress listener
   */
  public DedupEngine(int threads, double minScore, int maxBlock, int window, ProgressListener listener) {
    this.threads = threads;
    this.minScore = minScore;
    this.maxBlock = maxBlock;
    this.window = window;
    this.listener = listener;
  }

  /**
   * Runs a detection.
   *
   * @param in the records
   * @param sink the pair sink
   * @return the summary
   */
  public DetectionSummary run(Iterator<DedupRecord> in, Consumer<CandidatePair> sink) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ins-dedup");
      t.setDaemon(true);
      return t;
    });
    try {
      read(in, pool);
      List<Found> found = new ArrayList<>();
      long[] counters = new long[2];
      score(pool, found, counters);
      long emitted = emit(found, sink);
      listener.onProgress(new Progress(DetectionPhase.DONE, emitted, emitted));
      return new DetectionSummary(n, counters[0], emitted, counters[1]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("duplicate detection interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException("duplicate detection failed", c);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- reading

  /** The compact form of one record, built on a worker thread. */
  private static final class Prepared {
    String id;
    byte[] name;
    byte[] used;
    byte[] first;
    byte[] list;
    long phName;
    long phUsed;
    long phFirst;
    int date;
    byte sex;
    int place;
    long mat;
  }

  private void read(Iterator<DedupRecord> in, ExecutorService pool) throws InterruptedException, ExecutionException {
    listener.onProgress(new Progress(DetectionPhase.READING, 0, -1));
    // names repeat a lot (frequent surnames and first names): compute each Phonex key once per run
    ConcurrentHashMap<String, Long> phonexCache = new ConcurrentHashMap<>(1 << 16);
    Set<String> seen = new HashSet<>();
    List<Future<Prepared[]>> inFlight = new ArrayList<>();
    while (in.hasNext()) {
      DedupRecord[] chunk = new DedupRecord[CHUNK];
      int k = 0;
      while (k < CHUNK && in.hasNext()) {
        DedupRecord r = in.next();
        if (r == null) {
          throw new IllegalArgumentException("null record at position " + (n + inFlightCount(inFlight) + k));
        }
        if (!seen.add(r.id())) {
          throw new IllegalArgumentException("duplicate record id: " + r.id());
        }
        chunk[k++] = r;
      }
      final DedupRecord[] c = chunk;
      final int size = k;
      inFlight.add(pool.submit(() -> prepare(c, size, phonexCache)));
      if (inFlight.size() >= 2 * threads) {
        append(inFlight.remove(0).get());
        listener.onProgress(new Progress(DetectionPhase.READING, n, -1));
      }
    }
    for (Future<Prepared[]> f : inFlight) {
      append(f.get());
    }
    listener.onProgress(new Progress(DetectionPhase.READING, n, n));
  }

  private static int inFlightCount(List<Future<Prepared[]>> inFlight) {
    return inFlight.size() * CHUNK;
  }

  private static Prepared[] prepare(DedupRecord[] chunk, int size, ConcurrentHashMap<String, Long> cache) {
    Prepared[] out = new Prepared[size];
    for (int i = 0; i < size; i++) {
      DedupRecord r = chunk[i];
      Prepared p = new Prepared();
      p.id = r.id();
      p.name = Kernels.letters(r.birthName(), 0, r.birthName() == null ? 0 : r.birthName().length());
      p.used = Kernels.letters(r.usedName(), 0, r.usedName() == null ? 0 : r.usedName().length());
      String fl = r.firstNames();
      if (fl != null) {
        int sp = fl.indexOf(' ');
        p.first = Kernels.letters(fl, 0, sp < 0 ? fl.length() : sp);
        p.list = Kernels.letters(fl, 0, fl.length());
      }
      p.phName = phonex(r.birthName(), cache);
      p.phUsed = phonex(r.usedName(), cache);
      p.phFirst = fl == null ? 0 : phonex(fl.substring(0, fl.indexOf(' ') < 0 ? fl.length() : fl.indexOf(' ')), cache);
      BirthDate d = r.birthDate();
      p.date = d == null ? 0 : d.year() * 10000 + d.month().orElse(0) * 100 + d.day().orElse(0);
      p.sex = r.sex() == null || r.sex() == Sex.UNKNOWN ? 0 : (byte) (r.sex() == Sex.MALE ? 1 : 2);
      p.place = r.birthplace() == null ? 0 : encodePlace(r.birthplace());
      p.mat = r.matricule() == null ? -1 : encodeMatricule(r.matricule());
      out[i] = p;
    }
    return out;
  }

  private static long phonex(String s, ConcurrentHashMap<String, Long> cache) {
    if (s == null) {
      return 0;
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

  private void append(Prepared[] ps) {
    int need = n + ps.length;
    if (need > IDX_MASK) {
      throw new IllegalArgumentException("at most " + IDX_MASK + " records per run");
    }
    if (need > ids.length) {
      int cap = Math.max(need, ids.length * 3 / 2 + CHUNK);
      ids = Arrays.copyOf(ids, cap);
      name = Arrays.copyOf(name, cap);
      used = Arrays.copyOf(used, cap);
      first = Arrays.copyOf(first, cap);
      list = Arrays.copyOf(list, cap);
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
    for (Prepared p : ps) {
      ids[n] = p.id;
      name[n] = p.name;
      used[n] = p.used;
      first[n] = p.first;
      list[n] = p.list;
      phName[n] = p.phName;
      phUsed[n] = p.phUsed;
      phFirst[n] = p.phFirst;
      date[n] = p.date;
      sex[n] = p.sex;
      place[n] = p.place;
      mat[n] = p.mat;
      p3Name[n] = p.name == null ? -1 : Kernels.prefix3(p.name);
      p3First[n] = p.first == null ? -1 : Kernels.prefix3(p.first);
      p3Used[n] = p.used == null ? -1 : Kernels.prefix3(p.used);
      n++;
    }
  }

  // ---------------------------------------------------------------- keys

  /** The key of record r in a slot, or -1 when the record has none there. */
  long key(int slot, int r) {
    int d = date[r];
    int pn = p3Name[r];
    int pf = p3First[r];
    switch (slot) {
      case MATRICULE:
        return mat[r] < 0 ? -1 : Kernels.mix(slot, mat[r]);
      case NAME:
        return d == 0 || pn < 0 ? -1 : Kernels.mix(slot, (long) d << 15 | pn);
      case FIRST:
        return d == 0 || pf < 0 ? -1 : Kernels.mix(slot, (long) d << 15 | pf);
      case SWAP: {
        if (d == 0 || pn < 0 || pf < 0) {
          return -1;
        }
        return Kernels.mix(slot, (long) d << 30 | (long) Math.min(pn, pf) << 15 | Math.max(pn, pf));
      }
      case DAY_MONTH: {
        int m = d / 100 % 100;
        int day = d % 100;
        if (d == 0 || pn < 0 || m == 0 || day == 0 || day > 12 || m == day) {
          return -1;
        }
        long dm = (long) (d / 10000) * 10000 + Math.min(m, day) * 100 + Math.max(m, day);
        return Kernels.mix(slot, dm << 15 | pn);
      }
      case NO_DATE:
        // same birth name and first name (letters only), any date: catches the other date errors
        return pn < 0 || pf < 0 ? -1
            : Kernels.mix(slot, (long) Arrays.hashCode(name[r]) << 32 ^ (Arrays.hashCode(first[r]) & 0xFFFFFFFFL));
      default: {
        if (d == 0 || pn < 0) {
          return -1;
        }
        int p = POW10[slot - DIGIT0]; // 0 = units of the day ... 7 = thousands of the year
        long masked = d - (long) (d / p % 10) * p;
        return Kernels.mix(slot, masked << 15 | pn);
      }
    }
  }

  private static final int[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

  private long altKey(int r) {
    return date[r] == 0 || p3Used[r] < 0 ? -1 : Kernels.mix(NAME, (long) date[r] << 15 | p3Used[r]);
  }

  /** True when records a and b share a key in the slot. */
  private boolean together(int slot, int a, int b) {
    long ka = keys[slot][a];
    long kb = keys[slot][b];
    if (slot != NAME) {
      return ka >= 0 && ka == kb;
    }
    long xa = altNameKey[a];
    long xb = altNameKey[b];
    return (ka >= 0 && (ka == kb || ka == xb)) || (xa >= 0 && (xa == kb || xa == xb));
  }

  // ---------------------------------------------------------------- scoring

  /** A pair found by a worker. */
  static final class Found {
    final int a;
    final int b;
    final double score;
    final int evidence;
    final boolean collision;

    Found(int a, int b, double score, int evidence, boolean collision) {
      this.a = a;
      this.b = b;
      this.score = score;
      this.evidence = evidence;
      this.collision = collision;
    }
  }

  /**
   * Sorts on the detection's own threads: each thread sorts a slice, then the sorted slices are
   * merged. ({@code Arrays.parallelSort} runs on the common pool, which has a single worker on a
   * two-core machine, so it sorted on one core while the detection threads waited.)
   */
  private void sort(ExecutorService pool, long[] a) throws InterruptedException, ExecutionException {
    int parts = threads;
    if (parts < 2 || a.length < MIN_PARALLEL_SORT) {
      Arrays.sort(a);
      return;
    }
    int[] bounds = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      bounds[p] = (int) ((long) a.length * p / parts);
    }
    List<Future<?>> slices = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = bounds[p];
      int to = bounds[p + 1];
      slices.add(pool.submit(() -> Arrays.sort(a, from, to)));
    }
    for (Future<?> f : slices) {
      f.get();
    }
    long[] src = a;
    long[] dst = new long[a.length];
    int runs = parts;
    while (runs > 1) {
      int merged = 0;
      for (int r = 0; r < runs; r += 2) {
        int lo = bounds[r];
        int mid = bounds[Math.min(r + 1, runs)];
        int hi = bounds[Math.min(r + 2, runs)];
        merge(src, lo, mid, hi, dst);
        bounds[merged++] = lo;
      }
      bounds[merged] = a.length;
      runs = merged;
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, a.length);
    }
  }

  /** Merges the sorted runs {@code src[lo, mid)} and {@code src[mid, hi)} into {@code dst[lo, hi)}. */
  private static void merge(long[] src, int lo, int mid, int hi, long[] dst) {
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && src[i] <= src[j])) {
        dst[k] = src[i++];
      } else {
        dst[k] = src[j++];
      }
    }
  }

  private void score(ExecutorService pool, List<Found> found, long[] counters)
      throws InterruptedException, ExecutionException {
    keys = new long[SLOTS][];
    oversizedMask = new int[n];
    altNameKey = new long[n];
    for (int r = 0; r < n; r++) {
      altNameKey[r] = altKey(r);
    }
    for (int s = 0; s < SLOTS; s++) {
      listener.onProgress(new Progress(DetectionPhase.SCORING, s, SLOTS));
      long[] k = new long[n];
      int count = 0;
      for (int r = 0; r < n; r++) {
        k[r] = key(s, r);
        if (k[r] >= 0) {
          count++;
        }
        if (s == NAME && altNameKey[r] >= 0 && altNameKey[r] != k[r]) {
          count++;
        }
      }
      keys[s] = k;
      long[] entries = new long[count];
      int e = 0;
      for (int r = 0; r < n; r++) {
        if (k[r] >= 0) {
          entries[e++] = k[r] << IDX_BITS | r;
        }
        if (s == NAME && altNameKey[r] >= 0 && altNameKey[r] != k[r]) {
          entries[e++] = altNameKey[r] << IDX_BITS | r;
        }
      }
      sort(pool, entries);
      // block boundaries: starts of runs of equal keys with at least 2 entries
      int[] ranges = blockRanges(entries);
      int blocks = ranges.length / 2;
      markOversized(s, entries, ranges);
      final int slot = s;
      AtomicInteger next = new AtomicInteger();
      List<Future<Worker>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(pool.submit(() -> {
          Worker w = new Worker();
          int batch;
          while ((batch = next.getAndAdd(64)) < blocks) {
            int end = Math.min(batch + 64, blocks);
            for (int bi = batch; bi < end; bi++) {
              w.block(slot, entries, ranges[2 * bi], ranges[2 * bi + 1]);
            }
          }
          return w;
        }));
      }
      for (Future<Worker> f : fs) {
        Worker w = f.get();
        found.addAll(w.found);
        counters[0] += w.comparisons;
      }
      for (int i = 0; i < blocks; i++) {
        if (ranges[2 * i + 1] - ranges[2 * i] > maxBlock) {
          counters[1]++;
        }
      }
    }
    listener.onProgress(new Progress(DetectionPhase.SCORING, SLOTS, SLOTS));
  }

  /** Blocks of at least 2 entries, as interleaved {@code [start, end)} offsets. */
  private static int[] blockRanges(long[] entries) {
    int[] tmp = new int[16];
    int c = 0;
    int i = 0;
    while (i < entries.length) {
      long k = entries[i] >>> IDX_BITS;
      int j = i + 1;
      while (j < entries.length && entries[j] >>> IDX_BITS == k) {
        j++;
      }
      if (j - i >= 2) {
        if (c + 2 > tmp.length) {
          tmp = Arrays.copyOf(tmp, tmp.length * 2);
        }
        tmp[c++] = i;
        tmp[c++] = j;
      }
      i = j;
    }
    return Arrays.copyOf(tmp, c);
  }

  private void markOversized(int slot, long[] entries, int[] ranges) {
    for (int i = 0; i + 1 < ranges.length; i += 2) {
      if (ranges[i + 1] - ranges[i] > maxBlock) {
        for (int e = ranges[i]; e < ranges[i + 1]; e++) {
          oversizedMask[(int) (entries[e] & IDX_MASK)] |= 1 << slot;
        }
      }
    }
  }

  /** Per-thread scoring state. */
  private final class Worker {
    final List<Found> found = new ArrayList<>();
    long comparisons;

    void block(int slot, long[] entries, int from, int to) {
      int size = to - from;
      if (size <= maxBlock) {
        for (int i = from; i < to; i++) {
          int a = (int) (entries[i] & IDX_MASK);
          for (int j = i + 1; j < to; j++) {
            pair(slot, a, (int) (entries[j] & IDX_MASK));
          }
        }
        return;
      }
      long[] sorted = new long[size];
      for (int i = 0; i < size; i++) {
        int r = (int) (entries[from + i] & IDX_MASK);
        sorted[i] = sortKey(r) << IDX_BITS | r;
      }
      Arrays.sort(sorted);
      for (int i = 0; i < size; i++) {
        int a = (int) (sorted[i] & IDX_MASK);
        int end = Math.min(size, i + 1 + window);
        for (int j = i + 1; j < end; j++) {
          pair(slot, a, (int) (sorted[j] & IDX_MASK));
        }
      }
    }

    void pair(int slot, int a, int b) {
      if (a == b) {
        return;
      }
      for (int s = 0; s < slot; s++) {
        if ((oversizedMask[a] & (1 << s)) == 0 && (oversizedMask[b] & (1 << s)) == 0 && together(s, a, b)) {
          return; // scored in an earlier, complete pass
        }
      }
      comparisons++;
      Found f = DedupEngine.this.score(a, b);
      if (f != null) {
        found.add(f);
      }
    }
  }

  /** 36-bit order inside an oversized block: first 4 name letters, first 3 first-name letters. */
  private long sortKey(int r) {
    long k = 0;
    byte[] nm = name[r];
    for (int i = 0; i < 4; i++) {
      k = k << 5 | (nm != null && i < nm.length ? nm[i] - 'A' + 1 : 0);
    }
    byte[] f = first[r];
    for (int i = 0; i < 3; i++) {
      k = k << 5 | (f != null && i < f.length ? f[i] - 'A' + 1 : 0);
    }
    return k;
  }

  private static double sim(byte[] x, byte[] y, long px, long py) {
    if (x == null || y == null) {
      return -1;
    }
    if (Arrays.equals(x, y)) {
      return 1;
    }
    double j = Kernels.jaroWinkler(x, y);
    if (j < ONE_EDIT_FLOOR && Kernels.withinOneEdit(x, y)) {
      j = ONE_EDIT_FLOOR;
    }
    return px != 0 && px == py ? Math.max(j, PHONETIC_FLOOR) : j;
  }

  private static final int E_NAME_EQUAL = 1 << Evidence.NAME_EQUAL.ordinal();
  private static final int E_NAME_SIMILAR = 1 << Evidence.NAME_SIMILAR.ordinal();
  private static final int E_NAME_PHONETIC = 1 << Evidence.NAME_PHONETIC.ordinal();
  private static final int E_USED = 1 << Evidence.USED_NAME.ordinal();
  private static final int E_FIRST_EQUAL = 1 << Evidence.FIRST_NAME_EQUAL.ordinal();
  private static final int E_FIRST_SIMILAR = 1 << Evidence.FIRST_NAME_SIMILAR.ordinal();
  private static final int E_FIRST_PHONETIC = 1 << Evidence.FIRST_NAME_PHONETIC.ordinal();
  private static final int E_SWAPPED = 1 << Evidence.NAMES_SWAPPED.ordinal();

  /** Scores a pair; null when it is neither a duplicate above the threshold nor a collision. */
  Found score(int a, int b) {
    boolean sameMat = mat[a] >= 0 && mat[a] == mat[b];
    int ev = 0;
    double factor;
    int rel = Kernels.dateRelation(date[a], date[b]);
    switch (rel) {
      case Kernels.DATE_EQUAL -> {
        factor = 1;
        ev |= 1 << Evidence.DATE_EQUAL.ordinal();
      }
      case Kernels.DATE_DAY_MONTH -> {
        factor = 0.92;
        ev |= 1 << Evidence.DATE_DAY_MONTH_SWAPPED.ordinal();
      }
      case Kernels.DATE_ONE_DIGIT -> {
        factor = 0.9;
        ev |= 1 << Evidence.DATE_ONE_DIGIT.ordinal();
      }
      case Kernels.DATE_TRANSPOSED -> {
        factor = 0.88;
        ev |= 1 << Evidence.DATE_DIGITS_TRANSPOSED.ordinal();
      }
      case Kernels.DATE_MISSING -> {
        factor = 0.6;
        ev |= 1 << Evidence.DATE_MISSING.ordinal();
      }
      default -> factor = 0;
    }
    if (sex[a] != 0 && sex[b] != 0 && sex[a] != sex[b]) {
      factor *= 0.6;
      ev |= 1 << Evidence.SEX_DIFFERS.ordinal();
    }
    if (place[a] != 0 && place[b] != 0 && place[a] != place[b]) {
      factor *= 0.8;
      ev |= 1 << Evidence.BIRTHPLACE_DIFFERS.ordinal();
    }
    if (sameMat) {
      ev |= 1 << Evidence.SAME_MATRICULE.ordinal();
    } else if (mat[a] >= 0 && mat[b] >= 0) {
      factor *= 0.9;
      ev |= 1 << Evidence.DIFFERENT_MATRICULES.ordinal();
    }
    if (factor < minScore && !sameMat) {
      return null;
    }
    // names: birth vs birth, and used names both ways
    double ns = sim(name[a], name[b], phName[a], phName[b]);
    int nameEv = nameEvidence(ns, name[a], name[b], phName[a], phName[b]);
    double u1 = sim(used[a], name[b], phUsed[a], phName[b]);
    double u2 = sim(name[a], used[b], phName[a], phUsed[b]);
    double u3 = sim(used[a], used[b], phUsed[a], phUsed[b]);
    double nu = Math.max(u1, Math.max(u2, u3));
    if (nu > ns) {
      ns = nu;
      nameEv = E_USED | (nu == 1 ? E_NAME_EQUAL : E_NAME_SIMILAR);
    }
    double fs = sim(first[a], first[b], phFirst[a], phFirst[b]);
    int firstEv = nameEvidence(fs, first[a], first[b], phFirst[a], phFirst[b]) << 4;
    double ls = sim(list[a], list[b], 0, 0);
    if (ls > fs) {
      fs = ls;
      firstEv = ls == 1 ? E_FIRST_EQUAL : E_FIRST_SIMILAR;
    }
    double direct = Math.max(ns, 0) * Math.max(fs, 0);
    double c1 = sim(name[a], first[b], phName[a], phFirst[b]);
    double c2 = sim(first[a], name[b], phFirst[a], phName[b]);
    double crossed = Math.max(c1, 0) * Math.max(c2, 0) * 0.98;
    double names;
    if (crossed > direct) {
      names = crossed;
      ev |= E_SWAPPED;
    } else {
      names = direct;
      ev |= nameEv | firstEv;
    }
    double score = Math.min(1, Math.max(0, names * factor));
    boolean identical = sameMat && rel == Kernels.DATE_EQUAL && score == 1
        && Arrays.equals(name[a], name[b]) && Arrays.equals(list[a], list[b])
        && sex[a] == sex[b] && place[a] == place[b];
    if (sameMat && !identical) {
      return new Found(Math.min(a, b), Math.max(a, b), score, ev, true);
    }
    return score >= minScore ? new Found(Math.min(a, b), Math.max(a, b), score, ev, false) : null;
  }

  /** Evidence bits of a name comparison, in the NAME_* positions (shifted by 4 for first names). */
  private static int nameEvidence(double s, byte[] x, byte[] y, long px, long py) {
    if (s < 0) {
      return 0;
    }
    if (s == 1 && Arrays.equals(x, y)) {
      return E_NAME_EQUAL;
    }
    int e = E_NAME_SIMILAR;
    if (px != 0 && px == py) {
      e |= E_NAME_PHONETIC;
    }
    return e;
  }

  // ---------------------------------------------------------------- output

  private long emit(List<Found> found, Consumer<CandidatePair> sink) {
    listener.onProgress(new Progress(DetectionPhase.EMITTING, 0, found.size()));
    found.sort((x, y) -> {
      int c = Integer.compare(Math.min(x.a, x.b), Math.min(y.a, y.b));
      return c != 0 ? c : Integer.compare(Math.max(x.a, x.b), Math.max(y.a, y.b));
    });
    List<CandidatePair> pairs = new ArrayList<>(found.size());
    int pa = -1;
    int pb = -1;
    for (Found f : found) {
      int lo = Math.min(f.a, f.b);
      int hi = Math.max(f.a, f.b);
      if (lo == pa && hi == pb) {
        continue;
      }
      pa = lo;
      pb = hi;
      String x = ids[lo];
      String y = ids[hi];
      boolean swap = x.compareTo(y) > 0;
      pairs.add(new CandidatePair(swap ? y : x, swap ? x : y, f.score,
          f.collision ? PairKind.COLLISION : PairKind.DUPLICATE, evidenceSet(f.evidence)));
    }
    pairs.sort((x, y) -> {
      int c = x.idA().compareTo(y.idA());
      return c != 0 ? c : x.idB().compareTo(y.idB());
    });
    long i = 0;
    for (CandidatePair p : pairs) {
      sink.accept(p);
      if (++i % 100_000 == 0) {
        listener.onProgress(new Progress(DetectionPhase.EMITTING, i, pairs.size()));
      }
    }
    return pairs.size();
  }

  private static Set<Evidence> evidenceSet(int bits) {
    EnumSet<Evidence> s = EnumSet.noneOf(Evidence.class);
    for (Evidence e : Evidence.values()) {
      if ((bits & (1 << e.ordinal())) != 0) {
        s.add(e);
      }
    }
    return s;
  }
}
