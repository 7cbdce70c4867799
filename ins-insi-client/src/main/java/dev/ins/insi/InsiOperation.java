package dev.ins.insi;

/**
 * The INSi operations used by the client.
 *
 * <pre>{@code
 * InsiOperation.SEARCH_BY_TRAITS.action(); // urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite
 * }</pre>
 */
public enum InsiOperation {
  /** rechercherInsAvecTraitsIdentite. */
  SEARCH_BY_TRAITS("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite"),
  /** rechercherInsAvecCarteVitale. */
  SEARCH_WITH_VITALE("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale");

  private final String action;

  InsiOperation(String action) {
    this.action = action;
  }

  /**
   * Returns the WS-Addressing action.
   *
   * @return the {@code wsa:Action} value
   */
  public String action() {
    return action;
  }
}
