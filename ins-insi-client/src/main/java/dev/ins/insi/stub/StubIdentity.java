package dev.ins.insi.stub;

import dev.ins.core.Masking;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An identity the stub server knows, with the data it returns as-is (keys are not checked, so a
 * vendor can serve a wrong key on purpose).
 *
 * <p>Matching rule of the stub: same birth name, sex and birth date; the {@code Prenom} sent is
 * either the whole {@code ListePrenom} or one of its first names; the birthplace, when sent, is
 * equal. Masked {@code toString()}.
 *
 * <pre>{@code
 * StubIdentity id = StubIdentity.of("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220",
 *     "1090763220834", "89", "1.2.250.1.213.1.4.8");
 * }</pre>
 *
 * @param birthName NomNaissance
 * @param firstNames ListePrenom
 * @param sex Sexe
 * @param birthDate DateNaissance
 * @param birthplace LieuNaissance
 * @param nir active NumIdentifiant
 * @param key active Cle
 * @param oid active OID
 * @param history INSHISTO entries
 */
public record StubIdentity(String birthName, String firstNames, String sex, String birthDate, String birthplace,
    String nir, String key, String oid, List<History> history) {

  /**
   * A former matricule.
   *
   * @param nir NumIdentifiant
   * @param key Cle
   * @param oid OID
   * @param dateDeb DateDeb or null
   * @param dateFin DateFin or null
   */
  public record History(String nir, String key, String oid, String dateDeb, String dateFin) {
    /** Masked. */
    @Override
    public String toString() {
      return "History[" + Masking.matricule(nir + key) + "]";
    }
  }

  /**
   * Rejects nulls and copies the history.
   *
   * @param birthName see the record component
   * @param firstNames see the record component
   * @param sex see the record component
   * @param birthDate see the record component
   * @param birthplace see the record component
   * @param nir see the record component
   * @param key see the record component
   * @param oid see the record component
   * @param history see the record component
   */
  public StubIdentity {
    Objects.requireNonNull(birthName, "birthName");
    Objects.requireNonNull(firstNames, "firstNames");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(birthplace, "birthplace");
    Objects.requireNonNull(nir, "nir");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(oid, "oid");
    history = List.copyOf(history);
  }

  /**
   * Creates an identity without history.
   *
   * @param birthName NomNaissance
   * @param firstNames ListePrenom
   * @param sex Sexe
   * @param birthDate DateNaissance
   * @param birthplace LieuNaissance
   * @param nir NumIdentifiant
   * @param key Cle
   * @param oid OID
   * @return the identity
   */
  public static StubIdentity of(String birthName, String firstNames, String sex, String birthDate, String birthplace,
      String nir, String key, String oid) {
    return new StubIdentity(birthName, firstNames, sex, birthDate, birthplace, nir, key, oid, List.of());
  }

  /**
   * Returns a copy with one more history entry.
   *
   * @param nir NumIdentifiant
   * @param key Cle
   * @param oid OID
   * @param dateDeb DateDeb or null
   * @param dateFin DateFin or null
   * @return the new identity
   */
  public StubIdentity withHistory(String nir, String key, String oid, String dateDeb, String dateFin) {
    History[] h = history.toArray(new History[0]);
    History[] more = Arrays.copyOf(h, h.length + 1);
    more[h.length] = new History(nir, key, oid, dateDeb, dateFin);
    return new StubIdentity(birthName, firstNames, sex, birthDate, birthplace, this.nir, this.key, this.oid,
        List.of(more));
  }

  /**
   * Tells whether a request matches this identity (see the class comment).
   *
   * @param name NomNaissance sent
   * @param prenoms Prenom values sent
   * @param sexSent Sexe sent
   * @param date DateNaissance sent
   * @param place LieuNaissance sent, or null
   * @return true when it matches
   */
  public boolean matches(String name, List<String> prenoms, String sexSent, String date, String place) {
    if (!birthName.equals(name) || !sex.equals(sexSent) || !birthDate.equals(date)) {
      return false;
    }
    if (place != null && !birthplace.equals(place)) {
      return false;
    }
    String sent = String.join(" ", prenoms);
    if (sent.equals(firstNames)) {
      return true;
    }
    return prenoms.size() == 1 && !sent.contains(" ") && Arrays.asList(firstNames.split(" ")).contains(sent);
  }

  /** Masked. */
  @Override
  public String toString() {
    return "StubIdentity[" + Masking.matricule(nir + key) + ", oid=" + oid + ", history=" + history.size() + "]";
  }
}
