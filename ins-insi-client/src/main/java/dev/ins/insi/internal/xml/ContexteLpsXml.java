package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code ctxlps:ContexteLPS}: who calls (the software, its authorisation number, its instance). */
@XmlRootElement(name = "ContexteLPS", namespace = Ns.CTXLPS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ContexteLPS", namespace = Ns.CTXLPS, propOrder = {"id", "temps", "emetteur", "lps"})
public class ContexteLpsXml {
  /** Nature, fixed CTXLPS. */
  @XmlAttribute(name = "Nature")
  public String nature;
  /** Version, 01_00. */
  @XmlAttribute(name = "Version")
  public String version;
  /** Id (UUID per request). */
  @XmlElement(name = "Id", namespace = Ns.CTXLPS)
  public String id;
  /** Temps (UTC dateTime). */
  @XmlElement(name = "Temps", namespace = Ns.CTXLPS)
  public String temps;
  /** Emetteur. */
  @XmlElement(name = "Emetteur", namespace = Ns.CTXLPS)
  public String emetteur;
  /** LPS. */
  @XmlElement(name = "LPS", namespace = Ns.CTXLPS)
  public Lps lps;

  /** The software. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "LPS", namespace = Ns.CTXLPS, propOrder = {"idam", "version", "instance", "nom"})
  public static class Lps {
    /** IDAM with attribute R. */
    @XmlElement(name = "IDAM", namespace = Ns.CTXLPS)
    public Idam idam;
    /** Version of the software. */
    @XmlElement(name = "Version", namespace = Ns.CTXLPS)
    public String version;
    /** Instance UUID. */
    @XmlElement(name = "Instance", namespace = Ns.CTXLPS)
    public String instance;
    /** Nom. */
    @XmlElement(name = "Nom", namespace = Ns.CTXLPS)
    public String nom;
  }

  /** The authorisation number. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "IDAM", namespace = Ns.CTXLPS)
  public static class Idam {
    /** R, "4". */
    @XmlAttribute(name = "R")
    public String r;
    /** The number. */
    @XmlValue
    public String value;
  }
}
