package dev.ins.insi;

import java.util.List;
import org.w3c.dom.Element;

/**
 * Supplies the Carte Vitale assertion(s) added to {@code wsse:Security} for
 * {@link InsiClient#searchWithVitale}. The assertion comes from the GIE SESAM-Vitale components
 * the caller uses to read the card; its format is not public, so it is passed through unchanged.
 *
 * <pre>{@code
 * VitaleAssertionProvider fromMiddleware = vitale -> List.of(middleware.assertionFor(vitale.rank()));
 * }</pre>
 */
@FunctionalInterface
public interface VitaleAssertionProvider {

  /**
   * Returns the assertion elements for the selected beneficiary.
   *
   * @param vitale the beneficiary being searched
   * @return the elements, possibly empty
   */
  List<Element> assertions(VitaleSearch vitale);
}
