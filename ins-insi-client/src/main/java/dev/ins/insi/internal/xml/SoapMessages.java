package dev.ins.insi.internal.xml;

import java.util.List;
import org.w3c.dom.Element;

/** The parsed shapes of the SOAP messages exchanged with INSi. */
public final class SoapMessages {
  private SoapMessages() {}

  /**
   * A request envelope.
   *
   * @param action wsa:Action
   * @param messageId wsa:MessageID ({@code uuid:...})
   * @param lps ContexteLPS
   * @param bam ContexteBAM
   * @param security the children of wsse:Security (assertions), possibly empty
   * @param body {@link RecSansXml} or {@link RecVitXml}
   */
  public record Request(String action, String messageId, ContexteLpsXml lps, ContexteBamXml bam,
      List<Element> security, Object body) {}

  /**
   * A SOAP 1.2 fault.
   *
   * @param code Code/Value local part, e.g. Sender
   * @param subcode Subcode/Value local part, e.g. siram_100, or null
   * @param reason Reason/Text
   * @param detail the siram:Erreur detail, or null
   */
  public record Fault(String code, String subcode, String reason, ErreurXml detail) {}

  /**
   * A response: exactly one of result and fault is set.
   *
   * @param result the RESULTAT
   * @param fault the fault
   */
  public record Response(ResultatXml result, Fault fault) {}
}
