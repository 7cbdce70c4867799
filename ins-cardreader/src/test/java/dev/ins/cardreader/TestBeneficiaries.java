package dev.ins.cardreader;

import dev.ins.cardreader.vitale.VitaleBeneficiary;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.Matricule;
import dev.ins.core.Traits;
import dev.ins.core.testing.InsGenerators;
import java.util.ArrayList;
import java.util.List;

/** Synthetic Vitale beneficiaries from ins-core's seeded generators. */
public final class TestBeneficiaries {

  private TestBeneficiaries() {}

  /**
   * Generates beneficiaries.
   *
   * @param seed the seed
   * @param count how many
   * @return synthetic beneficiaries, consistent NIR and traits
   */
  public static List<VitaleBeneficiary> of(long seed, int count) {
    InsGenerators g = new InsGenerators(seed);
    List<VitaleBeneficiary> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Matricule m = g.matricule();
      Traits t = g.traitsFor(m);
      out.add(VitaleBeneficiary.of(BirthName.of(g.insBirthName()), FirstNames.of(g.word()), t.birthDate(), m));
    }
    return out;
  }

  /**
   * Lists the patient data of beneficiaries, for PII leak checks.
   *
   * @param list the beneficiaries
   * @return names, first names, birth dates (several forms) and NIRs of 4 characters or more
   */
  public static List<String> secrets(List<VitaleBeneficiary> list) {
    List<String> out = new ArrayList<>();
    for (VitaleBeneficiary b : list) {
      out.add(b.birthName().value());
      out.add(b.firstName().value());
      out.add(b.birthDate().format());
      out.add(b.birthDate().format().replace("-", ""));
      out.add(b.nir());
    }
    // Two- and three-letter synthetic names also occur inside hex dumps (ATR, fingerprint
    // prefix) by chance; NIR-shaped text is caught by PiiGuard whatever the list holds.
    out.removeIf(s -> s == null || s.length() < 4);
    return out;
  }
}
