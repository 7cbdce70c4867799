package dev.ins.insi.internal;

import dev.ins.insi.CompteRendu;
import dev.ins.insi.InsiIdentity;
import dev.ins.insi.InsiResponseException;
import dev.ins.insi.InsiResponseException.ErrorCode;
import dev.ins.insi.ReturnedIns;
import dev.ins.insi.ReturnedTraits;
import dev.ins.insi.internal.xml.ResultatXml;
import java.util.ArrayList;
import java.util.List;

/** Strict mapping of a RESULTAT to the public types; INSi data are kept even when invalid. */
public final class ResponseMapper {

  /**
   * A mapped RESULTAT.
   *
   * @param cr the report
   * @param identity the identity for CR 00, else null
   */
  public record Mapped(CompteRendu cr, InsiIdentity identity) {}

  private ResponseMapper() {}

  /**
   * Maps.
   *
   * @param r the RESULTAT
   * @param messageId the request's message ID, for errors
   * @return the mapping
   * @throws InsiResponseException when the CR is missing/unknown or CR and INDIVIDU disagree
   */
  public static Mapped map(ResultatXml r, String messageId) {
    if (r.cr == null || r.cr.codeCR == null) {
      throw new InsiResponseException(ErrorCode.INVALID_CR, "RESULTAT without CR/CodeCR", messageId, null);
    }
    String code = r.cr.codeCR.strip();
    CompteRendu cr = new CompteRendu(code, r.cr.libelleCR == null ? "" : r.cr.libelleCR.strip());
    if (!cr.isFound() && !cr.isNotFound() && !cr.isSeveral()) {
      String shown = code.length() > 8 ? code.substring(0, 8) + "..." : code;
      throw new InsiResponseException(ErrorCode.INVALID_CR, "unknown CodeCR '" + shown + "' (expected 00, 01 or 02)",
          messageId, null);
    }
    if (!cr.isFound()) {
      if (r.individu != null) {
        throw new InsiResponseException(ErrorCode.INCONSISTENT_RESULT,
            "CR " + code + " comes with an INDIVIDU", messageId, null);
      }
      return new Mapped(cr, null);
    }
    if (r.individu == null || r.individu.insActif == null || r.individu.tiq == null) {
      throw new InsiResponseException(ErrorCode.INCONSISTENT_RESULT,
          "CR 00 without INDIVIDU, INSACTIF or TIQ", messageId, null);
    }
    ReturnedIns active = ins(r.individu.insActif);
    List<ReturnedIns> history = new ArrayList<>();
    for (ResultatXml.Ins h : r.individu.insHisto) {
      if (h != null) {
        history.add(ins(h));
      }
    }
    ResultatXml.Tiq t = r.individu.tiq;
    ReturnedTraits traits = ReturnedTraits.read(trim(t.nomNaissance), trim(t.prenom), trim(t.listePrenom),
        trim(t.sexe), trim(t.dateNaissance), trim(t.lieuNaissance));
    return new Mapped(cr, new InsiIdentity(active, history, traits));
  }

  private static ReturnedIns ins(ResultatXml.Ins x) {
    String num = x.idIndividu == null ? null : trim(x.idIndividu.numIdentifiant);
    String cle = x.idIndividu == null ? null : trim(x.idIndividu.cle);
    return ReturnedIns.read(num, cle, trim(x.oid), trim(x.dateDeb), trim(x.dateFin));
  }

  /** XML whitespace around a simple value is layout, not data. */
  private static String trim(String s) {
    return s == null ? null : s.strip();
  }
}
