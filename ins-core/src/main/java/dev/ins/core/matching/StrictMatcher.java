package dev.ins.core.matching;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthplaceCode;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.internal.FirstNameParts;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Strict comparison of a locally held identity with the identity INSi returned: equality of
 * normalised traits, trait by trait, with no fuzziness.
 *
 * <p>Rules: birth name, sex and birthplace code must be identical; the first-name lists must be
 * identical (a difference only in separators, or one list being the start of the other, needs
 * review); the local first birth first name must be the start of INSi's list with hyphen,
 * apostrophe and space treated as the same separator (Guide INS EXI ID 10, RNIV EXI SI 29/30, as
 * cited by secondary sources: {@code JEAN-CHRISTOPHE} and {@code JEAN CHRISTOPHE} are coherent with
 * {@code JEAN CHRISTOPHE PIERRE}, {@code CHRISTOPHE} is not); birth dates must be identical, and
 * when a side leaves the day or month unknown, agreeing known parts need review while conflicting
 * ones are a difference. A local value that is unknown (sex {@code I}, no birthplace code or
 * {@code 99999}) needs review. The SDK has no historical COG table: a commune code that changed
 * since birth shows as a difference, for a human to confirm.
 *
 * <p>The verdict is symmetric (swapping the sides gives the same verdict, only reasons such as
 * {@link TraitReason#LOCAL_UNKNOWN}/{@link TraitReason#INSI_UNKNOWN} swap) when both first-name
 * lists have the same number of parts and no separate local first birth first name is given (a
 * local first name that claims more parts than INSi's list is a difference, the reverse needs
 * review). It is {@code COHERENT} only when every trait
 * is equal.
 *
 * <pre>{@code
 * Traits insi = Traits.fromInsi("DUPONT", "JEAN CHRISTOPHE PIERRE", "M", "1980-05-12", "75056");
 * Traits local = Traits.fromTyped("Dupont", "Jean Christophe Pierre", BirthDate.parse("1980-05-12"),
 *     Sex.MALE, "75056");
 * StrictMatcher.compare(local, insi).verdict();                     // COHERENT
 * StrictMatcher.compare(local, "JEAN-CHRISTOPHE", insi).verdict();  // COHERENT
 * StrictMatcher.compare(local, "CHRISTOPHE", insi).verdict();       // INCOHERENT
 * }</pre>
 */
public final class StrictMatcher {

  private static final TraitCheck[][] CHECKS;

  static {
    MatchTrait[] traits = MatchTrait.values();
    TraitReason[] reasons = TraitReason.values();
    CHECKS = new TraitCheck[traits.length][reasons.length];
    for (MatchTrait t : traits) {
      for (TraitReason r : reasons) {
        CHECKS[t.ordinal()][r.ordinal()] = new TraitCheck(t, r);
      }
    }
  }

  private StrictMatcher() {}

  /**
   * Compares a local identity with INSi's, taking the local first birth first name from the local
   * list.
   *
   * @param local the locally held traits (typed input normalised, e.g. by {@link Traits#fromTyped})
   * @param insi the traits INSi returned
   * @return one check per trait and the verdict
   */
  public static StrictVerdict compare(Traits local, Traits insi) {
    return compare(local, local.firstNames().first(), insi);
  }

  /**
   * Compares a local identity with INSi's, with the local first birth first name held separately
   * (the RNIV "premier prénom de naissance" field, which may be a compound such as
   * {@code JEAN-CHRISTOPHE}).
   *
   * @param local the locally held traits
   * @param localFirstFirstName the local first birth first name, in INS form
   * @param insi the traits INSi returned
   * @return one check per trait and the verdict
   */
  public static StrictVerdict compare(Traits local, String localFirstFirstName, Traits insi) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(localFirstFirstName, "localFirstFirstName");
    Objects.requireNonNull(insi, "insi");
    String insiList = insi.firstNames().value();
    TraitCheck name = check(MatchTrait.BIRTH_NAME,
        local.birthName().value().equals(insi.birthName().value()) ? TraitReason.SAME_VALUE : TraitReason.DIFFERENT_VALUE);
    TraitCheck list = check(MatchTrait.FIRST_NAMES, compareLists(local.firstNames().value(), insiList));
    TraitCheck first = check(MatchTrait.FIRST_FIRST_NAME, firstNameCoherent(localFirstFirstName, insiList)
        ? (localFirstFirstName.equals(insi.firstNames().first()) ? TraitReason.SAME_VALUE : TraitReason.FIRST_NAME_STARTS_LIST)
        : TraitReason.FIRST_NAME_NOT_AT_START);
    TraitCheck date = check(MatchTrait.BIRTH_DATE, compareDates(local.birthDate(), insi.birthDate()));
    TraitCheck sex = check(MatchTrait.SEX, compareSex(local.sex(), insi.sex()));
    TraitCheck place = check(MatchTrait.BIRTHPLACE, comparePlaces(local.birthplace(), insi.birthplace()));
    List<TraitCheck> checks = List.of(name, list, first, date, sex, place);
    return new StrictVerdict(StrictVerdict.of(checks), checks);
  }

  private static TraitCheck check(MatchTrait t, TraitReason r) {
    return CHECKS[t.ordinal()][r.ordinal()];
  }

  /**
   * Tells whether a first birth first name is coherent with the start of a first-name list:
   * the name's parts, split on hyphen, apostrophe or space, are the list's first parts, whole. The
   * same rule as {@link dev.ins.core.FirstNames#acceptsFirstName}, which the FHIR and HL7 readers use.
   *
   * <pre>{@code
   * StrictMatcher.firstNameCoherent("JEAN-CHRISTOPHE", "JEAN CHRISTOPHE PIERRE"); // true
   * StrictMatcher.firstNameCoherent("JEAN", "JEAN-CHRISTOPHE PIERRE");            // true
   * StrictMatcher.firstNameCoherent("CHRISTOPHE", "JEAN CHRISTOPHE PIERRE");      // false
   * StrictMatcher.firstNameCoherent("JEA", "JEAN CHRISTOPHE");                    // false
   * }</pre>
   *
   * @param firstName the first birth first name, in INS form
   * @param list the list of birth first names, in INS form
   * @return true when coherent
   */
  public static boolean firstNameCoherent(CharSequence firstName, CharSequence list) {
    return FirstNameParts.prefix(firstName, list) >= 0;
  }

  private static TraitReason compareLists(String local, String insi) {
    if (local.equals(insi)) {
      return TraitReason.SAME_VALUE;
    }
    int ab = FirstNameParts.prefix(local, insi);
    if (ab == 0) {
      return TraitReason.SEPARATORS_DIFFER;
    }
    if (ab > 0 || FirstNameParts.prefix(insi, local) > 0) {
      return TraitReason.LIST_IS_PREFIX;
    }
    return TraitReason.DIFFERENT_VALUE;
  }

  private static TraitReason compareDates(BirthDate local, BirthDate insi) {
    if (local.equals(insi)) {
      return TraitReason.SAME_VALUE;
    }
    if (local.year() != insi.year()) {
      return TraitReason.DIFFERENT_VALUE;
    }
    int lm = local.month().orElse(0);
    int ld = local.day().orElse(0);
    int im = insi.month().orElse(0);
    int id = insi.day().orElse(0);
    if ((lm != 0 && im != 0 && lm != im) || (ld != 0 && id != 0 && ld != id)) {
      return TraitReason.DIFFERENT_VALUE;
    }
    if (local.isComplete() && !insi.isComplete()) {
      LocalDate substitute = insi.rnivSubstitute();
      if (substitute.getMonthValue() == lm && substitute.getDayOfMonth() == ld) {
        return TraitReason.DATE_IS_RNIV_SUBSTITUTE;
      }
    }
    return TraitReason.DATE_LESS_PRECISE;
  }

  private static TraitReason compareSex(Sex local, Sex insi) {
    if (local == insi) {
      return TraitReason.SAME_VALUE;
    }
    if (local == Sex.UNKNOWN) {
      return TraitReason.LOCAL_UNKNOWN;
    }
    return insi == Sex.UNKNOWN ? TraitReason.INSI_UNKNOWN : TraitReason.DIFFERENT_VALUE;
  }

  private static TraitReason comparePlaces(Optional<BirthplaceCode> local, Optional<BirthplaceCode> insi) {
    if (local.equals(insi)) {
      return TraitReason.SAME_VALUE;
    }
    if (local.isEmpty() || local.get().kind() == BirthplaceCode.Kind.UNKNOWN) {
      return TraitReason.LOCAL_UNKNOWN;
    }
    if (insi.isEmpty() || insi.get().kind() == BirthplaceCode.Kind.UNKNOWN) {
      return TraitReason.INSI_UNKNOWN;
    }
    return TraitReason.DIFFERENT_VALUE;
  }
}
