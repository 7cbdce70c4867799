package dev.ins.core.testing;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.FirstNames;
import dev.ins.core.Matricule;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.ViolationCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of INS values for tests in any framework: valid matricules (Corsica, overseas
 * and abroad included), names in INS form, typed names that normalise, invalid INS-form strings with
 * the code they must be rejected with, and whole trait sets.
 *
 * <p>Same seed, same sequence. All data is synthetic: names are built from invented syllables.
 *
 * <pre>{@code
 * InsGenerators g = new InsGenerators(42);
 * Matricule m = g.matricule();
 * String typed = g.typedName();   // e.g. "  élo d’ARC–tavé "
 * }</pre>
 */
public final class InsGenerators {

  private static final String[] SYLLABLES = {
    "BA", "RO", "LI", "MA", "NE", "TU", "VO", "SE", "KA", "DO", "RI", "PLE", "GAN", "TOR", "MEL",
    "ZE", "FA", "QUI", "LOU", "BER", "NAU", "CHA", "VIN", "GUE", "PHI", "ODE", "ANT", "ESC"
  };
  private static final String[] ACCENTED = {"É", "È", "Ê", "Ë", "À", "Â", "Ç", "Ô", "Ù", "Û", "Ï", "Î", "é", "è", "ç", "ô", "ü", "ÿ"};

  private final SplittableRandom random;

  /**
   * Creates a generator.
   *
   * @param seed the seed
   */
  public InsGenerators(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Returns an int in [0, bound).
   *
   * @param bound the exclusive upper bound, positive
   * @return the value
   */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }

  /**
   * A 13-character NIR body: sex 1/2, any year, real or fictitious month, metropolitan, Corsican,
   * overseas or foreign birthplace.
   *
   * @return 13 characters accepted by {@link Matricule#computeKey}
   */
  public String nir13() {
    StringBuilder b = new StringBuilder(13);
    b.append(1 + random.nextInt(2));
    b.append(String.format("%02d", random.nextInt(100)));
    int m = switch (random.nextInt(6)) {
      case 0 -> 20 + random.nextInt(23);
      case 1 -> 50 + random.nextInt(50);
      default -> 1 + random.nextInt(12);
    };
    b.append(String.format("%02d", m));
    b.append(birthplaceCode().value());
    b.append(String.format("%03d", 1 + random.nextInt(999)));
    return b.toString();
  }

  /**
   * A valid matricule.
   *
   * @return a matricule with a correct key
   */
  public Matricule matricule() {
    return Matricule.fromNir(nir13());
  }

  /**
   * A valid birthplace code of any kind.
   *
   * @return a code
   */
  public BirthplaceCode birthplaceCode() {
    return BirthplaceCode.of(switch (random.nextInt(6)) {
      case 0 -> "2" + (random.nextBoolean() ? "A" : "B") + String.format("%03d", 1 + random.nextInt(400));
      case 1 -> "97" + (1 + random.nextInt(6)) + String.format("%02d", 1 + random.nextInt(40));
      case 2 -> "99" + String.format("%03d", 100 + random.nextInt(400));
      default -> {
        int d = 1 + random.nextInt(95);
        if (d == 20) {
          d = 21;
        }
        yield String.format("%02d%03d", d, 1 + random.nextInt(700));
      }
    });
  }

