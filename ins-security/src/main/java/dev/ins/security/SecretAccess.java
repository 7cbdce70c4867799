package dev.ins.security;

/**
 * An explicit, greppable token required to read or import raw secret bytes.
 *
 * <p>Code that needs raw key bytes must write {@code SecretAccess.insecure()}, which makes every
 * place where secrets leave their wrapper easy to find in review.
 *
 * <pre>{@code
 * byte[] raw = secret.toByteArray(SecretAccess.insecure());
 * }</pre>
 */
public final class SecretAccess {
  private static final SecretAccess INSTANCE = new SecretAccess();

  private SecretAccess() {}

  /**
   * Returns the token. Each call site is a place where secret material is handled in clear.
   *
   * @return the token
   */
  public static SecretAccess insecure() {
    return INSTANCE;
  }
}
