package dev.ins.interop.hl7;

/**
 * The IHE PAM France ADT events that carry a patient identity, with the HL7 v2.5 message structure
 * each uses.
 *
 * <pre>{@code
 * Message m = HapiPidIns.toAdt(identity, AdtEvent.A28, header);   // ADT^A28^ADT_A05
 * }</pre>
 */
public enum AdtEvent {
  /** Register a patient (outpatient visit); structure ADT_A01, with a PV1 segment. */
  A04("ADT_A01", true),
  /** Update patient information; structure ADT_A01, with a PV1 segment. */
  A08("ADT_A01", true),
  /** Add person information; structure ADT_A05. */
  A28("ADT_A05", false),
  /** Update person information; structure ADT_A05. */
  A31("ADT_A05", false);

  private final String structure;
  private final boolean visit;

  AdtEvent(String structure, boolean visit) {
    this.structure = structure;
    this.visit = visit;
  }

  /**
   * Returns the message structure (MSH-9.3).
   *
   * @return {@code ADT_A01} or {@code ADT_A05}
   */
  public String structure() {
    return structure;
  }

  /**
   * Tells whether the structure carries a visit (a PV1 segment, required by ADT_A01).
   *
   * @return true for A04 and A08
   */
  public boolean hasVisit() {
    return visit;
  }
}
