package dev.ins.security.internal;

import dev.ins.security.InsCryptoException;
import dev.ins.security.InsCryptoException.Code;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Refuses to run on a Bouncy Castle older than 1.85 (32 CVEs fixed there, one critical). */
public final class BouncyCastle {
  /** The oldest accepted version, as major * 1000 + minor. */
  public static final int MINIMUM = 1085;

  private static volatile boolean checked;

  private BouncyCastle() {}

  /** Checks the provider on the class path once; throws when it is too old. */
  public static void require() {
    if (!checked) {
      requireVersion(new BouncyCastleProvider().getVersionStr());
      checked = true;
    }
  }

  /**
   * Checks a version string such as {@code "1.87"} or {@code "1.85.1"}.
   *
   * @param version the provider's version string
   * @throws InsCryptoException UNSUPPORTED_PROVIDER when below 1.85 or unreadable
   */
  public static void requireVersion(String version) {
    int v;
    try {
      String[] parts = version.trim().split("\\.");
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts.length > 1 ? parts[1].replaceAll("[^0-9].*$", "") : "0");
      v = major * 1000 + minor;
    } catch (RuntimeException e) {
      throw new InsCryptoException(
          Code.UNSUPPORTED_PROVIDER, "bouncycastle.version", "unreadable version '" + version + "'", e);
    }
    if (v < MINIMUM) {
      throw new InsCryptoException(
          Code.UNSUPPORTED_PROVIDER,
          "bouncycastle.version",
          "Bouncy Castle " + version + " is older than 1.85, which fixed critical CVEs; upgrade to 1.87+");
    }
  }
}
