package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.BirthDate;
import dev.ins.core.InsValidationException;
import dev.ins.core.Sex;
import dev.ins.core.Violation;
import dev.ins.core.testing.DedupCorpus;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DedupRecordTest {

  static LongStream seeds() {
    return Seeds.stream(20);
  }

  @Test
  void typed_normalisesAndTreatsBlanksAsUnknown() {
    DedupRecord r = DedupRecord.typed("42", " d’Arc–Dupont ", "jean  pierre", "1980-05-00", "f", " 2A004 ",
        "2 80 05 2A 004 001 82", " ");
    assertEquals(new DedupRecord("42", "D'ARC-DUPONT", "JEAN PIERRE", BirthDate.of(1980, 5, 0), Sex.FEMALE, "2A004",
        "280052A00400182", null), r);
    assertNull(DedupRecord.typed("1", "", "", "", "", "", "", "").birthName());
  }

  @Test
  void typed_reportsEveryBrokenColumn() {
    InsValidationException e = assertThrows(InsValidationException.class,
        () -> DedupRecord.typed(" ", "R2D2", "Luc", "1990-13-01", "X", "00123", "123", "Ok"));
    assertEquals(List.of("id", "birthName", "birthName", "birthDate", "sex", "birthplace", "matricule"),
        e.violations().stream().map(Violation::field).toList());
    PiiGuard.assertNoPii(e.getMessage(), List.of("R2D2", "1990-13-01", "00123"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void generatedRows_allParse_andToStringShowsNoTrait(long seed) {
    for (DedupCorpus.Row row : DedupCorpus.generate(seed, 200, 0.5).rows()) {
      DedupRecord r = row.toRecord();
      PiiGuard.assertNoPii(r.toString(), java.util.Arrays.asList(r.birthName(), r.firstNames(), r.matricule(), r.birthplace()));
      assertEquals(r, row.toRecord(), Seeds.describe(seed));
    }
  }
}
