package dev.ins.insi.acceptance;

import java.util.Objects;

/**
 * One scripted case of the acceptance file: typed traits and what INSi (or the SDK, before any
 * call) must answer.
 *
 * <p>{@code strictInput} means the values are taken as claiming INS form (no normalisation), as when
 * the CNDA checks that forbidden characters such as Æ/Œ are blocked before a call.
 *
 * <pre>{@code
 * new AcceptanceScenario("2.04", "INSHISTO kept", "ECETINSI", "PIERRE-ALAIN", "M", "2009-07-14", null,
 *     false, AcceptanceScenario.Expected.FOUND_WITH_HISTORY);
 * }</pre>
 *
 * @param id the case identifier (e.g. {@code 2.04}); also the name of its directory
 * @param description what the case exercises
 * @param birthName the typed birth name
 * @param firstNames the typed first names, space separated
 * @param sex {@code M} or {@code F}
 * @param birthDate {@code YYYY-MM-DD}
 * @param birthplace the COG code, or {@code null}
 * @param strictInput whether the values are checked as INS form instead of normalised
 * @param expected the expected outcome
 */
public record AcceptanceScenario(String id, String description, String birthName, String firstNames, String sex,
    String birthDate, String birthplace, boolean strictInput, Expected expected) {

  /** What the scenario must give. */
  public enum Expected {
    /** CR 00. */
    FOUND("00"),
    /** CR 00 with at least one former matricule (INSHISTO). */
    FOUND_WITH_HISTORY("00"),
    /** CR 00 with the NIA OID (1.2.250.1.213.1.4.9). */
    FOUND_NIA("00"),
    /** CR 01 after every attempt. */
    NOT_FOUND("01"),
    /** CR 02. */
    SEVERAL_FOUND("02"),
    /** The SDK refuses the input before any call. */
    LOCAL_REFUSAL("-");

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
   */
  public AcceptanceScenario {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("id must be 1-40 characters among A-Z a-z 0-9 . _ - (it names a directory)");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(expected, "expected");
  }
}
