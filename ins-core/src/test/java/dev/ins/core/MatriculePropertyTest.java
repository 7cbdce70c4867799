package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the matricule over seeded generators; every failure names its seed. */
class MatriculePropertyTest {

  static LongStream seeds() {
    return Seeds.stream(200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void computedKey_makesAMatriculeThatParses(long seed) {
    InsGenerators g = new InsGenerators(seed);
    for (int i = 0; i < 20; i++) {
      String nir = g.nir13();
      String key = Matricule.computeKey(nir);
      Matricule m = Matricule.parse(nir + key);
      assertEquals(nir + key, m.value(), Seeds.describe(seed));
      assertEquals(key, m.key(), Seeds.describe(seed));
      assertEquals(m, Matricule.fromNir(nir), Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void formatThenParse_givesTheSameMatricule(long seed) {
    InsGenerators g = new InsGenerators(seed);
    for (int i = 0; i < 20; i++) {
      Matricule m = g.matricule();
      assertEquals(m, Matricule.parse(m.format()), Seeds.describe(seed));
      assertEquals(m, Matricule.parse(m.value().toLowerCase(java.util.Locale.ROOT)), Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyOtherKey_isRejectedAsInvalidKey(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    int key = Integer.parseInt(m.key());
    int wrong = 1 + (key + g.nextInt(96)) % 97;
    if (wrong == key) {
      wrong = key % 97 + 1;
    }
    String text = m.nir() + String.format("%02d", wrong);
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse(text), Seeds.describe(seed));
    assertEquals(ViolationCode.INVALID_KEY, e.code(), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anySingleDigitChange_isCaughtByTheKey(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    char[] c = m.value().toCharArray();
    int pos = 7 + g.nextInt(6); // commune/order digits: any value is structurally valid there
    c[pos] = (char) ('0' + (c[pos] - '0' + 1 + g.nextInt(9)) % 10);
    String changed = new String(c);
    InsValidationException e = assertThrows(InsValidationException.class, () -> Matricule.parse(changed), Seeds.describe(seed));
    if (e.code() != ViolationCode.INVALID_ORDER) {
      assertEquals(ViolationCode.INVALID_KEY, e.code(), Seeds.describe(seed));
    }
  }
}
