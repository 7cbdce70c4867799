package dev.ins.core.testing;

import dev.ins.core.BirthDate;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A second planted corpus, built independently of {@link DedupCorpus} to check that duplicate
 * detection is not tuned to one generator: common French surnames and first names (public
 * frequency-list words, combined at random, so every identity is synthetic) drawn with a geometric
 * law, compound and apostrophe names, first-name lists of one to four names, birth dates uniform
 * over 1920–2024 with spikes on the 1st of each month and on 1 January, homonyms (same names, other
 * date) and twins as hard negatives.
 *
 * (Surnames get a French suffix half of the time, so that about a thousand share the mass.)
 *
 * <p>Planted errors, one per duplicate: <b>any single digit</b> of the date (day, month or year,
 * every position, as long as the date stays valid), day and month swapped, the separators of the
 * first-name list or of the birth name changed between hyphen, apostrophe and space (or dropped),
 * a name typo, a first-name typo, the married name typed as birth name, swapped names, and a
 * typed variant. {@link #generate} returns rows and truth in {@link DedupCorpus}'s types.
 *
 * <pre>{@code
 * DedupCorpus.Corpus c = IndependentCorpus.generate(7, 10_000, 0.1);
 * }</pre>
 */
public final class IndependentCorpus {

  private static final String[] SURNAMES = (
      "MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT SIMON MICHEL LEFEBVRE LEROY "
      + "ROUX DAVID BERTRAND MOREL FOURNIER GIRARD BONNET DUPONT LAMBERT FONTAINE ROUSSEAU VINCENT MULLER "
      + "LEFEVRE FAURE ANDRE MERCIER BLANC GUERIN BOYER GARNIER CHEVALIER FRANCOIS LEGRAND GAUTHIER GARCIA "
      + "PERRIN ROBIN CLEMENT MORIN NICOLAS HENRY ROUSSEL MATHIEU GAUTIER MASSON MARCHAND DUVAL DENIS "
      + "DUMONT MARIE LEMAIRE NOEL MEYER DUFOUR MEUNIER BRUN BLANCHARD GIRAUD JOLY RIVIERE LUCAS BRUNET "
      + "GAILLARD BARBIER ARNAUD MARTINEZ GERARD ROCHE RENARD SCHMITT ROY LEROUX COLIN VIDAL CARON PICARD "
      + "ROGER FABRE AUBERT LEMOINE RENAUD DUMAS LACROIX OLIVIER PHILIPPE BOURGEOIS PIERRE BENOIT REY "
      + "LECLERC PAYET ROLLAND LECLERCQ GUILLAUME LECOMTE LOPEZ JEAN DUPUY GUILLOT HUBERT BERGER CARPENTIER "
      + "SANCHEZ DUPUIS MOULIN LOUIS DESCHAMPS HUET VASSEUR PEREZ BOUCHER FLEURY ROYER KLEIN JACQUET ADAM "
      + "PARIS POIRIER MARTY AUBRY GUYOT CARRE CHARLES RENAULT CHARPENTIER MENARD MAILLARD BARON BERTIN "
      + "BAILLY HERVE SCHNEIDER FERNANDEZ LE-GALL COLLET LEGER BOUVIER JULIEN PREVOST MILLET PERROT DANIEL "
      + "LE-ROUX COUSIN GERMAIN BRETON BESSON LANGLOIS REMY LE-GOFF PELLETIER LEVEQUE PERRIER LEBLANC "
      + "D'ALMEIDA D'ARTAGNAN N'DIAYE LE-BIHAN DA-SILVA DOS-SANTOS SAINT-MARTIN NGUYEN TRAN LE-BRIS"
      ).split(" ");
  private static final String[] MALE = (
      "JEAN PIERRE MICHEL ANDRE PHILIPPE RENE LOUIS ALAIN JACQUES BERNARD MARCEL DANIEL ROGER ROBERT PAUL "
      + "CLAUDE CHRISTIAN HENRI GEORGES NICOLAS FRANCOIS PATRICK GERARD CHRISTOPHE JOSEPH JULIEN LUC "
      + "THOMAS DAVID ERIC FREDERIC LAURENT STEPHANE OLIVIER PASCAL THIERRY SEBASTIEN MAXIME LUCAS HUGO "
      + "JEAN-PIERRE JEAN-CLAUDE JEAN-LUC JEAN-FRANCOIS JEAN-MARC JEAN-PAUL PIERRE-YVES MARC-ANTOINE"
      ).split(" ");
  private static final String[] FEMALE = (
      "MARIE JEANNE FRANCOISE MONIQUE CATHERINE NATHALIE ISABELLE JACQUELINE ANNE SYLVIE MARTINE NICOLE "
      + "CHRISTINE SUZANNE HELENE CHRISTIANE VALERIE SANDRINE SOPHIE STEPHANIE CELINE JULIE CAMILLE "
      + "LEA MANON EMMA CHLOE INES SARAH LAURA PAULINE CLAIRE ELISE LOUISE ALICE JULIETTE "
      + "MARIE-CLAIRE ANNE-MARIE MARIE-FRANCE ANNE-SOPHIE MARIE-LAURE ANNE-LAURE MARIE-ANNE ROSE-MARIE"
      ).split(" ");

  private final SplittableRandom random;
  private final String[] places;
  private final Set<String> matricules = new HashSet<>();
  private long nextId = 1;

  /**
   * Creates a generator.
   *
   * @param seed the seed
   */
  public IndependentCorpus(long seed) {
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    InsGenerators g = new InsGenerators(random.nextLong());
    places = new String[800];
    for (int i = 0; i < places.length; i++) {
      places[i] = g.birthplaceCode().value();
    }
  }

  private String pick(String[] v) {
    // geometric law over the list: the first entries are the most frequent
    int i = (int) Math.min(v.length - 1, Math.floor(-Math.log(1 - random.nextDouble()) * v.length / 6));
    return v[i];
  }

  private static final class P {
    String name;
    String firsts;
    LocalDate date;
    boolean male;
    String place;
    String mat = "";
    String used = "";

    P copy() {
      P p = new P();
      p.name = name;
      p.firsts = firsts;
      p.date = date;
      p.male = male;
      p.place = place;
      p.mat = mat;
      p.used = used;
      return p;
    }
  }

  private P person() {
    P p = new P();
    p.male = random.nextBoolean();
    p.name = random.nextInt(20) == 0 ? surname() + "-" + surname() : surname();
    p.firsts = firsts(p.male);
    int year = 1920 + random.nextInt(105);
    int roll = random.nextInt(100);
    if (roll < 2) {
      p.date = LocalDate.of(year, 1, 1);
    } else if (roll < 5) {
      p.date = LocalDate.of(year, 1 + random.nextInt(12), 1);
    } else {
      p.date = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    }
    p.place = places[random.nextInt(places.length)];
    if (random.nextInt(2) == 0) {
      p.mat = matricule(p);
    }
    if (!p.male && random.nextInt(3) == 0) {
      p.used = surname();
    }
    return p;
  }

  /**
   * A surname: a list word, often with a French suffix, so that about a thousand surnames share the
   * mass (the most frequent near 1%; MARTIN, France's most frequent, is about 0.4%).
   */
  private String surname() {
    String[] suffixes = {"", "", "", "", "EAU", "IN", "ET", "OT", "IER", "AND", "ON", "EL"};
    String base = pick(SURNAMES);
    String suffix = base.contains("'") || base.contains("-") ? "" : suffixes[random.nextInt(suffixes.length)];
    return base + suffix;
  }

  private String firsts(boolean male) {
    int n = 1 + (random.nextInt(2) == 0 ? 0 : random.nextInt(4));
    List<String> l = new ArrayList<>();
    while (l.size() < n) {
      String f = pick(male ? MALE : FEMALE);
      if (!l.contains(f)) {
        l.add(f);
      }
    }
    return String.join(" ", l);
  }

  private String matricule(P p) {
    while (true) {
      String nir = (p.male ? "1" : "2") + String.format(Locale.ROOT, "%02d%02d", p.date.getYear() % 100,
          p.date.getMonthValue()) + p.place + String.format(Locale.ROOT, "%03d", 1 + random.nextInt(999));
      String m = Matricule.fromNir(nir).value();
      if (matricules.add(m)) {
        return m;
      }
    }
  }

  /**
   * Generates rows and truth.
   *
   * @param persons distinct persons
   * @param duplicateRate share of persons with a planted duplicate
   * @param rows receives the rows
   * @param truth receives the planted pairs
   */
  public void generate(int persons, double duplicateRate, Consumer<DedupCorpus.Row> rows,
      Consumer<DedupCorpus.Truth> truth) {
    for (int i = 0; i < persons; i++) {
      P p = person();
      String id = id();
      rows.accept(render(id, p));
      if (random.nextDouble() < duplicateRate) {
        P d = p.copy();
        DedupCorpus.Plant plant = plant(d);
        if (plant != DedupCorpus.Plant.TYPED_VARIANT) {
          d.mat = "";
        }
        String did = id();
        rows.accept(render(did, d));
        truth.accept(new DedupCorpus.Truth(id, did, plant));
      }
      if (random.nextInt(150) == 0) { // twin: same name, date, place; other first names
        P t = p.copy();
        t.male = random.nextBoolean();
        do {
          t.firsts = firsts(t.male);
        } while (firstLetters(t.firsts).startsWith(firstLetters(p.firsts).substring(0, 2))
            || firstLetters(p.firsts).startsWith(firstLetters(t.firsts).substring(0, 2)));
        t.used = "";
        t.mat = p.mat.isEmpty() ? "" : matricule(t);
        rows.accept(render(id(), t));
      }
      if (random.nextInt(150) == 0) { // homonym: same names, another date (at least 2 digits apart)
        P h = p.copy();
        h.date = p.date.plusDays(400 + random.nextInt(20_000));
        if (h.date.getYear() > 2024) {
          h.date = p.date.minusDays(400 + random.nextInt(20_000));
        }
        h.place = places[random.nextInt(places.length)];
        h.mat = "";
        h.used = "";
        rows.accept(render(id(), h));
      }
    }
  }

  private static String firstLetters(String firsts) {
    return firsts.split(" ")[0].replaceAll("[^A-Z]", "");
  }

  private DedupCorpus.Plant plant(P d) {
    switch (random.nextInt(10)) {
      case 0, 1, 2 -> {
        d.date = digitError(d.date);
        return DedupCorpus.Plant.DATE_ONE_DIGIT;
      }
      case 3 -> {
        int m = d.date.getMonthValue();
        int day = d.date.getDayOfMonth();
        if (day <= 12 && day != m) {
          d.date = LocalDate.of(d.date.getYear(), day, m);
          return DedupCorpus.Plant.DAY_MONTH_SWAPPED;
        }
        d.date = digitError(d.date);
        return DedupCorpus.Plant.DATE_ONE_DIGIT;
      }
      case 4, 5 -> {
        String f = separators(d.firsts);
        String n = separators(d.name);
        if (!f.equals(d.firsts) && (n.equals(d.name) || random.nextBoolean())) {
          d.firsts = f;
        } else if (!n.equals(d.name)) {
          d.name = n;
        } else {
          return DedupCorpus.Plant.TYPED_VARIANT;
        }
        return DedupCorpus.Plant.HYPHEN_SPACE;
      }
      case 6 -> {
        d.name = typo(d.name);
        return DedupCorpus.Plant.NAME_TYPO;
      }
      case 7 -> {
        String[] f = d.firsts.split(" ", 2);
        d.firsts = typo(f[0]) + (f.length > 1 ? " " + f[1] : "");
        return DedupCorpus.Plant.FIRST_NAME_TYPO;
      }
      case 8 -> {
        if (!d.used.isEmpty()) {
          d.name = d.used;
          d.used = "";
          return DedupCorpus.Plant.USED_NAME;
        }
        String first = d.firsts.split(" ")[0];
        d.firsts = d.name;
        d.name = first;
        return DedupCorpus.Plant.SWAPPED_NAMES;
      }
      default -> {
        return DedupCorpus.Plant.TYPED_VARIANT;
      }
    }
  }

  /** Any one of the 8 digits, any position, as long as the date stays a valid birth date. */
  private LocalDate digitError(LocalDate date) {
    String s = date.toString();
    int[] positions = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int attempt = 0; attempt < 100; attempt++) {
      int pos = positions[random.nextInt(8)];
      char c = (char) ('0' + random.nextInt(10));
      if (c == s.charAt(pos)) {
        continue;
      }
      String t = s.substring(0, pos) + c + s.substring(pos + 1);
      try {
        BirthDate.parse(t);
        LocalDate d = LocalDate.parse(t);
        if (d.getYear() <= 2024) {
          return d;
        }
      } catch (InsValidationException | java.time.DateTimeException notADate) {
        // another digit
      }
    }
    return date.plusDays(1);
  }

  /** Changes the separators of a compound name or list: hyphen, apostrophe, space, or none. */
  private String separators(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '\'' || (c == ' ' && random.nextBoolean())) {
        String[] options = {"-", " ", "'", ""};
        String o;
        do {
          o = options[random.nextInt(options.length)];
        } while (o.equals(String.valueOf(c)) || (o.equals("'") && i + 1 < s.length() && s.charAt(i + 1) == '\''));
        b.append(o);
      } else {
        b.append(c);
      }
    }
    String r = b.toString();
    return r.contains("''") || r.startsWith("'") ? s : r;
  }

  private String typo(String s) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int i = random.nextInt(s.length());
      if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
        continue;
      }
      char r = (char) ('A' + random.nextInt(26));
      String t = switch (random.nextInt(3)) {
        case 0 -> s.substring(0, i) + r + s.substring(i + 1);
        case 1 -> s.length() > 4 ? s.substring(0, i) + s.substring(i + 1) : s.substring(0, i) + r + s.substring(i + 1);
        default -> s.substring(0, i) + r + s.substring(i);
      };
      if (!t.equals(s) && Character.isLetter(t.charAt(0)) && !t.contains("--") && !t.contains("'-")
          && !t.contains("-'") && !t.endsWith("-") && !t.endsWith("'")) {
        return t;
      }
    }
    return s + "E";
  }

  private String id() {
    return String.format(Locale.ROOT, "I%08d", nextId++);
  }

  private DedupCorpus.Row render(String id, P p) {
    return new DedupCorpus.Row(id, typed(p.name), typed(p.firsts), p.date.toString(), p.male ? "M" : "F", p.place,
        p.mat, typed(p.used));
  }

  private String typed(String s) {
    return switch (random.nextInt(3)) {
      case 0 -> s;
      case 1 -> s.toLowerCase(Locale.ROOT);
      default -> s.replace("E", random.nextBoolean() ? "É" : "e").replace("'", "\u2019");
    };
  }

  /**
   * Generates a corpus in memory.
   *
   * @param seed the seed
   * @param persons distinct persons
   * @param duplicateRate share of persons with a planted duplicate
   * @return rows and truth
   */
  public static DedupCorpus.Corpus generate(long seed, int persons, double duplicateRate) {
    List<DedupCorpus.Row> rows = new ArrayList<>();
    List<DedupCorpus.Truth> truth = new ArrayList<>();
    new IndependentCorpus(seed).generate(persons, duplicateRate, rows::add, truth::add);
    return new DedupCorpus.Corpus(rows, truth);
  }

  /**
   * Writes the corpus as the {@code dedup} command's CSV and its truth as {@code id_a,id_b,plant}.
   *
   * @param seed the seed
   * @param persons distinct persons
   * @param duplicateRate share of persons with a planted duplicate
   * @param csv the identities file
   * @param truthCsv the truth file
   * @return rows written
   */
  public static long writeCsv(long seed, int persons, double duplicateRate, Path csv, Path truthCsv) {
    long[] count = new long[1];
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter t = Files.newBufferedWriter(truthCsv, StandardCharsets.UTF_8)) {
      w.write(DedupCorpus.CSV_HEADER + "\n");
      t.write("id_a,id_b,plant\n");
      new IndependentCorpus(seed).generate(persons, duplicateRate, r -> {
        try {
          w.write(r.csv() + "\n");
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, x -> {
        try {
          t.write(x.idA() + "," + x.idB() + "," + x.plant() + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }
}
