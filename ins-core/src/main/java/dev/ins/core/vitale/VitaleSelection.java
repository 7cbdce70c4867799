package dev.ins.core.vitale;

import dev.ins.core.BirthDate;
import dev.ins.core.BirthName;
import dev.ins.core.FirstNames;
import dev.ins.core.InsValidationException;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import dev.ins.core.ViolationCode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A beneficiary chosen on a Carte Vitale, with the guard of the card it was read from: what an
 * INSi search with the card needs (the insured person's matricule, the beneficiary's own matricule
 * when the card holds one, birth name, first name, birth date, rank when known) and the means to
 * check, at search time, that the card was not swapped.
 *
 * <p>Invariants: the insured matricule, name, first name, birth date and guard are present; the
 * rank, when known, is 1–9; the position is within the card's beneficiaries. It is made by the card
 * reader (or the vendor's card middleware), not typed in. {@link #toString()} masks every value.
 *
 * <pre>{@code
 * VitaleSelection chosen = vitaleReader.select(readers, reader, card, 0);   // ins-cardreader
 * InsiResult r = insi.searchWithVitale(chosen);                             // checks the card, then searches
 * }</pre>
 */
public final class VitaleSelection {

  private final Matricule insured;
  private final Matricule beneficiary;
  private final BirthName birthName;
  private final FirstNames firstName;
  private final BirthDate birthDate;
  private final int rank;
  private final int position;
  private final int beneficiaries;
  private final CardGuard guard;

  private VitaleSelection(Matricule insured, Matricule beneficiary, BirthName birthName, FirstNames firstName,
      BirthDate birthDate, int rank, int position, int beneficiaries, CardGuard guard) {
    this.insured = Objects.requireNonNull(insured, "insured");
    this.beneficiary = beneficiary;
    this.birthName = Objects.requireNonNull(birthName, "birthName");
    this.firstName = Objects.requireNonNull(firstName, "firstName");
    this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
    this.guard = Objects.requireNonNull(guard, "guard");
    if (rank != 0 && (rank < 1 || rank > 9)) {
      throw InsValidationException.of("vitale.rank", ViolationCode.INVALID_FORMAT, -1, "rank must be 1-9 when known");
    }
    if (beneficiaries < 1 || position < 0 || position >= beneficiaries) {
      throw InsValidationException.of("vitale.position", ViolationCode.INVALID_FORMAT, -1,
          "position must be within the card's beneficiaries");
    }
    this.rank = rank;
    this.position = position;
    this.beneficiaries = beneficiaries;
  }

  /**
   * Records the choice of a beneficiary on a card.
   *
   * @param insured the insured person's (ouvrant droit) matricule
   * @param beneficiary the beneficiary's own matricule, or null when the card holds none
   * @param birthName the beneficiary's birth name as on the card
   * @param firstName the beneficiary's first name as on the card
   * @param birthDate the beneficiary's birth date as on the card
   * @param rank the rang gémellaire 1–9, or 0 when the card reader cannot read it
   * @param position the beneficiary's position on the card, from 0
   * @param beneficiaries how many beneficiaries the card holds
   * @param guard checks that the card is still in the reader
   * @return the selection
   * @throws InsValidationException when the rank or the position is out of range
   */
  public static VitaleSelection of(Matricule insured, Matricule beneficiary, BirthName birthName,
      FirstNames firstName, BirthDate birthDate, int rank, int position, int beneficiaries, CardGuard guard) {
    return new VitaleSelection(insured, beneficiary, birthName, firstName, birthDate, rank, position,
        beneficiaries, guard);
  }

  /**
   * Returns the insured person's matricule (MatriculeOD).
   *
   * @return the matricule
   */
  public Matricule insured() {
    return insured;
  }

  /**
   * Returns the beneficiary's own matricule (MatriculeIndividu).
   *
   * @return the matricule, or empty when the card holds none
   */
  public Optional<Matricule> beneficiary() {
    return Optional.ofNullable(beneficiary);
  }

  /**
   * Returns the birth name as on the card.
   *
   * @return the name
   */
  public BirthName birthName() {
    return birthName;
  }

  /**
   * Returns the first name as on the card.
   *
   * @return the first name
   */
  public FirstNames firstName() {
    return firstName;
  }

  /**
   * Returns the birth date as on the card.
   *
   * @return the date
   */
  public BirthDate birthDate() {
    return birthDate;
  }

  /**
   * Returns the rang gémellaire.
   *
   * @return 1–9, or empty when unknown (never guessed)
   */
  public OptionalInt rank() {
    return rank == 0 ? OptionalInt.empty() : OptionalInt.of(rank);
  }

  /**
   * Returns the beneficiary's position on the card.
   *
   * @return from 0
   */
  public int position() {
    return position;
  }

  /**
   * Returns how many beneficiaries the card holds.
   *
   * @return at least 1
   */
  public int beneficiaries() {
    return beneficiaries;
  }

  /**
   * Returns the guard of the card this selection was made on.
   *
   * @return the guard
   */
  public CardGuard guard() {
    return guard;
  }

  /** Masked: position and rank only. */
  @Override
  public String toString() {
    return "VitaleSelection[beneficiary " + (position + 1) + "/" + beneficiaries + ", insured="
        + Masking.matricule(insured.value()) + ", rank=" + (rank == 0 ? "unknown" : rank) + ", names=***]";
  }
}
