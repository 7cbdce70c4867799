package dev.ins.insi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.InsIdentifier;
import dev.ins.core.InsOid;
import dev.ins.core.Matricule;
import dev.ins.core.Traits;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import dev.ins.insi.InsiIdentity;
import dev.ins.insi.ReturnedIns;
import dev.ins.insi.ReturnedTraits;
import dev.ins.insi.Verification.Field;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict comparison behind verify(): equal data match, each changed part is named alone. */
class SearchAndCompareVerifierTest {

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  private static InsiIdentity returned(Matricule m, String oid, Traits t) {
    return new InsiIdentity(ReturnedIns.read(m.nir(), m.key(), oid, null, null), List.of(),
        ReturnedTraits.read(t.birthName().value(), null, t.firstNames().value(), t.sex().code(),
            t.birthDate().format(), t.birthplace().orElseThrow().value()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameData_noMismatch_eachChangedPart_isNamedAlone(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    Traits t = g.traitsFor(m);
    if (t.birthplace().isEmpty() || t.sex() == dev.ins.core.Sex.UNKNOWN) {
      return;
    }
    String why = Seeds.describe(seed);
    InsIdentifier held = new InsIdentifier(m, InsOid.INS_NIR);
    InsiIdentity same = returned(m, "1.2.250.1.213.1.4.8", t);
    assertEquals(Set.of(), SearchAndCompareVerifier.compare(held, t, same), why);

    Matricule other = g.matricule();
    if (!other.equals(m)) {
      assertEquals(Set.of(Field.MATRICULE),
          SearchAndCompareVerifier.compare(held, t, returned(other, "1.2.250.1.213.1.4.8", t)), why);
    }
    assertEquals(Set.of(Field.OID),
        SearchAndCompareVerifier.compare(held, t, returned(m, "1.2.250.1.213.1.4.9", t)), why);
    Traits renamed = t.withBirthName(dev.ins.core.BirthName.of(t.birthName().value() + "X"));
    assertEquals(Set.of(Field.BIRTH_NAME), SearchAndCompareVerifier.compare(held, renamed, same), why);
    Traits noPlace = Traits.of(t.birthName(), t.firstNames(), t.birthDate(), t.sex(), null);
    assertEquals(Set.of(), SearchAndCompareVerifier.compare(held, noPlace, same),
        "birthplace compared only when held, " + why);
    Matricule badKey = m;
    InsiIdentity invalid = new InsiIdentity(ReturnedIns.read(badKey.nir(),
        String.format("%02d", Integer.parseInt(m.key()) % 97 + 1), "1.2.250.1.213.1.4.8", null, null),
        List.of(), same.traits());
    assertEquals(Set.of(Field.MATRICULE), SearchAndCompareVerifier.compare(held, t, invalid), why);
  }
}
