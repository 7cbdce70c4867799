package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NirConsistencyTest {

  private static List<ConsistencyWarning.Kind> kinds(String matricule, Traits t) {
    return NirConsistency.check(Matricule.parse(matricule), t).stream().map(ConsistencyWarning::kind).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "279035121518989, PAT-TROIS, DOMINIQUE MARIE-LOUISE, F, 1979-03-28, 51215",
    "297022A02077878, ADRTROIS, DOMINIQUE, F, 1997-02-26, 2A020",
    "160012B02077713, ADRTROIS, TOUSSAINT, M, 1960-01-01, 2B020",
    "109076322083489, ECETINSI, PIERRE-ALAIN MURIEL FLORIANT, M, 2009-07-14, 63220",
    "236066322083656, TCHITCHI, CATARINA BELLA, F, 1936-06-21, 63220",
    "277010115400329, GARCIA-HAMMADI, SARAH-LOU ANNA, F, 1977-01-21, 01154",
    "277076322082910, PAT-TROIS, DOMINIQUE, F, 1977-07-14, 63220"
  })
  void publishedTestIdentities_areConsistent(String m, String name, String first, String sex, String date, String place) {
    assertEquals(List.of(), kinds(m, Traits.fromInsi(name, first, sex, date, place)));
  }

  @Test
  void ansSampleWithAnotherBirthplace_isAWarningNotARejection() {
    Traits t = Traits.fromInsi("PAT-TROIS", "DOMINIQUE", "F", "1979-03-28", "63220");
    assertEquals(List.of(ConsistencyWarning.Kind.BIRTHPLACE), kinds("279035121518989", t));
  }

  @Test
  void formerMatriculeAfterSexChange_warnsOnSexAndMonth() {
    Traits t = Traits.fromInsi("ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", "63220");
    assertEquals(List.of(ConsistencyWarning.Kind.SEX), kinds("209076322083439", t));
    assertEquals(List.of(ConsistencyWarning.Kind.SEX, ConsistencyWarning.Kind.MONTH), kinds("209066322012355", t));
  }

  @Test
  void fictitiousMonth_isNotCompared_pseudoFictitiousIs() {
    Traits t = Traits.fromInsi("CORSE", "ANNA", "F", "1984-05-03", "2B321");
    assertEquals(List.of(), kinds("284992B32102531", t));
    assertEquals(List.of(), kinds(Matricule.fromNir("284352B321025").value(), t));
    assertEquals(List.of(ConsistencyWarning.Kind.MONTH), kinds(Matricule.fromNir("284362B321025").value(), t));
  }

  @Test
  void maghrebCode_isNamedInTheReason() {
    Traits t = Traits.fromInsi("BEN", "ALI", "M", "1950-01-01", "99352");
    List<ConsistencyWarning> w = NirConsistency.check(Matricule.fromNir("1500191352001"), t);
    assertEquals(1, w.size());
    assertTrue(w.get(0).reason().contains("Algeria"), w.get(0).reason());
  }

  @Test
  void legacySexDigitAndUnknownSex() {
    Traits unknown = Traits.fromTyped("Adrun", "Zoe", BirthDate.parse("1975-12-31"), Sex.UNKNOWN, "63220");
    assertEquals(List.of(), kinds("275126322074974", unknown));
    Matricule legacy = Matricule.fromNir("4751263220749");
    assertEquals(List.of(ConsistencyWarning.Kind.LEGACY_SEX_DIGIT),
        NirConsistency.check(legacy, unknown).stream().map(ConsistencyWarning::kind).toList());
  }

  static LongStream seeds() {
    return Seeds.stream(100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void generatedConsistentTraits_giveNoWarning(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    assertEquals(List.of(), NirConsistency.check(m, g.traitsFor(m)), Seeds.describe(seed));
  }
}
