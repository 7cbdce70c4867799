package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code RESULTAT} (type Resultat): the response body of both operations. */
@XmlRootElement(name = "RESULTAT", namespace = Ns.RESULTAT)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Resultat", namespace = Ns.RESULTAT, propOrder = {"cr", "individu"})
public class ResultatXml {
  /** CR. */
  @XmlElement(name = "CR", namespace = Ns.RESULTAT)
  public Cr cr;
  /** INDIVIDU, 0..1. */
  @XmlElement(name = "INDIVIDU", namespace = Ns.RESULTAT)
  public Individu individu;

  /** CompteRendu. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "CompteRendu", namespace = Ns.RESULTAT, propOrder = {"codeCR", "libelleCR"})
  public static class Cr {
    /** CodeCR. */
    @XmlElement(name = "CodeCR", namespace = Ns.RESULTAT)
    public String codeCR;
    /** LibelleCR. */
    @XmlElement(name = "LibelleCR", namespace = Ns.RESULTAT)
    public String libelleCR;
  }

  /** Individu. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Individu", namespace = Ns.RESULTAT, propOrder = {"insActif", "insHisto", "tiq"})
  public static class Individu {
    /** INSACTIF. */
    @XmlElement(name = "INSACTIF", namespace = Ns.RESULTAT)
    public Ins insActif;
    /** INSHISTO, 0..n. */
    @XmlElement(name = "INSHISTO", namespace = Ns.RESULTAT)
    public List<Ins> insHisto = new ArrayList<>();
    /** TIQ. */
    @XmlElement(name = "TIQ", namespace = Ns.RESULTAT)
    public Tiq tiq;
  }

  /**
   * IdentifiantNationalSante, written in the schema's order (IdIndividu, OID, DateDeb, DateFin), as
   * the live service sends it; read in any order (the CNDA files put the dates first).
   */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "IdentifiantNationalSante", namespace = Ns.RESULTAT,
      propOrder = {"idIndividu", "oid", "dateDeb", "dateFin"})
  public static class Ins {
    /** IdIndividu. */
    @XmlElement(name = "IdIndividu", namespace = Ns.RESULTAT)
    public Matricule idIndividu;
    /** OID. */
    @XmlElement(name = "OID", namespace = Ns.RESULTAT)
    public String oid;
    /** DateDeb. */
    @XmlElement(name = "DateDeb", namespace = Ns.RESULTAT)
    public String dateDeb;
    /** DateFin. */
    @XmlElement(name = "DateFin", namespace = Ns.RESULTAT)
    public String dateFin;
  }

  /** Matricule. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Matricule", namespace = Ns.RESULTAT, propOrder = {"numIdentifiant", "cle", "typeMatricule"})
  public static class Matricule {
    /** NumIdentifiant. */
    @XmlElement(name = "NumIdentifiant", namespace = Ns.RESULTAT)
    public String numIdentifiant;
    /** Cle. */
    @XmlElement(name = "Cle", namespace = Ns.RESULTAT)
    public String cle;
    /** TypeMatricule. */
    @XmlElement(name = "TypeMatricule", namespace = Ns.RESULTAT)
    public String typeMatricule;
  }

  /** TraitsDIdentite qualifiés. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "TraitsDIdentite", namespace = Ns.RESULTAT,
      propOrder = {"nomNaissance", "prenom", "listePrenom", "sexe", "dateNaissance", "lieuNaissance"})
  public static class Tiq {
    /** NomNaissance. */
    @XmlElement(name = "NomNaissance", namespace = Ns.RESULTAT)
    public String nomNaissance;
    /** Prenom. */
    @XmlElement(name = "Prenom", namespace = Ns.RESULTAT)
    public String prenom;
    /** ListePrenom. */
    @XmlElement(name = "ListePrenom", namespace = Ns.RESULTAT)
    public String listePrenom;
    /** Sexe. */
    @XmlElement(name = "Sexe", namespace = Ns.RESULTAT)
    public String sexe;
    /** DateNaissance. */
    @XmlElement(name = "DateNaissance", namespace = Ns.RESULTAT)
    public String dateNaissance;
    /** LieuNaissance. */
    @XmlElement(name = "LieuNaissance", namespace = Ns.RESULTAT)
    public String lieuNaissance;
  }
}
