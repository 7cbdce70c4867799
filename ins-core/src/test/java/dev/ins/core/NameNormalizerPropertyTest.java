package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotence and agreement with strict validation, over seeded typed input. */
class NameNormalizerPropertyTest {

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void normalize_isIdempotent(long seed) {
    InsGenerators g = new InsGenerators(seed);
    for (int i = 0; i < 10; i++) {
      String typed = g.typedName();
      String once = NameNormalizer.normalize(typed);
      assertEquals(once, NameNormalizer.normalize(once), Seeds.describe(seed));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void strictValidation_acceptsEveryNormalisedOutput(long seed) {
    InsGenerators g = new InsGenerators(seed);
    for (int i = 0; i < 10; i++) {
      String typed = g.typedName();
      for (TraitField f : TraitField.values()) {
        String out;
        try {
          out = NameNormalizer.normalize(f, typed);
        } catch (InsValidationException e) {
          continue; // a first-name field may refuse what a name accepts; the refusal is typed
        }
        assertTrue(TraitValidator.validate(f, out).isEmpty(), Seeds.describe(seed) + " field " + f);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void normalize_leavesValuesAlreadyInInsFormUnchanged(long seed) {
    InsGenerators g = new InsGenerators(seed);
    String name = g.insBirthName();
    assertEquals(name, NameNormalizer.normalize(TraitField.BIRTH_NAME, name), Seeds.describe(seed));
    String firstNames = g.insFirstNames();
    assertEquals(firstNames, NameNormalizer.normalize(TraitField.BIRTH_FIRST_NAMES, firstNames), Seeds.describe(seed));
  }
}
