package dev.ins.insi;

import dev.ins.core.InsIdentifier;
import dev.ins.core.InsValidationException;
import dev.ins.core.InsOid;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import dev.ins.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A matricule INS and OID exactly as INSi returned them, with their strict reading by ins-core.
 *
 * <p>Invariant: the raw strings are always kept; {@link #identifier()} is present only when the
 * matricule (including its control key) and the OID are valid, otherwise {@link #violations()}
 * says why. A wrong key is therefore reported, never dropped. {@link #toString()} is masked.
 *
 * <pre>{@code
 * ReturnedIns ins = ReturnedIns.read("1090763220834", "89", "1.2.250.1.213.1.4.8", null, null);
 * ins.keyValid();                  // true
 * ins.identifier().get().oid();    // INS_NIR
 * }</pre>
 *
 * @param numIdentifiant the 13-character NIR/NIA as received
 * @param cle the key as received
 * @param oid the OID as received
 * @param dateDeb start of validity as received, or null
 * @param dateFin end of validity as received, or null
 * @param identifier the validated identifier, when valid
 * @param violations why the identifier is absent; empty when valid
 */
public record ReturnedIns(String numIdentifiant, String cle, String oid, String dateDeb, String dateFin,
    Optional<InsIdentifier> identifier, List<Violation> violations) {

  /**
   * Copies the violations.
   *
   * @param numIdentifiant see the record component
   * @param cle see the record component
   * @param oid see the record component
   * @param dateDeb see the record component
   * @param dateFin see the record component
   * @param identifier see the record component
   * @param violations see the record component
   */
  public ReturnedIns {
    violations = List.copyOf(violations);
    if (identifier.isPresent() != violations.isEmpty()) {
      throw new IllegalArgumentException("an identifier is present exactly when there is no violation");
    }
  }

  /**
   * Reads the raw parts strictly.
   *
   * @param num {@code NumIdentifiant}
   * @param cle {@code Cle}
   * @param oid {@code OID}
   * @param dateDeb {@code DateDeb} or null
   * @param dateFin {@code DateFin} or null
   * @return the reading, valid or not
   */
  public static ReturnedIns read(String num, String cle, String oid, String dateDeb, String dateFin) {
    List<Violation> v = new ArrayList<>();
    Matricule m = null;
    InsOid o = null;
    try {
      m = Matricule.parse((num == null ? "" : num) + (cle == null ? "" : cle));
      if (num == null || num.length() != 13 || cle == null || cle.length() != 2) {
        v.add(new Violation("matricule", dev.ins.core.ViolationCode.INVALID_LENGTH, -1,
            "NumIdentifiant must be 13 characters and Cle 2 digits"));
      }
    } catch (InsValidationException e) {
      v.addAll(e.violations());
    }
    try {
      o = InsOid.parse(oid);
    } catch (InsValidationException e) {
      v.addAll(e.violations());
    }
    Optional<InsIdentifier> id = v.isEmpty() ? Optional.of(new InsIdentifier(m, o)) : Optional.empty();
    return new ReturnedIns(num, cle, oid, dateDeb, dateFin, id, v);
  }

  /**
   * Tells whether the control key matches the 13 characters received.
   *
   * @return true when {@code Cle} is the mod-97 key of {@code NumIdentifiant}
   */
  public boolean keyValid() {
    if (numIdentifiant == null || cle == null) {
      return false;
    }
    try {
      return Matricule.computeKey(numIdentifiant).equals(cle);
    } catch (InsValidationException e) {
      return false;
    }
  }

  /**
   * Tells whether the identifier is valid.
   *
   * @return true when {@link #identifier()} is present
   */
  public boolean isValid() {
    return identifier.isPresent();
  }

  /**
   * Returns the 15-character matricule as received (13 + key), valid or not.
   *
   * @return the concatenation, patient data: do not log
   */
  public String rawMatricule() {
    return (numIdentifiant == null ? "" : numIdentifiant) + (cle == null ? "" : cle);
  }

  /** Masked. */
  @Override
  public String toString() {
    return "ReturnedIns[" + Masking.matricule(rawMatricule()) + ", oid=" + oid + ", valid=" + isValid()
        + ", violations=" + violations + "]";
  }
}