  /**
   * One word of a name in INS form (letters only).
   *
   * @return 2 to 9 uppercase letters
   */
  public String word() {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append(pick(SYLLABLES));
    }
    return b.toString();
  }

  /**
   * A birth name in INS form: words joined by space, hyphen, apostrophe or the legacy {@code --}.
   *
   * @return a valid birth name
   */
  public String insBirthName() {
    StringBuilder b = new StringBuilder(word());
    int parts = random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      b.append(switch (random.nextInt(4)) {
        case 0 -> " ";
        case 1 -> "-";
        case 2 -> "'";
        default -> "--";
      });
      b.append(word());
    }
    if (random.nextInt(8) == 0) {
      b.insert(0, "D'");
    }
    return b.toString();
  }

  /**
   * A first-name list in INS form: one to four names, some hyphenated.
   *
   * @return a valid first-name list
   */
  public String insFirstNames() {
    int n = 1 + random.nextInt(4);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(random.nextInt(4) == 0 ? word() + "-" + word() : word());
    }
    return String.join(" ", names);
  }

  /**
   * Typed text that normalises to a name: mixed case, accents, ligatures, typographic apostrophes
   * and dashes, extra spaces.
   *
   * @return typed text accepted by {@link dev.ins.core.NameNormalizer#normalize(CharSequence)}
   */
  public String typedName() {
    StringBuilder b = new StringBuilder();
    if (random.nextBoolean()) {
      b.append(random.nextBoolean() ? "  " : "\u00A0");
    }
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        b.append(switch (random.nextInt(6)) {
          case 0 -> "  ";
          case 1 -> "\u2013";
          case 2 -> "\u2019";
          case 3 -> "-";
          case 4 -> " \u2019 ";
          default -> " ";
        });
      }
      String w = word();
      StringBuilder t = new StringBuilder();
      for (char c : w.toCharArray()) {
        int r = random.nextInt(10);
        if (r == 0) {
          t.append(pick(ACCENTED));
        } else if (r == 1) {
          t.append(random.nextBoolean() ? "œ" : "Æ");
        } else if (r < 5) {
          t.append(Character.toLowerCase(c));
        } else {
          t.append(c);
        }
      }
      b.append(t);
    }
    if (random.nextBoolean()) {
      b.append(' ');
    }
    return b.toString();
  }

  /** An INS-form string that breaks exactly one identified rule. */
  public record Invalid(String value, ViolationCode expected) {}

  /**
   * A birth-name string that strict validation must reject, with the code it must report.
   *
   * @return the invalid value and its expected code
   */
  public Invalid invalidBirthName() {
    String w = word();
    String v = word();
    return switch (random.nextInt(11)) {
      case 0 -> new Invalid(" " + w, ViolationCode.LEADING_SPACE);
      case 1 -> new Invalid("-" + w, ViolationCode.LEADING_HYPHEN);
      case 2 -> new Invalid(w + "  " + v, ViolationCode.DOUBLED_SPACE);
      case 3 -> new Invalid(w + "''" + v, ViolationCode.DOUBLED_APOSTROPHE);
      case 4 -> new Invalid(w + " '" + v, ViolationCode.SPACE_NEXT_TO_APOSTROPHE);
      case 5 -> new Invalid(w.toLowerCase(java.util.Locale.ROOT), ViolationCode.LOWERCASE);
      case 6 -> new Invalid(w + "É", ViolationCode.DIACRITIC);
      case 7 -> new Invalid(w + "Œ", ViolationCode.LIGATURE);
      case 8 -> new Invalid(w + "1", ViolationCode.INVALID_CHARACTER);
      case 9 -> new Invalid(w + "---" + v, ViolationCode.INVALID_HYPHEN_RUN);
      default -> new Invalid("A".repeat(101), ViolationCode.TOO_LONG);
    };
  }

  /**
   * A complete birth date between 1900 and 2025.
   *
   * @return the date
   */
  public LocalDate localDate() {
    return LocalDate.ofEpochDay(LocalDate.of(1900, 1, 1).toEpochDay() + random.nextInt(45_000));
  }

  /**
   * Traits consistent with a matricule: sex digit, year, month and birthplace agree.
   *
   * @param m the matricule
   * @return traits matching it (the month is random when the matricule's is fictitious)
   */
  public Traits traitsFor(Matricule m) {
    int yy = m.yearDigits();
    int year = (yy <= 25 ? 2000 : 1900) + yy;
    int month = m.birthMonth().orElse(1 + random.nextInt(12));
    int day = 1 + random.nextInt(28);
    return Traits.of(BirthName.of(insBirthName()), FirstNames.of(insFirstNames()),
        BirthDate.of(LocalDate.of(year, month, day)), m.sexDigit() == 1 ? Sex.MALE : Sex.FEMALE,
        BirthplaceCode.of(m.birthplaceCode()));
  }
}
