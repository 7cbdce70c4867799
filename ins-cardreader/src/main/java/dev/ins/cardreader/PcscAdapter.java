package dev.ins.cardreader;

import java.util.Locale;

/**
 * The PC/SC providers the SDK can go through. The choice of vendor is made here and nowhere else.
 *
 * <pre>{@code
 * CardReaders.pcsc(PcscAdapter.fromName("jdk"));
 * }</pre>
 */
public enum PcscAdapter {
  /** jnasmartcardio over JNA: re-establishes its context after a pcscd restart. */
  JNASMARTCARDIO("jnasmartcardio"),
  /** The JDK's own {@code javax.smartcardio} provider (SunPCSC). */
  JDK("jdk");

  private final String cliName;

  PcscAdapter(String cliName) {
    this.cliName = cliName;
  }

  /**
   * Returns the short name used on command lines.
   *
   * @return {@code "jnasmartcardio"} or {@code "jdk"}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Finds an adapter by its short name.
   *
   * @param name {@code jnasmartcardio} or {@code jdk}, case-insensitive
   * @return the adapter
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PcscAdapter fromName(String name) {
    for (PcscAdapter a : values()) {
      if (a.cliName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("adapter: expected jnasmartcardio or jdk, got " + name);
  }
}
