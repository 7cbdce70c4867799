package dev.ins.insi.acceptance;

import dev.ins.insi.FirstNameStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted case of the acceptance file: what is input (typed traits, or a beneficiary chosen on
 * a Carte Vitale) and what INSi (or the SDK, before any call) must answer.
 *
 * <p>Traits are typed input, taken through {@link dev.ins.core.Traits#fromTyped} as vendors' screens
 * do (Æ/Œ refused); {@code strictInput} takes them as claiming INS form instead. The first-name
 * strategy is the client's for this scenario (2.03 cas 2 sends the birthplace from the first call).
 * A Carte Vitale scenario carries its {@link VitaleCase} and uses no traits.
 *
 * <pre>{@code
 * AcceptanceScenario.traits("2.04", "INSHISTO kept", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", null,
 *     AcceptanceScenario.Expected.FOUND_WITH_HISTORY);
 * }</pre>
 *
 * @param id the case identifier (e.g. {@code 2.04}); also the name of its directory
 * @param description what the case exercises
 * @param birthName the typed birth name (a traits scenario), else null
 * @param firstNames the typed first names, space separated, else null
 * @param sex {@code M} or {@code F}, else null
 * @param birthDate {@code YYYY-MM-DD}, else null
 * @param birthplace the COG code, or {@code null}
 * @param strictInput whether the values are checked as INS form instead of typed input
 * @param expected the expected outcome
 * @param strategy the first-name strategy of the search by traits
 * @param vitale the card of a Carte Vitale scenario, empty for a traits scenario
 */
public record AcceptanceScenario(String id, String description, String birthName, String firstNames, String sex,
    String birthDate, String birthplace, boolean strictInput, Expected expected, FirstNameStrategy strategy,
    Optional<VitaleCase> vitale) {

  /** What the scenario must give. */
  public enum Expected {
    /** CR 00. */
    FOUND("00"),
    /** CR 00, and the deciding request carried {@code LieuNaissance}. */
    FOUND_BIRTHPLACE_SENT("00"),
    /** CR 00 with at least one former matricule (INSHISTO). */
    FOUND_WITH_HISTORY("00"),
    /** CR 00 with a former matricule whose sex digit differs from the active one's (sex changed). */
    FOUND_WITH_SEX_CHANGED_HISTORY("00"),
    /** CR 00 with the NIA OID (1.2.250.1.213.1.4.9). */
    FOUND_NIA("00"),
    /** CR 01 after every attempt. */
    NOT_FOUND("01"),
    /** CR 02. */
    SEVERAL_FOUND("02"),
    /** The SDK refuses the input before any call. */
    LOCAL_REFUSAL("-"),
    /**
     * Carte Vitale: the card is checked right before the call (same card), and INSi returns the
     * beneficiary chosen on it (CNDA 1.02).
     */
    FOUND_CHOSEN_BENEFICIARY("00"),
    /** Carte Vitale: the card was swapped after the choice; the search is refused, no call (CNDA 1.03). */
    CARD_SWAP_REFUSED("-");

    private final String cr;

    Expected(String cr) {
      this.cr = cr;
    }

    /**
     * Returns the expected CR code, or {@code -} when no call must be made.
     *
     * @return the code
     */
    public String cr() {
      return cr;
    }
  }

  /**
   * The card of a Carte Vitale scenario: who the card's holder (the insured person) and the chosen
   * beneficiary are, and whether the card is swapped between the choice and the search. The
   * embedded run simulates the card from these values; a vendor's run reads the card the tester
   * inserts (see {@link AcceptanceRun#run(java.util.function.Function, java.util.List,
   * java.nio.file.Path, boolean, java.util.function.Function)}).
   *
   * @param insured the insured person's matricule (15 characters)
   * @param beneficiary the chosen beneficiary's own matricule (15 characters)
   * @param birthName the chosen beneficiary's birth name as on the card
   * @param firstName the chosen beneficiary's first name as on the card
   * @param birthDate the chosen beneficiary's birth date as on the card, {@code YYYY-MM-DD}
   * @param swappedBeforeSearch whether another card is in the reader when the search is made
   */
  public record VitaleCase(String insured, String beneficiary, String birthName, String firstName, String birthDate,
      boolean swappedBeforeSearch) {
    /**
     * Rejects nulls.
     *
     * @param insured see the record component
     * @param beneficiary see the record component
     * @param birthName see the record component
     * @param firstName see the record component
     * @param birthDate see the record component
     * @param swappedBeforeSearch see the record component
     */
    public VitaleCase {
      Objects.requireNonNull(insured, "insured");
      Objects.requireNonNull(beneficiary, "beneficiary");
      Objects.requireNonNull(birthName, "birthName");
      Objects.requireNonNull(firstName, "firstName");
      Objects.requireNonNull(birthDate, "birthDate");
    }
  }

  /**
   * Validates the components.
   *
   * @param id see the record component
   * @param description see the record component
   * @param birthName see the record component
   * @param firstNames see the record component
   * @param sex see the record component
   * @param birthDate see the record component
   * @param birthplace see the record component
   * @param strictInput see the record component
   * @param expected see the record component
   * @param strategy see the record component
   * @param vitale see the record component
   */
  public AcceptanceScenario {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("id must be 1-40 characters among A-Z a-z 0-9 . _ - (it names a directory)");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(vitale, "vitale");
    boolean cardExpected = expected == Expected.FOUND_CHOSEN_BENEFICIARY || expected == Expected.CARD_SWAP_REFUSED;
    if (cardExpected != vitale.isPresent()) {
      throw new IllegalArgumentException("a Carte Vitale outcome goes with a Carte Vitale case, and only with one");
    }
  }

  /**
   * A search by traits with the RNIV strategy (the older constructor, kept).
   *
   * @param id see the record component
   * @param description see the record component
   * @param birthName see the record component
   * @param firstNames see the record component
   * @param sex see the record component
   * @param birthDate see the record component
   * @param birthplace see the record component
   * @param strictInput see the record component
   * @param expected see the record component
   */
  public AcceptanceScenario(String id, String description, String birthName, String firstNames, String sex,
      String birthDate, String birthplace, boolean strictInput, Expected expected) {
    this(id, description, birthName, firstNames, sex, birthDate, birthplace, strictInput, expected,
        FirstNameStrategy.RNIV, Optional.empty());
  }

  /**
   * A search by traits typed by an operator, with the RNIV strategy.
   *
   * @param id the case identifier
   * @param description what the case exercises
   * @param birthName the typed birth name
   * @param firstNames the typed first names
   * @param sex {@code M} or {@code F}
   * @param birthDate {@code YYYY-MM-DD}
   * @param birthplace the COG code, or null
   * @param expected the expected outcome
   * @return the scenario
   */
  public static AcceptanceScenario traits(String id, String description, String birthName, String firstNames,
      String sex, String birthDate, String birthplace, Expected expected) {
    return new AcceptanceScenario(id, description, birthName, firstNames, sex, birthDate, birthplace, false, expected);
  }

  /**
   * A Carte Vitale search.
   *
   * @param id the case identifier
   * @param description what the case exercises
   * @param card the card and the chosen beneficiary
   * @param expected {@link Expected#FOUND_CHOSEN_BENEFICIARY} or {@link Expected#CARD_SWAP_REFUSED}
   * @return the scenario
   */
  public static AcceptanceScenario vitale(String id, String description, VitaleCase card, Expected expected) {
    return new AcceptanceScenario(id, description, null, null, null, null, null, false, expected,
        FirstNameStrategy.RNIV, Optional.of(card));
  }

  /**
   * Returns this scenario searched with another first-name strategy.
   *
   * @param other the strategy
   * @return the scenario
   */
  public AcceptanceScenario withStrategy(FirstNameStrategy other) {
    return new AcceptanceScenario(id, description, birthName, firstNames, sex, birthDate, birthplace, strictInput,
        expected, other, vitale);
  }
}
