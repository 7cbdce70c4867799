package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.FirstNames;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StrictMatcherTest {

  private static final Traits INSI = Traits.fromInsi("DUPONT", "JEAN CHRISTOPHE PIERRE", "M", "1980-05-12", "75056");

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @Test
  void identicalTypedTraits_areCoherent() {
    Traits local = Traits.fromTyped("  dupônt ", "Jean  Christophe Pierre", BirthDate.parse("1980-05-12"), Sex.MALE, "75056");
    StrictVerdict v = StrictMatcher.compare(local, INSI);
    assertEquals(Verdict.COHERENT, v.verdict());
    for (TraitCheck c : v.checks()) {
      assertEquals(TraitOutcome.EQUAL, c.outcome(), c.toString());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "JEAN-CHRISTOPHE, COHERENT, FIRST_NAME_STARTS_LIST",
      "JEAN CHRISTOPHE, COHERENT, FIRST_NAME_STARTS_LIST",
      "JEAN-CHRISTOPHE-PIERRE, COHERENT, FIRST_NAME_STARTS_LIST",
      "JEAN, COHERENT, SAME_VALUE",
      "CHRISTOPHE, INCOHERENT, FIRST_NAME_NOT_AT_START",
      "PIERRE, INCOHERENT, FIRST_NAME_NOT_AT_START",
      "JEA, INCOHERENT, FIRST_NAME_NOT_AT_START",
      "JEAN-CHRISTOPHE-PIERRE-PAUL, INCOHERENT, FIRST_NAME_NOT_AT_START",
      "JEAN'CHRISTOPHE, COHERENT, FIRST_NAME_STARTS_LIST"
  })
  void firstFirstName_isCheckedAgainstTheStartOfTheList(String first, Verdict verdict, TraitReason reason) {
    StrictVerdict v = StrictMatcher.compare(INSI, first, INSI);
    assertEquals(reason, v.check(MatchTrait.FIRST_FIRST_NAME).reason());
    assertEquals(verdict, v.verdict());
  }

  @ParameterizedTest
  @CsvSource({
      "1980-05-12, 1980-05-12, SAME_VALUE",
      "1980-05-13, 1980-05-12, DIFFERENT_VALUE",
      "1980-05-00, 1980-05-12, DATE_LESS_PRECISE",
      "1980-00-00, 1980-05-12, DATE_LESS_PRECISE",
      "1981-00-00, 1980-05-12, DIFFERENT_VALUE",
      "1980-12-31, 1980-00-00, DATE_IS_RNIV_SUBSTITUTE",
      "1980-05-01, 1980-05-00, DATE_IS_RNIV_SUBSTITUTE",
      "1980-05-02, 1980-05-00, DATE_LESS_PRECISE",
      "1980-06-02, 1980-05-00, DIFFERENT_VALUE",
      "1980-00-00, 1980-00-00, SAME_VALUE"
  })
  void birthDates_withUnknownDayOrMonth(String local, String insi, TraitReason reason) {
    Traits l = insiWithDate(local);
    Traits i = insiWithDate(insi);
    StrictVerdict v = StrictMatcher.compare(l, i);
    assertEquals(reason, v.check(MatchTrait.BIRTH_DATE).reason());
    assertEquals(reason.outcome() == TraitOutcome.DIFFERENT ? Verdict.INCOHERENT
        : reason.outcome() == TraitOutcome.EQUAL ? Verdict.COHERENT : Verdict.NEEDS_REVIEW, v.verdict());
  }

  private static Traits insiWithDate(String date) {
    return Traits.of(INSI.birthName(), INSI.firstNames(), BirthDate.parse(date), INSI.sex(), INSI.birthplace().orElseThrow());
  }

  @Test
  void unknownLocalValues_needReview() {
    Traits local = Traits.of(INSI.birthName(), INSI.firstNames(), INSI.birthDate(), Sex.UNKNOWN, null);
    StrictVerdict v = StrictMatcher.compare(local, INSI);
    assertEquals(Verdict.NEEDS_REVIEW, v.verdict());
    assertEquals(TraitReason.LOCAL_UNKNOWN, v.check(MatchTrait.SEX).reason());
    assertEquals(TraitReason.LOCAL_UNKNOWN, v.check(MatchTrait.BIRTHPLACE).reason());
    Traits unknownPlace = Traits.of(INSI.birthName(), INSI.firstNames(), INSI.birthDate(), Sex.MALE, BirthplaceCode.of("99999"));
    assertEquals(TraitReason.INSI_UNKNOWN, StrictMatcher.compare(INSI, unknownPlace).check(MatchTrait.BIRTHPLACE).reason());
  }

  @Test
  void firstNameLists_separatorsAndPrefixes() {
    Traits hyphen = Traits.of(INSI.birthName(), FirstNames.of("JEAN-CHRISTOPHE PIERRE"), INSI.birthDate(), INSI.sex(),
        INSI.birthplace().orElseThrow());
    Traits shorter = Traits.of(INSI.birthName(), FirstNames.of("JEAN"), INSI.birthDate(), INSI.sex(),
        INSI.birthplace().orElseThrow());
    Traits other = Traits.of(INSI.birthName(), FirstNames.of("JEAN PIERRE"), INSI.birthDate(), INSI.sex(),
        INSI.birthplace().orElseThrow());
    assertEquals(TraitReason.SEPARATORS_DIFFER, StrictMatcher.compare(hyphen, INSI).check(MatchTrait.FIRST_NAMES).reason());
    assertEquals(TraitReason.LIST_IS_PREFIX, StrictMatcher.compare(shorter, INSI).check(MatchTrait.FIRST_NAMES).reason());
    assertEquals(Verdict.NEEDS_REVIEW, StrictMatcher.compare(shorter, INSI).verdict());
    assertEquals(Verdict.INCOHERENT, StrictMatcher.compare(other, INSI).verdict());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verdict_isSymmetric_whenListsHaveTheSameNumberOfParts(long seed) {
    InsGenerators g = new InsGenerators(seed);
    SplittableRandom r = new SplittableRandom(seed);
    Traits a = g.traitsFor(g.matricule());
    Traits b = r.nextInt(3) == 0 ? a : mutateOneTrait(a, g, r);
    if (parts(a.firstNames().value()) == parts(b.firstNames().value())) {
      assertEquals(StrictMatcher.compare(a, b).verdict(), StrictMatcher.compare(b, a).verdict(), Seeds.describe(seed));
    } else {
      // outside the claim: a longer local first name is a difference, a shorter one needs review
      assertNotEquals(Verdict.COHERENT, StrictMatcher.compare(a, b).verdict(), Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verdict_isNormalisationInvariant(long seed) {
    InsGenerators g = new InsGenerators(seed);
    SplittableRandom r = new SplittableRandom(seed);
    Traits insi = g.traitsFor(g.matricule());
    Traits typed = Traits.fromTyped(retype(insi.birthName().value(), r), retype(insi.firstNames().value(), r),
        insi.birthDate(), insi.sex(), insi.birthplace().map(BirthplaceCode::value).orElse(null));
    assertEquals(Verdict.COHERENT, StrictMatcher.compare(typed, insi).verdict(), Seeds.describe(seed));
    Traits other = mutateOneTrait(insi, g, r);
    Traits otherTyped = Traits.fromTyped(retype(other.birthName().value(), r), retype(other.firstNames().value(), r),
        other.birthDate(), other.sex(), other.birthplace().map(BirthplaceCode::value).orElse(null));
    assertEquals(StrictMatcher.compare(other, insi), StrictMatcher.compare(otherTyped, insi), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verdict_isNeverCoherent_whenATraitDiffers(long seed) {
    InsGenerators g = new InsGenerators(seed);
    SplittableRandom r = new SplittableRandom(seed);
    Traits insi = g.traitsFor(g.matricule());
    Traits local = mutateOneTrait(insi, g, r);
    assertNotEquals(insi, local, Seeds.describe(seed));
    StrictVerdict v = StrictMatcher.compare(local, insi);
    assertNotEquals(Verdict.COHERENT, v.verdict(), Seeds.describe(seed));
    assertFalse(v.checks().stream().allMatch(c -> c.outcome() == TraitOutcome.EQUAL), Seeds.describe(seed));
    assertTrue(StrictMatcher.compare(insi, insi).verdict() == Verdict.COHERENT, Seeds.describe(seed));
  }

  private static int parts(String list) {
    return list.split("[ '-]+").length;
  }

  private static Traits mutateOneTrait(Traits t, InsGenerators g, SplittableRandom r) {
    BirthplaceCode place = t.birthplace().orElse(null);
    for (int attempt = 0; ; attempt++) {
      Traits m = switch (r.nextInt(5)) {
        case 0 -> Traits.of(BirthName.of(g.insBirthName()), t.firstNames(), t.birthDate(), t.sex(), place);
        case 1 -> Traits.of(t.birthName(), FirstNames.of(g.insFirstNames()), t.birthDate(), t.sex(), place);
        case 2 -> Traits.of(t.birthName(), t.firstNames(), BirthDate.of(g.localDate()), t.sex(), place);
        case 3 -> Traits.of(t.birthName(), t.firstNames(), t.birthDate(), t.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE, place);
        default -> Traits.of(t.birthName(), t.firstNames(), t.birthDate(), t.sex(), g.birthplaceCode());
      };
      if (!m.equals(t)) {
        return m;
      }
    }
  }

  /** Typed form of an INS value: case, accents, typographic apostrophes, extra spaces. */
  private static String retype(String ins, SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    for (char c : ins.toCharArray()) {
      if (c == '\'') {
        b.append(r.nextBoolean() ? "\u2019" : "'");
      } else if (c == ' ') {
        b.append(r.nextBoolean() ? "  " : " ");
      } else if (c == 'E' && r.nextInt(3) == 0) {
        b.append(r.nextBoolean() ? "é" : "Ê");
      } else {
        b.append(r.nextBoolean() ? String.valueOf(c).toLowerCase(Locale.ROOT) : String.valueOf(c));
      }
    }
    return (r.nextBoolean() ? " " : "") + b;
  }
}
