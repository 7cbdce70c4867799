package dev.ins.core.internal.matching;

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
 * The engine behind {@link dev.ins.core.matching.DuplicateDetector}: compact records ({@link Compact}),
 * blocking passes over sorted 64-bit keys, canonical-pass deduplication of comparisons, parallel
 * block scoring, deterministic output.
 */
public final class DedupEngine {

  private static final int NAME = Blocking.NAME;
  private static final int SLOTS = Blocking.PASSES;

  private static final int IDX_BITS = 27;
  private static final long IDX_MASK = (1L << IDX_BITS) - 1;
  private static final int CHUNK = 4096;

  private final int threads;
  private final double minScore;
  private final int maxBlock;
  private final int window;
  private final ProgressListener listener;

  private int n;
  private Compact recs = new Compact();

  /** Each record's used-name key (the second key of the NAME pass), -1 when none. */
  private long[] altKeys;
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

  private void read(Iterator<DedupRecord> in, ExecutorService pool) throws InterruptedException, ExecutionException {
    listener.onProgress(new Progress(DetectionPhase.READING, 0, -1));
    // names repeat a lot (frequent surnames and first names): compute each Phonex key once per run
    ConcurrentHashMap<String, Long> phonexCache = new ConcurrentHashMap<>(1 << 16);
    List<Future<Compact>> inFlight = new ArrayList<>();
    // chunks are kept as prepared and joined once at the end, at their exact size
    List<Compact> parts = new ArrayList<>();
    while (in.hasNext()) {
      DedupRecord[] chunk = new DedupRecord[CHUNK];
      int k = 0;
      while (k < CHUNK && in.hasNext()) {
        DedupRecord r = in.next();
        if (r == null) {
          throw new IllegalArgumentException("null record at position " + (n + inFlightCount(inFlight) + k));
        }
        chunk[k++] = r;
      }
      final DedupRecord[] c = chunk;
      final int size = k;
      inFlight.add(pool.submit(() -> prepare(c, size, phonexCache)));
      if (inFlight.size() >= 2 * threads) {
        append(parts, inFlight.remove(0).get());
        listener.onProgress(new Progress(DetectionPhase.READING, n, -1));
      }
    }
    for (Future<Compact> f : inFlight) {
      append(parts, f.get());
    }
    recs = Compact.concat(parts);
    int dup = recs.duplicateId();
    if (dup >= 0) {
      throw new IllegalArgumentException("duplicate record id: " + recs.id(dup));
    }
    listener.onProgress(new Progress(DetectionPhase.READING, n, n));
  }

  private static int inFlightCount(List<Future<Compact>> inFlight) {
    return inFlight.size() * CHUNK;
  }

  private static Compact prepare(DedupRecord[] chunk, int size, ConcurrentHashMap<String, Long> cache) {
    // room for typical records (about 30 letters and 10 id characters); a chunk of longer ones grows
    Compact out = new Compact(size, 32 * size, 12 * size);
    for (int i = 0; i < size; i++) {
      out.add(chunk[i], cache);
    }
    return out;
  }

  private void append(List<Compact> parts, Compact ps) {
    if (n + ps.size() > IDX_MASK) {
      throw new IllegalArgumentException("at most " + IDX_MASK + " records per run");
    }
    parts.add(ps);
    n += ps.size();
  }

  // ---------------------------------------------------------------- keys

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
   * Sorts entries ({@code key << IDX_BITS | record}, keys below 2^37) by key, stably: a
   * least-significant-digit radix sort in three passes over the key bits. The entries are built in
   * record order, so equal keys stay in record order, as a full sort of the entries would leave them.
   */
  static void sortByKey(long[] a, int n, long[] tmp) {
    if (n < 2) {
      return;
    }
    long[] src = a;
    long[] dst = tmp;
    int[] count = new int[1 << 13];
    int[] shifts = {IDX_BITS, IDX_BITS + 13, IDX_BITS + 26};
    for (int shift : shifts) {
      int mask = (1 << Math.min(13, 64 - shift)) - 1;
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (src[i] >>> shift) & mask]++;
      }
      if (count[(int) (src[0] >>> shift) & mask] == n) {
        continue; // one digit value: this pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d <= mask; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long v = src[i];
        dst[count[(int) (v >>> shift) & mask]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }

  /** A slice {@code [from, to)} of the records. */
  @FunctionalInterface
  private interface Slice {
    void run(int from, int to);
  }

  /** Runs {@code body} over the records, cut in one slice per thread. */
  private void parallel(ExecutorService pool, Slice body) throws InterruptedException, ExecutionException {
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int from = (int) ((long) n * t / threads);
      int to = (int) ((long) n * (t + 1) / threads);
      parts.add(pool.submit(() -> body.run(from, to)));
    }
    for (Future<?> f : parts) {
      f.get();
    }
  }

