/**
 * The link between a Carte Vitale read and an INSi search, in ins-core so that the card reader and
 * the INSi client, which never depend on each other, share it: {@link dev.ins.core.vitale.VitaleSelection}
 * (a beneficiary chosen on a card) and the {@link dev.ins.core.vitale.CardGuard} port that checks the
 * card was not swapped before the search is made (CNDA 1.02/1.03).
 *
 * <pre>{@code
 * VitaleSelection chosen = vitaleReader.select(readers, reader, card, 0);
 * InsiResult r = insi.searchWithVitale(chosen);
 * }</pre>
 */
package dev.ins.core.vitale;
