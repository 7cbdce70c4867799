package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code siram:Erreur}: the detail of an INSi SOAP fault. */
@XmlRootElement(name = "Erreur", namespace = Ns.SIRAM)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Erreur", namespace = Ns.SIRAM)
public class ErreurXml {
  /** code, e.g. desir_550. */
  @XmlAttribute(name = "code")
  public String code;
  /** severite: information, avertissement, erreur, fatale. */
  @XmlAttribute(name = "severite")
  public String severite;
  /** messageID, echo of wsa:MessageID. */
  @XmlAttribute(name = "messageID")
  public String messageId;
  /** The text. */
  @XmlValue
  public String text;
}
