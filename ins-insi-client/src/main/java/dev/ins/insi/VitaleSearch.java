package dev.ins.insi;

import dev.ins.core.BirthName;
import dev.ins.core.Masking;
import dev.ins.core.Matricule;
import dev.ins.core.vitale.VitaleSelection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The request of a Carte Vitale search ({@code RECVITALE} and the ContexteBAM coverage), made in
 * one call from the beneficiary chosen on the card. It keeps the selection's card guard: the
 * client checks, right before sending, that the card is still the one in the reader (CNDA
 * 1.02/1.03), so there is no way to search for a beneficiary of a card that was swapped.
 *
 * <p>Masked {@code toString()}.
 *
 * <pre>{@code
 * VitaleSearch v = VitaleSearch.of(vitaleReader.select(readers, reader, card, 0));
 * InsiResult r = insi.searchWithVitale(v);
 * }</pre>
 */
public final class VitaleSearch {

  private final VitaleSelection selection;

  private VitaleSearch(VitaleSelection selection) {
    this.selection = Objects.requireNonNull(selection, "selection");
  }

  /**
   * Builds the request for a beneficiary chosen on a card.
   *
   * @param selection the selection, with its card guard
   * @return the request
   */
  public static VitaleSearch of(VitaleSelection selection) {
    return new VitaleSearch(selection);
  }

  /**
   * Returns the selection, with the guard of its card.
   *
   * @return the selection
   */
  public VitaleSelection selection() {
    return selection;
  }

  /**
   * Returns the insured person's (ouvrant droit) matricule, sent as {@code MatriculeOD} and
   * {@code ASSURE}.
   *
   * @return the matricule
   */
  public Matricule insured() {
    return selection.insured();
  }

  /**
   * Returns the beneficiary's own matricule, sent as {@code MatriculeIndividu} and
   * {@code BENEFICIAIRE/Nir}.
   *
   * @return the matricule, or empty when the card holds none
   */
  public Optional<Matricule> beneficiary() {
    return selection.beneficiary();
  }

  /**
   * Returns the birth name sent as {@code NomNaissance}.
   *
   * @return the name
   */
  public BirthName birthName() {
    return selection.birthName();
  }

  /**
   * Returns the birth date as sent ({@code DateNaissance}, {@code DateNai}): {@code YYYY-MM-DD},
   * {@code 00} for an unknown part (a lunar date).
   *
   * @return the date text
   */
  public String birthDate() {
    return selection.birthDate().format();
  }

  /**
   * Returns the rang gémellaire sent as {@code RangNaissance} and {@code Rang}.
   *
   * @return 1–9, or empty when the card reader could not read it (then not sent)
   */
  public OptionalInt rank() {
    return selection.rank();
  }

  /** Masked. */
  @Override
  public String toString() {
    return "VitaleSearch[insured=" + Masking.matricule(insured().value()) + ", beneficiary="
        + beneficiary().map(m -> Masking.matricule(m.value())).orElse("none") + ", birthDate="
        + Masking.date(birthDate()) + ", rank=" + (rank().isPresent() ? rank().getAsInt() : "unknown") + "]";
  }
}
