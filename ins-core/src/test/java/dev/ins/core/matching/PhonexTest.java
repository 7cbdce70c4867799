package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhonexTest {

  static LongStream seeds() {
    return Seeds.stream(300);
  }

  @Test
  void frenchHomophones_shareAKey() {
    assertEquals(Phonex.encode("GAUTHIER"), Phonex.encode("GAUTIER"));
    assertEquals(Phonex.encode("FILIPPE"), Phonex.encode("PHILIPPE"));
    assertEquals(Phonex.encode("RENAUD"), Phonex.encode("RENAUT"));
    assertEquals(Phonex.encode("MARCHAND"), Phonex.encode("MARCHANT"));
    assertEquals(Phonex.encode("LEFEBVRE"), Phonex.encode("LEFEVRE"));
    assertEquals(Phonex.encode("JEAN-PIERRE"), Phonex.encode("JEAN PIERRE"));
    assertEquals(Phonex.encode("Dupont"), Phonex.encode("DUPONT"));
    assertNotEquals(Phonex.encode("MARTIN"), Phonex.encode("BERNARD"));
    assertEquals("", Phonex.encode("--"));
  }

  @Test
  void knownKeys_followBrouardsRules() {
    // GAUTHIER: TH loses its H, ER->YR, AU->O, then G before O->K
    assertEquals("KOTIYR", Phonex.encode("GAUTHIER"));
    // PHILIPPE: PH->F, doubled P collapsed after P->T
    assertEquals("FILITE", Phonex.encode("PHILIPPE"));
    // MARCHAND: CH->5, AN->1, A->O, final D->T dropped
    assertEquals("NOR51", Phonex.encode("MARCHAND"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void key_usesTheReducedAlphabet_andIgnoresSeparators(long seed) {
    String name = new InsGenerators(seed).insBirthName();
    String k = Phonex.encode(name);
    assertTrue(k.chars().allMatch(c -> "12345EFGHIKLNORSTUYZW".indexOf(c) >= 0 || (c >= 'A' && c <= 'Z' && "ADPJBVMCQ".indexOf(c) < 0)),
        k + " " + Seeds.describe(seed));
    assertEquals(k, Phonex.encode(name.replace('-', ' ').replace("'", "")), Seeds.describe(seed));
    for (int i = 1; i < k.length(); i++) {
      assertNotEquals(k.charAt(i - 1), k.charAt(i), "no doubled letter in " + k + " " + Seeds.describe(seed));
    }
  }
}
