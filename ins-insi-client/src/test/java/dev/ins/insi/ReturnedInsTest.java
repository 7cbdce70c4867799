package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.InsOid;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReturnedInsTest {

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_validMatricule_givesTheIdentifier(long seed) {
    Matricule m = new InsGenerators(seed).matricule();
    ReturnedIns r = ReturnedIns.read(m.nir(), m.key(), "1.2.250.1.213.1.4.8", null, null);
    String why = Seeds.describe(seed);
    assertTrue(r.isValid(), why);
    assertTrue(r.keyValid(), why);
    assertEquals(m, r.identifier().orElseThrow().matricule(), why);
    assertEquals(m.value(), r.rawMatricule(), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void read_anyOtherKey_isReportedWithTheRawDataKept(long seed) {
    Matricule m = new InsGenerators(seed).matricule();
    int wrong = Integer.parseInt(m.key()) % 97 + 1;
    String key = String.format("%02d", wrong);
    ReturnedIns r = ReturnedIns.read(m.nir(), key, "1.2.250.1.213.1.4.8", null, null);
    String why = Seeds.describe(seed);
    assertFalse(r.isValid(), why);
    assertFalse(r.keyValid(), why);
    assertEquals(ViolationCode.INVALID_KEY, r.violations().get(0).code(), why);
    assertEquals(m.nir() + key, r.rawMatricule(), why);
    assertFalse(r.toString().contains(m.nir()), "toString is masked, " + why);
  }

  @Test
  void read_unknownOid_isAViolation() {
    ReturnedIns r = ReturnedIns.read("1090763220834", "89", "1.2.250.1.213.1.4.2", null, null);
    assertFalse(r.isValid());
    assertTrue(r.keyValid());
    assertEquals(ViolationCode.UNKNOWN_OID, r.violations().get(0).code());
  }

  @Test
  void read_missingParts_areViolations() {
    ReturnedIns r = ReturnedIns.read(null, null, null, null, null);
    assertFalse(r.isValid());
    assertFalse(r.keyValid());
    assertEquals("", r.rawMatricule());
  }

  @Test
  void read_testOid_isKeptAsTest() {
    ReturnedIns r = ReturnedIns.read("1090763220834", "89", "1.2.250.1.213.1.4.10", null, null);
    assertEquals(InsOid.INS_NIR_TEST, r.identifier().orElseThrow().oid());
  }
}
