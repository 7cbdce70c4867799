package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code ctxbam:ContexteBAM}: the business context; COUVERTURE is mandatory, empty for traits. */
@XmlRootElement(name = "ContexteBAM", namespace = Ns.CTXBAM)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ContexteBAM", namespace = Ns.CTXBAM,
    propOrder = {"id", "temps", "emetteur", "dateRef", "couverture"})
public class ContexteBamXml {
  /** Nature, fixed CTXBAM. */
  @XmlAttribute(name = "Nature")
  public String nature;
  /** Version, 01_02. */
  @XmlAttribute(name = "Version")
  public String version;
  /** Id. */
  @XmlElement(name = "Id", namespace = Ns.CTXBAM)
  public String id;
  /** Temps. */
  @XmlElement(name = "Temps", namespace = Ns.CTXBAM)
  public String temps;
  /** Emetteur. */
  @XmlElement(name = "Emetteur", namespace = Ns.CTXBAM)
  public String emetteur;
  /** DateRef, optional. */
  @XmlElement(name = "DateRef", namespace = Ns.CTXBAM)
  public String dateRef;
  /** COUVERTURE, mandatory (empty for the search by traits); null when a request read lacks it. */
  @XmlElement(name = "COUVERTURE", namespace = Ns.CTXBAM, required = true)
  public Couverture couverture;

  /** Coverage: insured person and beneficiary, from the Carte Vitale. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Couverture", namespace = Ns.CTXBAM, propOrder = {"assure", "beneficiaire"})
  public static class Couverture {
    /** ASSURE. */
    @XmlElement(name = "ASSURE", namespace = Ns.CTXBAM)
    public Assure assure;
    /** BENEFICIAIRE. */
    @XmlElement(name = "BENEFICIAIRE", namespace = Ns.CTXBAM)
    public Beneficiaire beneficiaire;
  }

  /** The insured person. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Assure", namespace = Ns.CTXBAM)
  public static class Assure {
    /** Id. */
    @XmlElement(name = "Id", namespace = Ns.CTXBAM)
    public Num id;
  }

  /** A NIR number and optional key. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Nir", namespace = Ns.CTXBAM, propOrder = {"num", "cle"})
  public static class Num {
    /** Num. */
    @XmlElement(name = "Num", namespace = Ns.CTXBAM)
    public String num;
    /** Cle. */
    @XmlElement(name = "Cle", namespace = Ns.CTXBAM)
    public String cle;
  }

  /** The beneficiary selected on the card. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Beneficiaire", namespace = Ns.CTXBAM, propOrder = {"nir", "dateNai", "rang"})
  public static class Beneficiaire {
    /** Nir. */
    @XmlElement(name = "Nir", namespace = Ns.CTXBAM)
    public Num nir;
    /** DateNai. */
    @XmlElement(name = "DateNai", namespace = Ns.CTXBAM)
    public String dateNai;
    /** Rang. */
    @XmlElement(name = "Rang", namespace = Ns.CTXBAM)
    public String rang;
  }
}
