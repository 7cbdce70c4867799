package dev.ins.insi.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** {@code RECSANSVITALE} (type TraitsDIdentite): the body of the search by traits. */
@XmlRootElement(name = "RECSANSVITALE", namespace = Ns.RECSANS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "TraitsDIdentite", namespace = Ns.RECSANS,
    propOrder = {"nomNaissance", "prenom", "sexe", "dateNaissance", "lieuNaissance"})
public class RecSansXml {
  /** NomNaissance. */
  @XmlElement(name = "NomNaissance", namespace = Ns.RECSANS)
  public String nomNaissance;
  /** Prenom, 0..n. */
  @XmlElement(name = "Prenom", namespace = Ns.RECSANS)
  public List<String> prenom = new ArrayList<>();
  /** Sexe. */
  @XmlElement(name = "Sexe", namespace = Ns.RECSANS)
  public String sexe;
  /** DateNaissance. */
  @XmlElement(name = "DateNaissance", namespace = Ns.RECSANS)
  public String dateNaissance;
  /** LieuNaissance. */
  @XmlElement(name = "LieuNaissance", namespace = Ns.RECSANS)
  public String lieuNaissance;
}
