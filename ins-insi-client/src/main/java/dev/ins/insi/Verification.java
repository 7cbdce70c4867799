package dev.ins.insi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of verifying an INS already held against INSi.
 *
 * <p>Invariant: {@link #mismatches()} is empty exactly when the status is {@link Status#CONFIRMED}
 * or the search did not find exactly one identity.
 *
 * <pre>{@code
 * Verification v = client.verify(ins, traits);
 * if (v.status() == Verification.Status.MISMATCH) {
 *   v.mismatches(); // e.g. [MATRICULE]
 * }
 * }</pre>
 *
 * @param status the verdict
 * @param mismatches what differed when an identity was found
 * @param search the underlying search result
 */
public record Verification(Status status, Set<Field> mismatches, InsiResult search) {

  /** The verdict. */
  public enum Status {
    /** One identity, same matricule, same OID, same traits. */
    CONFIRMED,
    /** One identity, but something differs (see {@link #mismatches()}). */
    MISMATCH,
    /** No identity (CR 01). */
    NOT_FOUND,
    /** Several identities (CR 02). */
    SEVERAL_FOUND
  }

  /** What is compared. */
  public enum Field {
    /** The active matricule (13 + key), or the returned one is invalid. */
    MATRICULE,
    /** The OID. */
    OID,
    /** Nom de naissance. */
    BIRTH_NAME,
    /** Liste des prénoms. */
    FIRST_NAMES,
    /** Sexe. */
    SEX,
    /** Date de naissance. */
    BIRTH_DATE,
    /** Lieu de naissance (compared when the held traits have one). */
    BIRTHPLACE,
    /** The returned traits are invalid and cannot be compared. */
    TRAITS
  }

  /**
   * Validates and copies.
   *
   * @param status see the record component
   * @param mismatches see the record component
   * @param search see the record component
   */
  public Verification {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(search, "search");
    mismatches = mismatches.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mismatches));
    if ((status == Status.MISMATCH) == mismatches.isEmpty()) {
      throw new IllegalArgumentException("mismatches are listed exactly for MISMATCH");
    }
  }
}
