package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code RECVITALE} (type Beneficiaire): the body of the Carte Vitale search. */
@XmlRootElement(name = "RECVITALE", namespace = Ns.RECVIT)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Beneficiaire", namespace = Ns.RECVIT,
    propOrder = {"matriculeIndividu", "matriculeOD", "nomNaissance", "dateNaissance", "rangNaissance"})
public class RecVitXml {
  /** MatriculeIndividu: the beneficiary's own matricule, when the card carries it. */
  @XmlElement(name = "MatriculeIndividu", namespace = Ns.RECVIT)
  public Matricule matriculeIndividu;
  /** MatriculeOD: the insured person's (ouvrant droit) matricule. */
  @XmlElement(name = "MatriculeOD", namespace = Ns.RECVIT)
  public Matricule matriculeOD;
  /** NomNaissance. */
  @XmlElement(name = "NomNaissance", namespace = Ns.RECVIT)
  public String nomNaissance;
  /** DateNaissance (lunar dates allowed). */
  @XmlElement(name = "DateNaissance", namespace = Ns.RECVIT)
  public String dateNaissance;
  /** RangNaissance (rang gémellaire). */
  @XmlElement(name = "RangNaissance", namespace = Ns.RECVIT)
  public String rangNaissance;

  /** Matricule in the RecVit namespace. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Matricule", namespace = Ns.RECVIT, propOrder = {"numIdentifiant", "cle", "typeMatricule"})
  public static class Matricule {
    /** NumIdentifiant (13). */
    @XmlElement(name = "NumIdentifiant", namespace = Ns.RECVIT)
    public String numIdentifiant;
    /** Cle (2). */
    @XmlElement(name = "Cle", namespace = Ns.RECVIT)
    public String cle;
    /** TypeMatricule. */
    @XmlElement(name = "TypeMatricule", namespace = Ns.RECVIT)
    public String typeMatricule;
  }
}
