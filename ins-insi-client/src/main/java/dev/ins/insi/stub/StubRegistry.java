package dev.ins.insi.stub;

import dev.ins.core.Matricule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The identities a stub server answers from. {@link #publicTestIdentities()} holds the identities
 * published for the INSi test environment and the CNDA kit (see the module documentation), with
 * their CNDA behaviours; vendors add their own with {@link #add}. Thread-safe.
 *
 * <pre>{@code
 * String nir = "2900175056001";
 * StubRegistry reg = StubRegistry.publicTestIdentities()
 *     .add(StubIdentity.of("MYTEST", "ANNE", "F", "1990-01-01", "75056", nir, Matricule.computeKey(nir),
 *         StubRegistry.OID_NIR));
 * }</pre>
 */
public final class StubRegistry {

  /** OID of the NIR. */
  public static final String OID_NIR = "1.2.250.1.213.1.4.8";
  /** OID of the NIA. */
  public static final String OID_NIA = "1.2.250.1.213.1.4.9";

  private final List<StubIdentity> identities = new CopyOnWriteArrayList<>();

  private StubRegistry() {}

  /**
   * Returns an empty registry.
   *
   * @return the registry
   */
  public static StubRegistry empty() {
    return new StubRegistry();
  }

  /**
   * Returns a registry with the public test identities:
   * ADRTROIS DOMINIQUE and TOUSSAINT (Corsica), ADRUN ZOE, ECETINSI PIERRE-ALAIN (history, CNDA 2.04),
   * PROVISOIRE MATRICULE (NIA OID, CNDA 2.05), CORSE ANTHONY (CNDA 2.08 cas 1), HERMANN GATIEN
   * (CNDA 2.08 cas 2, served with the keys of the published file, which do not match), TCHITCHI
   * (answers CATARINA only, ListePrenom "CATARINA BELLA"), and two DE VINCI LEONARDO (CR 02 without
   * birthplace; their matricules are synthetic and told apart by birthplace 63220 / 75056).
   * D'ARTAGNAN DE L'HERAULT PIERRE-ALAIN (CNDA 2.03 cas 1, synthetic matricule).
   * HOUILLES PIERRE PAUL JACQUES is deliberately absent (CR 01).
   *
   * @return the registry
   */
  public static StubRegistry publicTestIdentities() {
    StubRegistry r = new StubRegistry();
    r.add(StubIdentity.of("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "2A020", "297022A020778", "78", OID_NIR));
    r.add(StubIdentity.of("ADRTROIS", "TOUSSAINT", "M", "1960-01-01", "2B020", "160012B020777", "13", OID_NIR));
    r.add(StubIdentity.of("ADRUN", "ZOE", "F", "1975-12-31", "63220", "2751263220749", "74", OID_NIR));
    r.add(StubIdentity.of("TCHITCHI", "CATARINA BELLA", "F", "1936-06-21", "63220", "2360663220836", "56",
        OID_NIR));
    r.add(StubIdentity.of("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220",
        "1090763220834", "89", OID_NIR)
        .withHistory("2090763220834", "39", OID_NIR, "2019-03-01", "2019-02-28")
        .withHistory("2090663220123", "55", OID_NIR, null, null));
    r.add(StubIdentity.of("PROVISOIRE", "MATRICULE", "M", "2009-07-01", "63220", "1090763220888", "35", OID_NIA));
    r.add(StubIdentity.of("CORSE", "ANTHONY", "M", "1980-03-02", "2B020", "180032B020401", "23", OID_NIR)
        .withHistory("180032B020401", "23", OID_NIR, null, null));
    r.add(StubIdentity.of("HERMANN", "GATIEN", "M", "1981-03-24", "63220", "1810363220456", "60", OID_NIR)
        .withHistory("1810363220456", "60", OID_NIR, null, null)
        .withHistory("2810363220456", "10", OID_NIR, null, null));
    // CNDA 2.03 cas 1 (apostrophes and spaces in the birth name); the matricule is synthetic.
    r.add(StubIdentity.of("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", "M", "2001-06-17", "63220", "1010663220901",
        Matricule.computeKey("1010663220901"), OID_NIR));
    for (String[] dv : new String[][] {{"1140263220901", "63220"}, {"1140275056902", "75056"}}) {
      r.add(StubIdentity.of("DE VINCI", "LEONARDO", "M", "2014-02-01", dv[1], dv[0], Matricule.computeKey(dv[0]),
          OID_NIR));
    }
    return r;
  }

  /**
   * Adds an identity.
   *
   * @param identity the identity
   * @return this registry
   */
  public StubRegistry add(StubIdentity identity) {
    identities.add(java.util.Objects.requireNonNull(identity, "identity"));
    return this;
  }

  /**
   * Returns the identities matching a request.
   *
   * @param name NomNaissance
   * @param prenoms Prenom values
   * @param sex Sexe
   * @param date DateNaissance
   * @param place LieuNaissance or null
   * @return the matches
   */
  public List<StubIdentity> find(String name, List<String> prenoms, String sex, String date, String place) {
    List<StubIdentity> out = new ArrayList<>();
    for (StubIdentity i : identities) {
      if (i.matches(name, prenoms, sex, date, place)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Returns the identities whose active matricule is this NIR (Carte Vitale search).
   *
   * @param nir the 13-character NIR
   * @return the matches
   */
  public List<StubIdentity> findByNir(String nir) {
    List<StubIdentity> out = new ArrayList<>();
    for (StubIdentity i : identities) {
      if (i.nir().equals(nir)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Returns all identities.
   *
   * @return a snapshot
   */
  public List<StubIdentity> all() {
    return List.copyOf(identities);
  }
}
