package dev.ins.insi;

import dev.ins.core.vitale.VitaleSelection;
import dev.ins.core.InsIdentifier;
import dev.ins.core.Traits;

/**
 * The INSi port: search an INS by traits, search with Carte Vitale data, verify an INS held.
 *
 * <p>Thread-safe. Expected outcomes (found, not found, several) are {@link InsiResult} values;
 * SOAP faults, transport failures and unreadable responses are {@link InsiException}s.
 *
 * <pre>{@code
 * try (InsiClient client = InsiClient.builder()
 *     .environment(InsiEnvironment.TEST)
 *     .software(new LpsSoftware("TESTSGIE0000", "MonLogiciel", "2.1.0", instanceId))
 *     .emitter("10B0152872")
 *     .transport(HttpClientTransport.builder().pkcs12(p12, pwd).trustedRoots(roots).build())
 *     .build()) {
 *   InsiResult r = client.searchByTraits(Traits.fromTyped("Ecetinsi", "Pierre-Alain Muriel Floriant",
 *       BirthDate.parse("2009-07-14"), Sex.MALE, "63220"));
 * }
 * }</pre>
 */
public interface InsiClient extends AutoCloseable {

  /**
   * Searches by traits (rechercherInsAvecTraitsIdentite) with the configured first-name strategy.
   *
   * @param traits the traits; the sex must be M or F
   * @return found, not found or several found, with every attempt
   * @throws dev.ins.core.InsValidationException when the traits cannot be sent (sex unknown)
   * @throws InsiException on a fault, a transport failure or an unreadable response
   */
  InsiResult searchByTraits(Traits traits);

  /**
   * Searches with the data of a Carte Vitale (rechercherInsAvecCarteVitale). First asks the
   * selection's card guard whether the card is still the one in the reader (CNDA 1.02/1.03) and
   * refuses anything else before any call; then sends the {@code RECVITALE} body with the
   * ContexteBAM COUVERTURE filled and the Vitale assertion from the configured provider. The check
   * is part of the result ({@link InsiResult#cardCheck()}).
   *
   * @param vitale the request made from the beneficiary selected on the card
   * @return found, not found or several found
   * @throws VitaleCardChangedException when the card was swapped or removed (no call made)
   * @throws InsiException on a fault, a transport failure or an unreadable response
   */
  InsiResult searchWithVitale(VitaleSearch vitale);

  /**
   * Searches with the beneficiary chosen on a Carte Vitale, in one call: see
   * {@link #searchWithVitale(VitaleSearch)}.
   *
   * @param selection the beneficiary chosen on the card, with its card guard
   * @return found, not found or several found
   * @throws VitaleCardChangedException when the card was swapped or removed (no call made)
   * @throws InsiException on a fault, a transport failure or an unreadable response
   */
  default InsiResult searchWithVitale(VitaleSelection selection) {
    return searchWithVitale(VitaleSearch.of(selection));
  }

  /**
   * Verifies an INS held locally: by default a search by traits followed by a strict comparison
   * of matricule, OID and traits (see {@link InsiVerifier}).
   *
   * @param ins the INS held
   * @param traits the traits held
   * @return the verdict with the underlying search
   * @throws InsiException on a fault, a transport failure or an unreadable response
   */
  Verification verify(InsIdentifier ins, Traits traits);

  /** Releases the transport. */
  @Override
  void close();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static InsiClientBuilder builder() {
    return new InsiClientBuilder();
  }
}
