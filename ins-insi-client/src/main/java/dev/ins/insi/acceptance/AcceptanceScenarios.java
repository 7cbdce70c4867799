package dev.ins.insi.acceptance;

import dev.ins.insi.acceptance.AcceptanceScenario.Expected;
import java.util.List;

/**
 * Scripted CNDA-like scenarios built on the public test identities (see the project's INSi notes,
 * §2 and §4). The CNDA's own guide is not public: the identifiers follow the case numbers peers
 * cite, and each description says what is exercised.
 *
 * <pre>{@code
 * List<AcceptanceScenario> cases = AcceptanceScenarios.cndaLike();
 * }</pre>
 */
public final class AcceptanceScenarios {

  private AcceptanceScenarios() {}

  /**
   * Returns the scripted scenarios. The embedded stub INSi server answers all of them as expected;
   * on the real test platform, CR 01 cannot be produced (it answers insi_101/102 instead) and the
   * injected-file cases (2.05, 2.08) need the CNDA response files.
   *
   * @return the scenarios, in order
   */
  public static List<AcceptanceScenario> cndaLike() {
    return List.of(
        new AcceptanceScenario("2.03-cas1", "apostrophes and spaces in the birth name", "D'Artagnan de l'Hérault",
            "Pierre-Alain", "M", "2001-06-17", null, false, Expected.FOUND),
        new AcceptanceScenario("2.03-cas2", "search with the birthplace code (Corsica 2B)", "ADRTROIS", "TOUSSAINT",
            "M", "1960-01-01", "2B020", false, Expected.FOUND),
        new AcceptanceScenario("2.03-cas3", "ligatures in INS-form input are refused before any call", "D'ÆION", "CŒUR",
            "M", "1987-01-01", null, true, Expected.LOCAL_REFUSAL),
        new AcceptanceScenario("2.04", "former matricules (INSHISTO) returned and kept", "ECETINSI", "PIERRE-ALAIN",
            "M", "2009-07-14", null, false, Expected.FOUND_WITH_HISTORY),
        new AcceptanceScenario("2.05", "NIA: the OID says NIA, never treated as a NIR", "PROVISOIRE", "MATRICULE", "M",
            "2009-07-01", null, false, Expected.FOUND_NIA),
        new AcceptanceScenario("2.08-cas1", "Corsican matricule (2B) with its history", "CORSE", "ANTHONY", "M",
            "1980-03-02", null, false, Expected.FOUND_WITH_HISTORY),
        new AcceptanceScenario("first-names", "each first name alone, then all: found on the second", "TCHITCHI",
            "OLA CATARINA BELLA", "F", "1936-06-21", null, false, Expected.FOUND),
        new AcceptanceScenario("CR01", "no identity after every first-name attempt", "HOUILLES",
            "PIERRE PAUL JACQUES", "M", "1993-01-27", null, false, Expected.NOT_FOUND),
        new AcceptanceScenario("CR02", "several identities without the birthplace", "DE VINCI", "LEONARDO", "M",
            "2014-02-01", null, false, Expected.SEVERAL_FOUND));
  }
}