  private void score(ExecutorService pool, List<Found> found, long[] counters)
      throws InterruptedException, ExecutionException {
    altKeys = new long[n];
    long[] slotKeys = new long[n];
    oversizedMask = new int[n];
    parallel(pool, (from, to) -> {
      for (int r = from; r < to; r++) {
        altKeys[r] = Blocking.usedNameKey(recs, r);
      }
    });
    // the entries of a pass and the radix sort's buffer, reused by every pass
    long[] entries = new long[0];
    long[] sortBuffer = new long[0];
    for (int s = 0; s < SLOTS; s++) {
      listener.onProgress(new Progress(DetectionPhase.SCORING, s, SLOTS));
      final int pass = s;
      parallel(pool, (from, to) -> {
        for (int r = from; r < to; r++) {
          slotKeys[r] = Blocking.key(pass, recs, r);
        }
      });
      int count = 0;
      for (int r = 0; r < n; r++) {
        long k = slotKeys[r];
        if (k >= 0) {
          count++;
        }
        if (s == NAME && altKeys[r] >= 0 && altKeys[r] != k) {
          count++;
        }
      }
      if (entries.length < count) {
        entries = new long[count];
        sortBuffer = new long[count];
      }
      final long[] passEntries = entries;
      int e = 0;
      for (int r = 0; r < n; r++) {
        long k = slotKeys[r];
        if (k >= 0) {
          entries[e++] = k << IDX_BITS | r;
        }
        if (s == NAME && altKeys[r] >= 0 && altKeys[r] != k) {
          entries[e++] = altKeys[r] << IDX_BITS | r;
        }
      }
      sortByKey(entries, count, sortBuffer);
      // block boundaries: starts of runs of equal keys with at least 2 entries
      int[] ranges = blockRanges(entries, count);
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
              w.block(slot, passEntries, ranges[2 * bi], ranges[2 * bi + 1]);
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
  private static int[] blockRanges(long[] entries, int count) {
    int[] tmp = new int[16];
    int c = 0;
    int i = 0;
    while (i < count) {
      long k = entries[i] >>> IDX_BITS;
      int j = i + 1;
      while (j < count && entries[j] >>> IDX_BITS == k) {
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
    /** The block's records, in comparison order. */
    private int[] members = new int[64];
    /** Keys of the block's records in the earlier passes: {@code [i * slot + s]}. */
    private long[] earlier = new long[256];

    void block(int slot, long[] entries, int from, int to) {
      int size = to - from;
      if (members.length < size) {
        members = new int[Math.max(size, members.length * 2)];
      }
      boolean windowed = size > maxBlock;
      if (windowed) {
        long[] sorted = new long[size];
        for (int i = 0; i < size; i++) {
          int r = (int) (entries[from + i] & IDX_MASK);
          sorted[i] = Blocking.windowOrder(recs, r) << IDX_BITS | r;
        }
        Arrays.sort(sorted);
        breakTiesById(sorted);
        for (int i = 0; i < size; i++) {
          members[i] = (int) (sorted[i] & IDX_MASK);
        }
      } else {
        for (int i = 0; i < size; i++) {
          members[i] = (int) (entries[from + i] & IDX_MASK);
        }
      }
      // the keys of the earlier passes, computed once per record of the block
      if (earlier.length < size * slot) {
        earlier = new long[Math.max(size * slot, earlier.length * 2)];
      }
      for (int i = 0; i < size; i++) {
        int r = members[i];
        for (int s = 0; s < slot; s++) {
          earlier[i * slot + s] = Blocking.key(s, recs, r);
        }
      }
      for (int i = 0; i < size; i++) {
        int end = windowed ? Math.min(size, i + 1 + window) : size;
        for (int j = i + 1; j < end; j++) {
          pair(slot, i, j);
        }
      }
    }

    /**
     * Orders runs of equal window order by record id, so that the windows (and the output) do not
     * depend on the input order, and the Spark job, which orders by (window order, id), forms the
     * same windows.
     */
    private void breakTiesById(long[] sorted) {
      int i = 0;
      while (i < sorted.length) {
        long k = sorted[i] >>> IDX_BITS;
        int j = i + 1;
        while (j < sorted.length && sorted[j] >>> IDX_BITS == k) {
          j++;
        }
        if (j - i > 1) {
          Integer[] run = new Integer[j - i];
          for (int x = i; x < j; x++) {
            run[x - i] = (int) (sorted[x] & IDX_MASK);
          }
          Arrays.sort(run, (p, q) -> recs.compareIds(p, recs, q));
          for (int x = i; x < j; x++) {
            sorted[x] = k << IDX_BITS | run[x - i];
          }
        }
        i = j;
      }
    }

    /** Scores members i and j unless an earlier, complete pass held them together. */
    void pair(int slot, int i, int j) {
      int a = members[i];
      int b = members[j];
      if (a == b) {
        return;
      }
      int masks = oversizedMask[a] | oversizedMask[b];
      for (int s = 0; s < slot; s++) {
        if ((masks & (1 << s)) == 0 && together(s, earlier[i * slot + s], earlier[j * slot + s], a, b)) {
          return; // scored in an earlier, complete pass
        }
      }
      comparisons++;
      Found f = DedupEngine.this.score(a, b);
      if (f != null) {
        found.add(f);
      }
    }

    /** True when records a and b (keys ka and kb in pass s) share a key in that pass. */
    private boolean together(int s, long ka, long kb, int a, int b) {
      if (s != NAME) {
        return ka >= 0 && ka == kb;
      }
      long xa = altKeys[a];
      long xb = altKeys[b];
      return (ka >= 0 && (ka == kb || ka == xb)) || (xa >= 0 && (xa == kb || xa == xb));
    }
  }

  /** Scores a pair; null when it is neither a duplicate above the threshold nor a collision. */
  Found score(int a, int b) {
    Scoring.Result r = Scoring.score(recs, a, recs, b, minScore);
    return r == null ? null : new Found(Math.min(a, b), Math.max(a, b), r.score, r.evidence, r.collision);
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
      String x = recs.id(lo);
      String y = recs.id(hi);
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
