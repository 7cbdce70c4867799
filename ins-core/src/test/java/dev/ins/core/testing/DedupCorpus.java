package dev.ins.core.testing;

import dev.ins.core.Matricule;
import dev.ins.core.matching.CandidatePair;
import dev.ins.core.matching.DedupRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded synthetic identity base with planted duplicates and collisions and their ground truth,
 * so that duplicate detection's recall and precision are measured, not guessed.
 *
 * <p>Persons get invented names (syllables) drawn with Zipf frequencies (the most frequent
 * surname about 1% of persons, the most frequent first name about 2%), dates of birth with a
 * 1 January spike, Zipf birthplaces, a key-valid matricule for 60% of them and a used name for 30%
 * of women. Twins (same birth name, date and birthplace, other first name, other matricule) are
 * planted as hard negatives. A share of persons get a second row, a planted duplicate of one
 * {@link Plant} kind; a few get a collision (another person typed with the same matricule). Every
 * row is rendered as typed input (mixed case, accents, extra spaces, typographic apostrophes) that
 * normalises back to the person's INS traits. Same seed, same rows, same truth.
 *
 * <pre>{@code
 * DedupCorpus.Corpus c = DedupCorpus.generate(42, 10_000, 0.1);
 * List<CandidatePair> found = DuplicateDetector.builder().build().detect(c.records());
 * DedupCorpus.Quality q = DedupCorpus.measure(found, c.truth());
 * q.recall(); q.precision();
 * }</pre>
 */
public final class DedupCorpus {

  /** The CSV header of the {@code dedup} command's input. */
  public static final String CSV_HEADER = "id,birth_name,first_names,birth_date,sex,birthplace,matricule,used_name";

  /** How a duplicate row differs from the original. */
  public enum Plant {
    /** Same traits typed differently (case, accents, spaces, apostrophes). */
    TYPED_VARIANT,
    /** One edit (substitution, insertion, deletion, adjacent transposition) in the birth name. */
    NAME_TYPO,
    /** One edit in the first first name. */
    FIRST_NAME_TYPO,
    /** Hyphen and space exchanged in a compound birth name or first name. */
    HYPHEN_SPACE,
    /** Birth name and first name swapped. */
    SWAPPED_NAMES,
    /** Day and month of the birth date swapped. */
    DAY_MONTH_SWAPPED,
    /** One digit of the birth date changed. */
    DATE_ONE_DIGIT,
    /** The used (married) name typed as the birth name. */
    USED_NAME,
    /** Another person typed with the same matricule. */
    COLLISION
  }

