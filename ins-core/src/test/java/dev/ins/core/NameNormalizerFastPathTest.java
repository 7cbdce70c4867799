package dev.ins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The optimised NameNormalizer gives exactly what the first implementation gave: value or violations. */
class NameNormalizerFastPathTest {

  private static final String ALPHABET = "AbcÉéèÆœßŒ'’ -–—\t\u00A0\u0301\u0327ØðÞ1_.ÿŸĀǅΩ\uD83D\uDE00";

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void normalize_matchesTheReferenceImplementation(long seed) {
    InsGenerators g = new InsGenerators(seed);
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder noise = new StringBuilder();
    int len = r.nextInt(14);
    for (int i = 0; i < len; i++) {
      noise.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    List<String> inputs = List.of(g.typedName(), g.insBirthName(), g.insFirstNames(), g.invalidBirthName().value(),
        noise.toString(), "", " ", "  A  ' B ", "A--B", "A---B", "JEAN-", "-JEAN", "JEAN -PAUL", "D'", "''A",
        "A".repeat(101), "é".repeat(100), "Œ".repeat(60));
    for (String in : inputs) {
      for (TraitField f : TraitField.values()) {
        assertEquals(outcome(() -> NameNormalizerReference.normalize(f, in)), outcome(() -> NameNormalizer.normalize(f, in)),
            f + " [" + in + "] " + Seeds.describe(seed));
      }
      assertEquals(outcome(() -> NameNormalizerReference.normalize(in)), outcome(() -> NameNormalizer.normalize(in)),
          "[" + in + "] " + Seeds.describe(seed));
    }
  }

  private static String outcome(java.util.function.Supplier<String> call) {
    try {
      return "value:" + call.get();
    } catch (InsValidationException e) {
      return "error:" + e.violations();
    }
  }
}
