package dev.ins.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a matricule with the traits it goes with and reports each disagreement as a
 * {@link ConsistencyWarning}. INSi is the authority: never reject or rewrite on these grounds.
 *
 * <p>Checks: sex digit (1↔M, 2↔F; 3/4 flagged as legacy; sex I not compared), year digits, month
 * (compared only for 01–12, or 31–42 minus 30; skipped for an unknown month), birthplace (compared
 * only when the traits carry one; a NIR department 91–96 with a birthplace abroad is reported with
 * the Maghreb exception named).
 *
 * <pre>{@code
 * NirConsistency.check(Matricule.parse("279035121518989"), traits); // [] when all agree
 * }</pre>
 */
public final class NirConsistency {

  private NirConsistency() {}

  /**
   * Lists the disagreements between a matricule and traits.
   *
   * @param matricule the matricule
   * @param traits the traits
   * @return the warnings, empty when everything agrees
   */
  public static List<ConsistencyWarning> check(Matricule matricule, Traits traits) {
    List<ConsistencyWarning> out = new ArrayList<>();
    int digit = matricule.sexDigit();
    if (digit == 3 || digit == 4) {
      out.add(new ConsistencyWarning(ConsistencyWarning.Kind.LEGACY_SEX_DIGIT,
          "first digit 3/4 is a legacy number; INSi returns certified numbers starting with 1 or 2"));
    }
    Sex expected = digit % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    if (traits.sex() != Sex.UNKNOWN && traits.sex() != expected) {
      out.add(new ConsistencyWarning(ConsistencyWarning.Kind.SEX,
          "sex digit does not match the sex trait (legitimate after a legal sex change: INSHISTO then holds the former number)"));
    }
    BirthDate date = traits.birthDate();
    if (date.year() % 100 != matricule.yearDigits()) {
      out.add(new ConsistencyWarning(ConsistencyWarning.Kind.YEAR,
          "year digits do not match the birth year (legitimate when the date was corrected after the number was assigned)"));
    }
    if (matricule.birthMonth().isPresent() && date.month().isPresent()
        && matricule.birthMonth().getAsInt() != date.month().getAsInt()) {
      out.add(new ConsistencyWarning(ConsistencyWarning.Kind.MONTH,
          "month digits do not match the birth month (legitimate when the date was corrected after the number was assigned)"));
    }
    if (traits.birthplace().isPresent()) {
      String place = traits.birthplace().get().value();
      String nirPlace = matricule.birthplaceCode();
      if (!place.equals(nirPlace)) {
        String dept = nirPlace.substring(0, 2);
        boolean maghreb = dept.compareTo("91") >= 0 && dept.compareTo("96") <= 0 && place.startsWith("99");
        out.add(new ConsistencyWarning(ConsistencyWarning.Kind.BIRTHPLACE, maghreb
            ? "birthplace part 91-96 with a birthplace abroad: expected for births in Algeria, Morocco or Tunisia before independence"
            : "birthplace part does not match the birthplace code (legitimate for historical codes, merged communes, Corsica before 1976)"));
      }
    }
    return out;
  }
}
