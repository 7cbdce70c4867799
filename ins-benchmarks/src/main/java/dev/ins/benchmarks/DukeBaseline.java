package dev.ins.benchmarks;

import dev.ins.core.matching.DedupRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.InMemoryBlockingDatabase;
import no.priv.garshol.duke.databases.KeyFunction;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 configured as fairly as we could on the same records: it receives the records already
 * normalised to INS form (our normalisation cost is not charged to it), the same RNIV blocking keys
 * as our first passes (birth date + 3 letters of birth, used or first name) through its in-memory
 * blocking database, Jaro-Winkler on names, Levenshtein on the {@code YYYYMMDD} date, exact sex and
 * birthplace, a Bayesian threshold of 0.9 and as many threads as ours.
 */
public final class DukeBaseline {

  private DukeBaseline() {}

  /**
   * Runs Duke's deduplication.
   *
   * @param records the records
   * @param threads worker threads
   * @return the matched pairs as {@code idA|idB}, {@code idA < idB}
   */
  public static Set<String> run(List<DedupRecord> records, int threads) {
    ConfigurationImpl cfg = new ConfigurationImpl();
    List<Property> props = new ArrayList<>();
    props.add(new PropertyImpl("ID"));
    props.add(new PropertyImpl("NAME", new JaroWinkler(), 0.05, 0.95));
    props.add(new PropertyImpl("FIRST", new JaroWinkler(), 0.1, 0.9));
    props.add(new PropertyImpl("DATE", new Levenshtein(), 0.05, 0.95));
    props.add(new PropertyImpl("SEX", new ExactComparator(), 0.2, 0.55));
    props.add(new PropertyImpl("PLACE", new ExactComparator(), 0.3, 0.6));
    cfg.setProperties(props);
    cfg.setThreshold(0.9);
    InMemoryBlockingDatabase db = new InMemoryBlockingDatabase();
    List<KeyFunction> keys = new ArrayList<>();
    keys.add(r -> key(r, "NAME"));
    keys.add(r -> key(r, "FIRST"));
    keys.add(r -> key(r, "USED"));
    db.setKeyFunctions(keys);
    db.setConfiguration(cfg);
    cfg.setDatabase(db);
    Processor p = new Processor(cfg, db);
    p.setThreads(threads);
    Set<String> found = ConcurrentHashMap.newKeySet();
    p.addMatchListener(new AbstractMatchListener() {
      @Override
      public void matches(Record a, Record b, double confidence) {
        String x = a.getValue("ID");
        String y = b.getValue("ID");
        if (!x.equals(y)) {
          found.add(x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x);
        }
      }
    });
    List<Record> rs = new ArrayList<>(records.size());
    for (DedupRecord r : records) {
      rs.add(toRecord(r));
    }
    p.deduplicate(rs);
    p.close();
    return found;
  }

  private static String key(Record r, String prop) {
    String d = r.getValue("DATE");
    String v = r.getValue(prop);
    if (d == null || v == null) {
      return "";
    }
    return d + v.substring(0, Math.min(3, v.length()));
  }

  static Record toRecord(DedupRecord r) {
    Map<String, Collection<String>> m = new HashMap<>();
    put(m, "ID", r.id());
    put(m, "NAME", letters(r.birthName()));
    put(m, "USED", letters(r.usedName()));
    String f = r.firstNames();
    put(m, "FIRST", f == null ? null : letters(f.split(" ")[0]));
    put(m, "DATE", r.birthDate() == null ? null : r.birthDate().format().replace("-", ""));
    put(m, "SEX", r.sex() == null ? null : r.sex().code());
    put(m, "PLACE", r.birthplace());
    return new RecordImpl(m);
  }

  private static String letters(String s) {
    return s == null ? null : s.replaceAll("[^A-Z]", "");
  }

  private static void put(Map<String, Collection<String>> m, String k, String v) {
    if (v != null && !v.isEmpty()) {
      m.put(k, List.of(v));
    }
  }
}
