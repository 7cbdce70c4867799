/**
 * IHE PAM France ADT messages as HAPI v2 objects, on ins-core's PID mapping: {@link
 * dev.ins.interop.hl7.HapiPidIns} builds A04/A08/A28/A31 messages and reads the PID of any message.
 *
 * <pre>{@code
 * Message adt = HapiPidIns.toAdt(identity, AdtEvent.A28, header);
 * PidIns back = HapiPidIns.read(adt);
 * }</pre>
 */
package dev.ins.interop.hl7;
