package dev.ins.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.Matricule;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.PiiGuard;
import dev.ins.core.testing.Seeds;
import dev.ins.security.internal.Primitives;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PseudonymizerTest {
  private static final Keyset INDEX_KEYS = Keyset.generate(KeyType.HMAC_SHA256);
  private static final Keyset EXPORT_KEYS = Keyset.generate(KeyType.HMAC_SHA256);

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void blindIndex_isDeterministic_keyed_andParseable(long seed) {
    Matricule m = new InsGenerators(seed).matricule();
    Pseudonymizer index = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, INDEX_KEYS);
    Pseudonym p = index.blindIndex(m);
    assertEquals(p, index.blindIndex(Matricule.parse(m.value())), Seeds.describe(seed));
    assertEquals(p, Pseudonym.parse(p.format()), Seeds.describe(seed));
    assertFalse(Arrays.equals(Primitives.sha256(m.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII)), p.value()),
        "never a plain hash " + Seeds.describe(seed));
    PiiGuard.assertNoPii(p.format() + " " + index, List.of(m.value(), m.nir()));
  }

  @Test
  void purposes_giveUnrelatedValues_evenWithTheSameKeyset() {
    Matricule m = new InsGenerators(7).matricule();
    Pseudonym a = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, INDEX_KEYS).blindIndex(m);
    Pseudonym b = Pseudonymizer.of(Pseudonymizer.EXPORT, INDEX_KEYS).blindIndex(m);
    Pseudonym c = Pseudonymizer.of(Pseudonymizer.EXPORT, EXPORT_KEYS).blindIndex(m);
    assertFalse(Arrays.equals(a.value(), b.value()));
    assertFalse(Arrays.equals(b.value(), c.value()));
  }

  @Test
  void oid_isPartOfTheInsPseudonym() {
    Matricule m = new InsGenerators(9).matricule();
    Pseudonymizer p = Pseudonymizer.of(Pseudonymizer.EXPORT, EXPORT_KEYS);
    assertNotEquals(p.pseudonym(new InsIdentifier(m, InsOid.INS_NIR)), p.pseudonym(new InsIdentifier(m, InsOid.INS_NIR_TEST)));
  }

  @Test
  void rotation_newPrimaryIsVersioned_andCandidatesFindOldIndexes() {
    Matricule m = new InsGenerators(11).matricule();
    Keyset v1 = Keyset.generate(KeyType.HMAC_SHA256);
    Pseudonym stored = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, v1).blindIndex(m);
    Keyset v2 = v1.rotate();
    Pseudonymizer after = Pseudonymizer.of(Pseudonymizer.SEARCH_INDEX, v2);
    assertEquals(v2.primary().id(), after.blindIndex(m).keyId());
    assertNotEquals(stored, after.blindIndex(m));
    assertTrue(after.candidates(m).contains(stored));
    assertEquals(2, after.candidates(m).size());
  }

  @Test
  void nonHmacKeyset_andBadPurpose_areRefused() {
    assertThrows(InsCryptoException.class, () -> Pseudonymizer.of("x", Keyset.generate(KeyType.AES_256_GCM)));
    assertThrows(InsCryptoException.class, () -> Pseudonymizer.of("Search Index", INDEX_KEYS));
  }

  @Test
  void parse_rejectsMalformedText() {
    for (String bad : List.of("", "ps1.x.0000000g.AAAA", "ps2.export.00000001." + "A".repeat(43), "ps1.export.00000001." + "A".repeat(42) + "B")) {
      assertEquals(InsCryptoException.Code.MALFORMED, assertThrows(InsCryptoException.class, () -> Pseudonym.parse(bad), bad).code());
    }
  }
}
