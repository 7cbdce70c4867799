package dev.ins.insi;

import java.util.Objects;
import java.util.UUID;

/**
 * The calling software as declared in the {@code ContexteLPS} header.
 *
 * <p>Invariants: every part is non-blank; {@code idam} is the CNDA authorisation number (sent as
 * {@code IDAM R="4"}); {@code instance} identifies the installed instance and should be stable
 * across restarts.
 *
 * <pre>{@code
 * LpsSoftware sw = new LpsSoftware("TESTSGIE0000", "MonLogiciel", "2.1.0",
 *     UUID.fromString("0d8a0f64-6d7c-4b8e-9a4c-2b0c1f6a9e11"));
 * sw.lpsName(); // "urn:lps:MonLogiciel:2.1.0"
 * }</pre>
 *
 * @param idam the authorisation number (numéro d'autorisation CNDA)
 * @param name the software name
 * @param version the software version
 * @param instance the instance UUID
 */
public record LpsSoftware(String idam, String name, String version, UUID instance) {

  /**
   * Validates the parts.
   *
   * @param idam see the record component
   * @param name see the record component
   * @param version see the record component
   * @param instance see the record component
   */
  public LpsSoftware {
    requireText(idam, "idam");
    requireText(name, "name");
    requireText(version, "version");
    Objects.requireNonNull(instance, "instance");
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("software " + what + " is required");
    }
  }

  /**
   * Returns the {@code LPS/Nom} value, following the peers' convention {@code urn:lps:<name>:<version>}.
   *
   * @return the name URN
   */
  public String lpsName() {
    return "urn:lps:" + name + ":" + version;
  }
}
