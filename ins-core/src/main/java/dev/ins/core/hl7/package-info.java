/**
 * HL7 v2 (IHE PAM France): the INS fields of the PID segment, with HL7 escaping.
 *
 * <pre>{@code
 * String pid = PidIns.format(identity);
 * PidIns read = PidIns.parseMessage(er7Message);
 * }</pre>
 */
package dev.ins.core.hl7;