  /**
   * One CSV row, typed.
   *
   * @param id the record id ({@code P} + 8 digits, so text order is numeric order)
   * @param birthName typed birth name
   * @param firstNames typed first names
   * @param birthDate {@code YYYY-MM-DD}
   * @param sex {@code M}/{@code F} in any case
   * @param birthplace COG code
   * @param matricule matricule or empty
   * @param usedName typed used name or empty
   */
  public record Row(String id, String birthName, String firstNames, String birthDate, String sex,
      String birthplace, String matricule, String usedName) {

    /**
     * Parses the row as the {@code dedup} command does.
     *
     * @return the record
     */
    public DedupRecord toRecord() {
      return DedupRecord.typed(id, birthName, firstNames, birthDate, sex, birthplace, matricule, usedName);
    }

    /**
     * Renders the row as a CSV line (fields quoted when they hold a comma or a quote).
     *
     * @return the line, without line terminator
     */
    public String csv() {
      return String.join(",", q(id), q(birthName), q(firstNames), q(birthDate), q(sex), q(birthplace),
          q(matricule), q(usedName));
    }

    private static String q(String s) {
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
        return s;
      }
      return '"' + s.replace("\"", "\"\"") + '"';
    }
  }

  /**
   * A planted pair.
   *
   * @param idA the smaller id
   * @param idB the larger id
   * @param plant what was planted
   */
  public record Truth(String idA, String idB, Plant plant) {}

  /**
   * A whole corpus in memory.
   *
   * @param rows the rows, in id order
   * @param truth the planted pairs
   */
  public record Corpus(List<Row> rows, List<Truth> truth) {

    /**
     * Parses every row.
     *
     * @return the records
     */
    public List<DedupRecord> records() {
      List<DedupRecord> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(r.toRecord());
      }
      return out;
    }
  }

  /**
   * Recall and precision of a detection against the truth (pairs compared without order or kind).
   *
   * @param truePositives planted pairs found
   * @param falsePositives pairs found that were not planted
   * @param falseNegatives planted pairs missed
   */
  public record Quality(long truePositives, long falsePositives, long falseNegatives) {

    /**
     * Returns the share of planted pairs found.
     *
     * @return recall in [0, 1], 1 when nothing was planted
     */
    public double recall() {
      long t = truePositives + falseNegatives;
      return t == 0 ? 1 : (double) truePositives / t;
    }

    /**
     * Returns the share of found pairs that were planted.
     *
     * @return precision in [0, 1], 1 when nothing was found
     */
    public double precision() {
      long f = truePositives + falsePositives;
      return f == 0 ? 1 : (double) truePositives / f;
    }
  }

  private static final String[] SYLLABLES = {
    "BA", "BE", "BO", "CA", "CO", "DA", "DE", "DU", "FA", "FO", "GA", "GO", "LA", "LE", "LI", "LO",
    "MA", "ME", "MI", "MO", "NA", "NE", "NO", "PA", "PE", "PI", "RA", "RE", "RI", "RO", "SA", "SE",
    "SI", "TA", "TE", "TO", "VA", "VI", "ZA", "CHA", "CHE", "GRA", "TRI", "BRO", "PLA", "MON",
    "VAL", "BER", "GAR", "MAR", "TIN", "LAN", "DOR", "VER", "QUE", "GUI", "PHI", "THE", "JOU", "NAU"
  };
  private static final String[] ACCENT_E = {"É", "È", "Ê", "Ë", "é", "è", "ê", "ë"};
  private static final String[] ACCENT_A = {"À", "Â", "à", "â", "Ä"};
  private static final String[] ACCENT_O = {"Ô", "ô", "Ö"};
  private static final String[] ACCENT_I = {"Î", "Ï", "î", "ï"};
  private static final String[] ACCENT_U = {"Ù", "Û", "Ü", "ù", "û", "ü"};
  private static final String[] ACCENT_C = {"Ç", "ç"};
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final SplittableRandom random;
  private final String[] surnames;
  private final String[] maleNames;
  private final String[] femaleNames;
  private final String[] places;
  private final double[] surnameCdf;
  private final double[] firstCdf;
  private final double[] placeCdf;
  private long nextId = 1;
  private final Set<String> usedMatricules = new HashSet<>();

  /**
   * Creates a generator.
   *
   * @param seed the seed
   */
  public DedupCorpus(long seed) {
    this.random = new SplittableRandom(seed);
    this.surnames = vocabulary(50_000, true);
    this.maleNames = vocabulary(2_000, false);
    this.femaleNames = vocabulary(2_000, false);
    this.places = new String[3000];
    InsGenerators g = new InsGenerators(random.nextLong());
    Set<String> ps = new HashSet<>();
    for (int i = 0; i < places.length; ) {
      String p = g.birthplaceCode().value();
      if (ps.add(p)) {
        places[i++] = p;
      }
    }
    // Exponents chosen so that the most frequent surname is about 1% of persons and the most
    // frequent first name about 2%, the order of magnitude of French civil registers.
    this.surnameCdf = zipf(surnames.length, 0.7);
    this.firstCdf = zipf(maleNames.length, 0.6);
    this.placeCdf = zipf(places.length, 1.0);
  }

  private String[] vocabulary(int size, boolean compounds) {
    Set<String> seen = new HashSet<>();
    String[] out = new String[size];
    for (int i = 0; i < size; ) {
      StringBuilder b = new StringBuilder();
      int syl = 2 + random.nextInt(2);
      for (int k = 0; k < syl; k++) {
        b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      String w = b.toString();
      if (!compounds && random.nextInt(10) == 0) {
        w = w + SYLLABLES[random.nextInt(SYLLABLES.length)]; // a few long first names
      }
      if (compounds && random.nextInt(12) == 0) {
        w = w + (random.nextBoolean() ? "-" : " ") + SYLLABLES[random.nextInt(SYLLABLES.length)]
            + SYLLABLES[random.nextInt(SYLLABLES.length)];
      } else if (compounds && random.nextInt(25) == 0) {
        w = "D'" + w;
      }
      if (seen.add(w)) {
        out[i++] = w;
      }
    }
    return out;
  }

  private static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private int draw(double[] cdf) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A person in INS form. */
  private static final class Person {
    String name;
    String firsts;
    LocalDate date;
    boolean male;
    String place;
    String matricule = "";
    String used = "";

    Person copy() {
      Person p = new Person();
      p.name = name;
      p.firsts = firsts;
      p.date = date;
      p.male = male;
      p.place = place;
      p.matricule = matricule;
      p.used = used;
      return p;
    }

    String dateText() {
      return date.toString();
    }
  }

  private Person person() {
    Person p = new Person();
    p.male = random.nextBoolean();
    p.name = surnames[draw(surnameCdf)];
    p.firsts = firstNames(p.male);
    if (random.nextInt(50) == 0) {
      p.date = LocalDate.of(1930 + random.nextInt(95), 1, 1);
    } else {
      p.date = LocalDate.ofEpochDay(LocalDate.of(1930, 1, 1).toEpochDay() + random.nextInt(34_600));
    }
    p.place = places[draw(placeCdf)];
    if (random.nextInt(10) < 6) {
      p.matricule = matricule(p);
    }
    if (!p.male && random.nextInt(10) < 3) {
      p.used = otherSurname(p.name);
    }
    return p;
  }

  private String otherSurname(String not) {
    String s;
    do {
      s = surnames[draw(surnameCdf)];
    } while (s.equals(not));
    return s;
  }

  private String firstNames(boolean male) {
    String[] v = male ? maleNames : femaleNames;
    int count = 1 + (random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0);
    List<String> names = new ArrayList<>();
    while (names.size() < count) {
      String f = v[draw(firstCdf)];
      if (names.isEmpty() && random.nextInt(7) == 0) {
        f = f + "-" + v[draw(firstCdf)];
      }
      if (!names.contains(f)) {
        names.add(f);
      }
    }
    return String.join(" ", names);
  }

  private String matricule(Person p) {
    String place = p.place;
    for (int attempt = 0; ; attempt++) {
      String nir = (p.male ? "1" : "2") + String.format("%02d%02d", p.date.getYear() % 100, p.date.getMonthValue())
          + place + String.format("%03d", 1 + random.nextInt(999));
      String m = Matricule.fromNir(nir).value();
      if (usedMatricules.add(m)) {
        return m;
      }
    }
  }

  private String id() {
    return String.format("P%08d", nextId++);
  }

  /**
   * Generates a corpus, streaming rows and truth as they are made.
   *
   * @param persons how many distinct persons
   * @param duplicateRate the share of persons that get a planted duplicate, in [0, 1]
   * @param rows receives the rows, in id order
   * @param truth receives the planted pairs
   */
  public void generate(int persons, double duplicateRate, Consumer<Row> rows, Consumer<Truth> truth) {
    Plant[] dupKinds = {Plant.TYPED_VARIANT, Plant.NAME_TYPO, Plant.FIRST_NAME_TYPO, Plant.HYPHEN_SPACE,
        Plant.SWAPPED_NAMES, Plant.DAY_MONTH_SWAPPED, Plant.DATE_ONE_DIGIT, Plant.USED_NAME};
    for (int i = 0; i < persons; i++) {
      Person p = person();
      boolean twin = random.nextInt(200) == 0;
      Plant plant = random.nextDouble() < duplicateRate ? dupKinds[random.nextInt(dupKinds.length)] : null;
      boolean collision = random.nextInt(500) == 0 && !p.matricule.isEmpty();
      if (plant == Plant.USED_NAME && p.used.isEmpty()) {
        p.used = otherSurname(p.name);
      }
      String id = id();
      rows.accept(render(id, p));
      if (plant != null) {
        Person d = p.copy();
        plant = apply(plant, d);
        if (plant != Plant.TYPED_VARIANT) {
          d.matricule = ""; // a provisional identity typed without its INS
        }
        String did = id();
        rows.accept(render(did, d));
        truth.accept(new Truth(id, did, plant));
      }
      if (twin) {
        Person t = p.copy();
        t.firsts = firstNames(t.male = random.nextBoolean());
        while (t.firsts.equals(p.firsts) || t.firsts.startsWith(p.firsts.split(" ")[0].split("-")[0])
            || p.firsts.startsWith(t.firsts.split(" ")[0].split("-")[0])) {
          t.firsts = firstNames(t.male);
        }
        t.used = "";
        t.matricule = p.matricule.isEmpty() ? "" : matricule(t);
        rows.accept(render(id(), t));
      }
      if (collision) {
        Person c = person();
        c.matricule = p.matricule;
        String cid = id();
        rows.accept(render(cid, c));
        truth.accept(new Truth(id, cid, Plant.COLLISION));
      }
    }
  }

  private Plant apply(Plant plant, Person d) {
    switch (plant) {
      case NAME_TYPO -> d.name = typo(d.name);
      case FIRST_NAME_TYPO -> {
        int sp = d.firsts.indexOf(' ');
        String f = sp < 0 ? d.firsts : d.firsts.substring(0, sp);
        d.firsts = typo(f) + (sp < 0 ? "" : d.firsts.substring(sp));
      }
      case HYPHEN_SPACE -> {
        if (d.name.contains("-")) {
          d.name = d.name.replace('-', ' ');
        } else if (d.name.contains(" ")) {
          d.name = d.name.replace(' ', '-');
        } else if (d.firsts.contains("-")) {
          d.firsts = d.firsts.replaceFirst("-", " ");
        } else if (d.firsts.contains(" ")) {
          d.firsts = d.firsts.replaceFirst(" ", "-");
        } else {
          return Plant.TYPED_VARIANT;
        }
      }
      case SWAPPED_NAMES -> {
        int sp = d.firsts.indexOf(' ');
        String f = sp < 0 ? d.firsts : d.firsts.substring(0, sp);
        String n = d.name;
        if (n.contains("--") || n.endsWith("'")) {
          return Plant.TYPED_VARIANT;
        }
        d.name = f;
        d.firsts = n;
      }
      case DAY_MONTH_SWAPPED -> {
        int m = d.date.getMonthValue();
        int day = d.date.getDayOfMonth();
        if (day > 12 || day == m) {
          return apply(Plant.DATE_ONE_DIGIT, d);
        }
        d.date = LocalDate.of(d.date.getYear(), day, m);
      }
      case DATE_ONE_DIGIT -> d.date = oneDigit(d.date);
      case USED_NAME -> {
        d.name = d.used;
        d.used = "";
      }
      default -> { }
    }
    return plant;
  }

  private LocalDate oneDigit(LocalDate date) {
    String s = date.toString().replace("-", "");
    while (true) {
      int pos = 2 + random.nextInt(6); // keep the century: 19xx/20xx
      char c = (char) ('0' + random.nextInt(10));
      if (c == s.charAt(pos)) {
        continue;
      }
      String t = s.substring(0, pos) + c + s.substring(pos + 1);
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
            Integer.parseInt(t.substring(6, 8)));
        if (d.getYear() >= 1900 && d.getYear() <= 2099) {
          return d;
        }
      } catch (java.time.DateTimeException notADate) {
        // try another digit
      }
    }
  }

  /** One edit on a letter of a word, never touching separators, keeping at least two letters. */
  private String typo(String s) {
    List<Integer> letters = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
        letters.add(i);
      }
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      int i = letters.get(random.nextInt(letters.size()));
      char r = LETTERS.charAt(random.nextInt(26));
      String t = switch (random.nextInt(4)) {
        case 0 -> s.substring(0, i) + r + s.substring(i + 1);
        case 1 -> letters.size() > 3 ? s.substring(0, i) + s.substring(i + 1) : s.substring(0, i) + r + s.substring(i + 1);
        case 2 -> s.substring(0, i) + r + s.substring(i);
        default -> i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))
            ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2)
            : s.substring(0, i) + r + s.substring(i + 1);
      };
      if (!t.equals(s) && t.charAt(0) != '\'' && !t.startsWith("'") && !t.contains("''")) {
        return t;
      }
    }
    return s + "E";
  }

  private Row render(String id, Person p) {
    return new Row(id, typed(p.name), typed(p.firsts), p.dateText(), random.nextInt(4) == 0 ? (p.male ? "m" : "f") : (p.male ? "M" : "F"),
        p.place, p.matricule.isEmpty() || random.nextInt(3) != 0 ? p.matricule : spaced(p.matricule), typed(p.used));
  }

  private static String spaced(String m) {
    return m.charAt(0) + " " + m.substring(1, 3) + " " + m.substring(3, 5) + " " + m.substring(5, 7) + " "
        + m.substring(7, 10) + " " + m.substring(10, 13) + " " + m.substring(13);
  }

  /** Typed rendering that normalises back to {@code ins}. */
  private String typed(String ins) {
    if (ins.isEmpty()) {
      return ins;
    }
    int style = random.nextInt(4);
    StringBuilder b = new StringBuilder(ins.length() + 4);
    boolean startOfWord = true;
    for (int i = 0; i < ins.length(); i++) {
      char c = ins.charAt(i);
      if (c == '\'') {
        b.append(random.nextInt(3) == 0 ? '\u2019' : '\'');
        startOfWord = true;
        continue;
      }
      if (c == ' ' || c == '-') {
        b.append(c == ' ' && random.nextInt(8) == 0 ? "  " : String.valueOf(c));
        startOfWord = true;
        continue;
      }
      String out = String.valueOf(c);
      if (style > 0 && random.nextInt(6) == 0) {
        String[] acc = switch (c) {
          case 'E' -> ACCENT_E;
          case 'A' -> ACCENT_A;
          case 'O' -> ACCENT_O;
          case 'I' -> ACCENT_I;
          case 'U' -> ACCENT_U;
          case 'C' -> ACCENT_C;
          default -> null;
        };
        if (acc != null) {
          out = acc[random.nextInt(acc.length)];
        }
      }
      if (style == 1 || (style == 2 && !startOfWord)) {
        out = out.toLowerCase(java.util.Locale.ROOT);
      }
      b.append(out);
      startOfWord = false;
    }
    if (random.nextInt(10) == 0) {
      b.insert(0, ' ').append(' ');
    }
    return b.toString();
  }

  /**
   * Generates a corpus in memory.
   *
   * @param seed the seed
   * @param persons how many distinct persons
   * @param duplicateRate the share of persons with a planted duplicate
   * @return rows and truth
   */
  public static Corpus generate(long seed, int persons, double duplicateRate) {
    List<Row> rows = new ArrayList<>();
    List<Truth> truth = new ArrayList<>();
    new DedupCorpus(seed).generate(persons, duplicateRate, rows::add, truth::add);
    return new Corpus(rows, truth);
  }

  /**
   * Writes a corpus as the {@code dedup} command's input CSV, and its truth as
   * {@code id_a,id_b,plant}.
   *
   * @param seed the seed
   * @param persons how many distinct persons
   * @param duplicateRate the share of persons with a planted duplicate
   * @param csv the identities file
   * @param truthCsv the truth file
   * @return the number of rows written
   */
  public static long writeCsv(long seed, int persons, double duplicateRate, Path csv, Path truthCsv) {
    long[] count = new long[1];
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter t = Files.newBufferedWriter(truthCsv, StandardCharsets.UTF_8)) {
      w.write(CSV_HEADER);
      w.newLine();
      t.write("id_a,id_b,plant");
      t.newLine();
      new DedupCorpus(seed).generate(persons, duplicateRate, row -> {
        try {
          w.write(row.csv());
          w.newLine();
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, truth -> {
        try {
          t.write(truth.idA() + "," + truth.idB() + "," + truth.plant());
          t.newLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  /**
   * Measures found pairs against the truth.
   *
   * @param found the pairs a detector proposed
   * @param truth the planted pairs
   * @return the counts
   */
  public static Quality measure(Collection<CandidatePair> found, Collection<Truth> truth) {
    Set<String> planted = new HashSet<>();
    for (Truth t : truth) {
      planted.add(t.idA() + "|" + t.idB());
    }
    long tp = 0;
    long fp = 0;
    Set<String> seen = new HashSet<>();
    for (CandidatePair p : found) {
      String k = p.idA() + "|" + p.idB();
      if (!seen.add(k)) {
        continue;
      }
      if (planted.contains(k)) {
        tp++;
      } else {
        fp++;
      }
    }
    return new Quality(tp, fp, planted.size() - tp);
  }
}
