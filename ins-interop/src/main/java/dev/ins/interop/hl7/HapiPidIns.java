package dev.ins.interop.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import dev.ins.core.Identity;
import dev.ins.core.IdentityEvent;
import dev.ins.core.InsValidationException;
import dev.ins.core.ViolationCode;
import dev.ins.core.hl7.Hl7Encoding;
import dev.ins.core.hl7.PidIns;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An identity in the PID segment of a HAPI v2 ADT message (IHE PAM France, HL7 v2.5), both ways,
 * on ins-core's PID mapping ({@link PidIns}): one mapping, two surfaces.
 *
 * <p>Writing: ins-core writes the PID; HAPI's parser turns it and a header into a message object of
 * the event's structure ({@code ADT_A01} for A04/A08 with a {@code PV1|1|N}, {@code ADT_A05} for
 * A28/A31), and HAPI's terser fills MSH and EVN. Encoding that message with HAPI gives the PID
 * ins-core writes, character for character. Reading: HAPI's terser finds the PID wherever the
 * structure puts it, HAPI encodes it with the message's own delimiters, and ins-core's reader checks
 * it (RNIV rules, every broken rule at once under {@code PID-n} paths). Escaping of delimiters is
 * HAPI's on the HAPI side.
 *
 * <p>The identity's RNIV invariants are ins-core's, as for {@link PidIns}: a VALI or QUAL identity
 * needs its document check (validation mode and date), which neither the PID nor PAM France's ZFD
 * carries. Pass the one the receiving side holds for this patient
 * ({@link #read(Message, IdentityEvent.DocumentChecked)}); without it, a PID declaring VALI or QUAL
 * (or the legacy VALI with an INS) is refused with {@link ViolationCode#DOCUMENT_CHECK_REQUIRED}
 * under {@code PID-32}. A RECUP or QUAL identity read carries the justification ins-core declares
 * for PID-32 ({@link dev.ins.core.InsiJustification.Declared}).
 *
 * <p>Messages are parsed into HL7 v2.5 classes whatever MSH-12 says, without HAPI's own field
 * validation (ins-core validates the INS fields; the rest of the message is the vendor's).
 *
 * <pre>{@code
 * Message adt = HapiPidIns.toAdt(identity, AdtEvent.A28, header);
 * String er7 = HapiPidIns.encode(adt);
 * PidIns prov = HapiPidIns.read(HapiPidIns.parse(er7));   // PROV or RECUP; VALI/QUAL refused
 * PidIns qual = HapiPidIns.read(HapiPidIns.parse(er7),
 *     new IdentityEvent.DocumentChecked(ValidationMode.NATIONAL_ID_CARD, checkedOn));
 * }</pre>
 */
public final class HapiPidIns {

  /** The longest message {@link #parse(String)} accepts, in characters. */
  public static final int MAX_LENGTH = PidIns.MAX_LENGTH;

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final HapiContext CONTEXT = newContext();

  private HapiPidIns() {}

  private static HapiContext newContext() {
    HapiContext c = new DefaultHapiContext(new CanonicalModelClassFactory("2.5"));
    c.setValidationContext(ValidationContextFactory.noValidation());
    return c;
  }

  /**
   * Returns the HAPI context this class parses with: HL7 v2.5 classes for every message, no HAPI
   * field validation. Shared; do not reconfigure it.
   *
   * @return the context
   */
  public static HapiContext context() {
    return CONTEXT;
  }

  /**
   * Builds an ADT message for an identity: MSH, EVN, the PID ins-core writes (the INS only for a
   * QUAL identity), and {@code PV1|1|N} for the structures that require a visit.
   *
   * @param identity the identity
   * @param event the ADT event
   * @param header the message header values
   * @return a HAPI message of the event's structure
   * @throws InsValidationException when ins-core cannot write the identity (a birth date with a day
   *     but no month)
   */
  public static Message toAdt(Identity identity, AdtEvent event, AdtHeader header) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(header, "header");
    String ts = TS.format(header.at());
    StringBuilder er7 = new StringBuilder();
    er7.append("MSH|^~\\&|||||").append(ts).append("||ADT^").append(event.name()).append('^')
        .append(event.structure()).append("|1|P|2.5\r");
    er7.append("EVN||").append(ts).append('\r');
    er7.append(PidIns.format(identity, Hl7Encoding.DEFAULT));
    if (event.hasVisit()) {
      er7.append("\rPV1|1|N");
    }
    try {
      Message m = CONTEXT.getPipeParser().parse(er7.toString());
      Terser t = new Terser(m);
      t.set("/MSH-3-1", header.sendingApplication());
      t.set("/MSH-4-1", header.sendingFacility());
      t.set("/MSH-5-1", header.receivingApplication());
      t.set("/MSH-6-1", header.receivingFacility());
      t.set("/MSH-10", header.controlId());
      t.set("/MSH-11-1", header.processingId());
      t.set("/MSH-17", "FRA");
      t.set("/EVN-1", event.name());
      return m;
    } catch (HL7Exception e) {
      // Our own text and values: a failure here is a bug, not bad input.
      throw new IllegalStateException("HAPI refused the ADT message built for " + event, e);
    }
  }

  /**
   * Parses an ER7 (pipe-delimited) message with HAPI into HL7 v2.5 classes.
   *
   * @param er7 the message; segments separated by CR (LF and CRLF are accepted)
   * @return the message
   * @throws InsValidationException (field {@code message}) when HAPI cannot parse it; HAPI's own
   *     text, which may quote the message, is not repeated
   */
  public static Message parse(String er7) {
    if (er7 == null) {
      throw InsValidationException.of("message", ViolationCode.REQUIRED, -1, "a message is required");
    }
    if (er7.length() > MAX_LENGTH) {
      throw InsValidationException.of("message", ViolationCode.TOO_LONG, MAX_LENGTH, "at most " + MAX_LENGTH + " characters");
    }
    String text = er7.replace("\r\n", "\r").replace('\n', '\r');
    try {
      return CONTEXT.getPipeParser().parse(text);
    } catch (HL7Exception | RuntimeException e) {
      // HAPI reports malformed input with checked and unchecked exceptions alike.
      throw InsValidationException.of("message", ViolationCode.INVALID_FORMAT, -1,
          "HAPI's ER7 parser refused the message (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Encodes a message as ER7 with HAPI (segments separated by CR).
   *
   * @param message the message
   * @return the ER7 text (patient data: not for logs)
   * @throws InsValidationException when HAPI cannot encode it
   */
  public static String encode(Message message) {
    Objects.requireNonNull(message, "message");
    try {
      return message.encode();
    } catch (HL7Exception e) {
      throw InsValidationException.of("message", ViolationCode.INVALID_FORMAT, -1, "HAPI could not encode the message");
    }
  }

  /**
   * Reads the identity in a message's PID segment with ins-core's reader, without a document check:
   * a PID declaring VALI or QUAL is refused ({@code DOCUMENT_CHECK_REQUIRED} under {@code PID-32}).
   *
   * @param message the message (any structure with a PID, e.g. ADT_A01, ADT_A05)
   * @return what the PID says
   * @throws InsValidationException when there is no PID, or it breaks an INS or RNIV rule
   */
  public static PidIns read(Message message) {
    return read(message, null);
  }

  /**
   * Reads the identity in a message's PID segment with ins-core's reader, with the document check
   * the receiving side holds for this patient (used only when PID-32 declares VALI or QUAL: the PID
   * does not carry it), as {@link PidIns#parse(CharSequence, Hl7Encoding, IdentityEvent.DocumentChecked)}
   * does.
   *
   * @param message the message (any structure with a PID, e.g. ADT_A01, ADT_A05)
   * @param documentCheck the document check (mode and date), or null when none is known
   * @return what the PID says
   * @throws InsValidationException when there is no PID, or it breaks an INS or RNIV rule
   */
  public static PidIns read(Message message, IdentityEvent.DocumentChecked documentCheck) {
    Objects.requireNonNull(message, "message");
    Segment pid;
    EncodingCharacters ec;
    try {
      pid = new Terser(message).getSegment("/.PID");
      ec = EncodingCharacters.getInstance(message);
      if (pid.isEmpty()) {
        pid = null;
      }
    } catch (HL7Exception | RuntimeException e) {
      throw InsValidationException.of("PID", ViolationCode.REQUIRED, -1, "the message has no PID segment");
    }
    if (pid == null) {
      throw InsValidationException.of("PID", ViolationCode.REQUIRED, -1, "the message has no PID segment");
    }
    Hl7Encoding enc = new Hl7Encoding(ec.getFieldSeparator(), ec.getComponentSeparator(),
        ec.getRepetitionSeparator(), ec.getEscapeCharacter(), ec.getSubcomponentSeparator());
    return PidIns.parse(PipeParser.encode(pid, ec), enc, documentCheck);
  }

  /**
   * Parses an ER7 message with HAPI and reads its PID with ins-core's reader, without a document
   * check: a PID declaring VALI or QUAL is refused ({@code DOCUMENT_CHECK_REQUIRED} under
   * {@code PID-32}).
   *
   * @param er7 the message
   * @return what the PID says
   * @throws InsValidationException when the message does not parse, has no PID, or breaks a rule
   */
  public static PidIns read(String er7) {
    return read(parse(er7), null);
  }

  /**
   * Parses an ER7 message with HAPI and reads its PID with ins-core's reader, with the document
   * check the receiving side holds for this patient (see {@link #read(Message, IdentityEvent.DocumentChecked)}).
   *
   * @param er7 the message
   * @param documentCheck the document check (mode and date), or null when none is known
   * @return what the PID says
   * @throws InsValidationException when the message does not parse, has no PID, or breaks a rule
   */
  public static PidIns read(String er7, IdentityEvent.DocumentChecked documentCheck) {
    return read(parse(er7), documentCheck);
  }
}
