package dev.ins.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.Matricule;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NirKeyTest {

  static LongStream seeds() {
    return Seeds.stream(500);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void key_agreesWithMatricule(long seed) {
    String nir = new InsGenerators(seed).nir13();
    assertEquals(Integer.parseInt(Matricule.computeKey(nir)), NirKey.key(nir), Seeds.describe(seed));
    assertTrue(NirKey.isValid(Matricule.fromNir(nir).value()), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isValid_acceptsOnlyWhatTheParserAcceptsForTheKey(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String m = Matricule.fromNir(new InsGenerators(seed).nir13()).value();
    char[] c = m.toCharArray();
    int pos = r.nextInt(15);
    c[pos] = "0123456789AB x".charAt(r.nextInt(14));
    String mutated = new String(c);
    boolean parses = naiveIsValid(mutated);
    assertEquals(parses, NirKey.isValid(mutated), mutated.length() + " chars, pos " + pos + " " + Seeds.describe(seed));
  }

  /** The naive oracle: substring, Corsica substitution, Long.parseLong, mod 97. */
  private static boolean naiveIsValid(String m) {
    if (m.length() != 15 || !m.substring(13).matches("[0-9]{2}")) {
      return false;
    }
    String body = m.substring(0, 13);
    if (body.matches("[0-9]{5}2[AB][0-9]{6}")) {
      body = body.substring(0, 5) + (body.charAt(6) == 'A' ? "19" : "18") + body.substring(7);
    } else if (!body.matches("[0-9]{13}")) {
      return false;
    }
    return 97 - Long.parseLong(body) % 97 == Integer.parseInt(m.substring(13));
  }

  @Test
  void publishedVectors() {
    assertTrue(NirKey.isValid("279035121518989"));
    assertEquals(89, NirKey.key("2790351215189"));
    assertFalse(NirKey.isValid("279035121518988"));
    assertFalse(NirKey.isValid(null));
    assertFalse(NirKey.isValid("27903512151898"));
    assertEquals(-1, NirKey.key("27903512151X9"));
    assertEquals(Integer.parseInt(Matricule.computeKey("1850399A00101".replace("99A", "2A0"))),
        NirKey.key("1850399A00101".replace("99A", "2A0")));
  }
}
