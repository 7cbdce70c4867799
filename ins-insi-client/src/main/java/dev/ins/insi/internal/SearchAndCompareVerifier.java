package dev.ins.insi.internal;

import dev.ins.core.InsIdentifier;
import dev.ins.core.Traits;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiIdentity;
import dev.ins.insi.InsiResult;
import dev.ins.insi.InsiVerifier;
import dev.ins.insi.Verification;
import dev.ins.insi.Verification.Field;
import dev.ins.insi.Verification.Status;
import java.util.EnumSet;
import java.util.Set;

/** Verification as a search by traits followed by a strict comparison. */
public final class SearchAndCompareVerifier implements InsiVerifier {

  /** Creates the verifier. */
  public SearchAndCompareVerifier() {}

  @Override
  public Verification verify(InsIdentifier ins, Traits traits, InsiClient client) {
    InsiResult r = client.searchByTraits(traits);
    if (r instanceof InsiResult.NotFound) {
      return new Verification(Status.NOT_FOUND, Set.of(), r);
    }
    if (r instanceof InsiResult.SeveralFound) {
      return new Verification(Status.SEVERAL_FOUND, Set.of(), r);
    }
    InsiIdentity id = ((InsiResult.Found) r).identity();
    Set<Field> diff = compare(ins, traits, id);
    return new Verification(diff.isEmpty() ? Status.CONFIRMED : Status.MISMATCH, diff, r);
  }

  /**
   * Compares strictly.
   *
   * @param ins the INS held
   * @param traits the traits held
   * @param id what INSi returned
   * @return the differing fields
   */
  public static Set<Field> compare(InsIdentifier ins, Traits traits, InsiIdentity id) {
    Set<Field> diff = EnumSet.noneOf(Field.class);
    if (id.active().identifier().isEmpty()) {
      diff.add(Field.MATRICULE);
      if (!ins.oid().oid().equals(id.active().oid())) {
        diff.add(Field.OID);
      }
    } else {
      InsIdentifier got = id.active().identifier().get();
      if (!got.matricule().equals(ins.matricule())) {
        diff.add(Field.MATRICULE);
      }
      if (got.oid() != ins.oid()) {
        diff.add(Field.OID);
      }
    }
    if (id.traits().traits().isEmpty()) {
      diff.add(Field.TRAITS);
      return diff;
    }
    Traits t = id.traits().traits().get();
    if (!t.birthName().equals(traits.birthName())) {
      diff.add(Field.BIRTH_NAME);
    }
    if (!t.firstNames().equals(traits.firstNames())) {
      diff.add(Field.FIRST_NAMES);
    }
    if (t.sex() != traits.sex()) {
      diff.add(Field.SEX);
    }
    if (!t.birthDate().equals(traits.birthDate())) {
      diff.add(Field.BIRTH_DATE);
    }
    if (traits.birthplace().isPresent() && !traits.birthplace().equals(t.birthplace())) {
      diff.add(Field.BIRTHPLACE);
    }
    return diff;
  }
}
