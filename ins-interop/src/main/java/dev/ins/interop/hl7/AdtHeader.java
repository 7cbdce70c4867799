package dev.ins.interop.hl7;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The message header values an ADT message needs (MSH-3 to MSH-7, MSH-10, MSH-11). Patient data
 * never goes here.
 *
 * <p>Invariants: applications and facilities may be empty but not null; the control id is 1 to 20
 * characters; the processing id is {@code P} (production), {@code T} (training) or {@code D}
 * (debugging).
 *
 * <pre>{@code
 * AdtHeader h = new AdtHeader("MYGAM", "CLINIQUE", "DPI", "CLINIQUE", "MSG0001",
 *     LocalDateTime.of(2026, 12, 3, 10, 15, 0), "P");
 * }</pre>
 *
 * @param sendingApplication MSH-3.1
 * @param sendingFacility MSH-4.1
 * @param receivingApplication MSH-5.1
 * @param receivingFacility MSH-6.1
 * @param controlId MSH-10, unique per message
 * @param at MSH-7 and EVN-2, local time of the sender
 * @param processingId MSH-11: P, T or D
 */
public record AdtHeader(String sendingApplication, String sendingFacility, String receivingApplication,
    String receivingFacility, String controlId, LocalDateTime at, String processingId) {

  /**
   * Validates the values.
   *
   * @param sendingApplication see the record component
   * @param sendingFacility see the record component
   * @param receivingApplication see the record component
   * @param receivingFacility see the record component
   * @param controlId see the record component
   * @param at see the record component
   * @param processingId see the record component
   * @throws IllegalArgumentException when a value breaks an invariant
   */
  public AdtHeader {
    Objects.requireNonNull(sendingApplication, "sendingApplication");
    Objects.requireNonNull(sendingFacility, "sendingFacility");
    Objects.requireNonNull(receivingApplication, "receivingApplication");
    Objects.requireNonNull(receivingFacility, "receivingFacility");
    Objects.requireNonNull(controlId, "controlId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(processingId, "processingId");
    if (controlId.isEmpty() || controlId.length() > 20) {
      throw new IllegalArgumentException("controlId must have 1 to 20 characters, got " + controlId.length());
    }
    if (!processingId.equals("P") && !processingId.equals("T") && !processingId.equals("D")) {
      throw new IllegalArgumentException("processingId must be P, T or D");
    }
  }
}
