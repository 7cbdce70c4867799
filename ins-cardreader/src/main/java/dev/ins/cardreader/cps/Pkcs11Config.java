package dev.ins.cardreader.cps;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the PKCS#11 module is and which slot to use: Cryptolib CPS for real CPS cards, SoftHSM2 in
 * tests. SunPKCS11 has no token-label selector, hence the slot index.
 *
 * <pre>{@code
 * Pkcs11Config cfg = Pkcs11Config.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"), 0);
 * }</pre>
 *
 * @param name a short provider name (letters and digits), e.g. {@code "CPS"}
 * @param library the PKCS#11 module file
 * @param slotListIndex the slot's index in the module's slot list, 0 or more
 */
public record Pkcs11Config(String name, Path library, int slotListIndex) {

  /**
   * Validates.
   *
   * @param name see the record component
   * @param library see the record component
   * @param slotListIndex see the record component
   */
  public Pkcs11Config {
    Objects.requireNonNull(library, "library == null");
    if (name == null || !name.matches("[A-Za-z0-9]{1,32}")) {
      throw new IllegalArgumentException("name: 1 to 32 letters or digits, got " + name);
    }
    if (slotListIndex < 0) {
      throw new IllegalArgumentException("slotListIndex: 0 or more, got " + slotListIndex);
    }
  }

  /**
   * A configuration named {@code CPS}.
   *
   * @param library the PKCS#11 module file
   * @param slotListIndex the slot index
   * @return the configuration
   */
  public static Pkcs11Config of(Path library, int slotListIndex) {
    return new Pkcs11Config("CPS", library, slotListIndex);
  }

  String sunPkcs11Text() {
    return "--name=" + name + "\nlibrary=" + library.toAbsolutePath() + "\nslotListIndex=" + slotListIndex + "\n";
  }
}
