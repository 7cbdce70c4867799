package dev.ins.core;

import java.util.Objects;

/**
 * An INS: a matricule together with the OID of its assigning authority. The pair is what INSi
 * returns, what a DataMatrix carries and what is exchanged for a qualified identity.
 *
 * <pre>{@code
 * InsIdentifier ins = InsIdentifier.of("279035121518989", "1.2.250.1.213.1.4.10");
 * ins.nature(); // NIR
 * }</pre>
 *
 * @param matricule the matricule, not null
 * @param oid the assigning authority, not null
 */
public record InsIdentifier(Matricule matricule, InsOid oid) {

  /**
   * Rejects nulls.
   *
   * @param matricule see the record component
   * @param oid see the record component
   */
  public InsIdentifier {
    Objects.requireNonNull(matricule, "matricule");
    Objects.requireNonNull(oid, "oid");
  }

  /**
   * Parses both parts.
   *
   * @param matricule the matricule text, as for {@link Matricule#parse}
   * @param oid the dotted OID, as for {@link InsOid#parse}
   * @return the identifier
   * @throws InsValidationException naming the part that is wrong
   */
  public static InsIdentifier of(CharSequence matricule, CharSequence oid) {
    return new InsIdentifier(Matricule.parse(matricule), InsOid.parse(oid));
  }

  /**
   * Returns the nature told by the OID.
   *
   * @return NIR or NIA
   */
  public MatriculeNature nature() {
    return oid.nature();
  }

  /** Masked form, e.g. {@code InsIdentifier[*************89, INS_NIR_TEST]}. */
  @Override
  public String toString() {
    return "InsIdentifier[" + Masking.matricule(matricule.value()) + ", " + oid + "]";
  }
}
