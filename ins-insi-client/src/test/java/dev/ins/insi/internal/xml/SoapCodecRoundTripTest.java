package dev.ins.insi.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ins.core.Matricule;
import dev.ins.core.Traits;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Marshal then unmarshal gives back every field, for every message type, over seeded data. */
class SoapCodecRoundTripTest {

  private static final SoapCodec CODEC = SoapCodec.get();

  static LongStream seeds() {
    return Seeds.stream(64);
  }

  private static ContexteLpsXml lps(InsGenerators g) {
    ContexteLpsXml l = new ContexteLpsXml();
    l.nature = "CTXLPS";
    l.version = "01_00";
    l.id = java.util.UUID.randomUUID().toString();
    l.temps = "2026-11-28T10:00:00.123Z";
    l.emetteur = "10B" + g.nextInt(10_000_000);
    l.lps = new ContexteLpsXml.Lps();
    l.lps.idam = new ContexteLpsXml.Idam();
    l.lps.idam.r = "4";
    l.lps.idam.value = "IDAM" + g.nextInt(1000);
    l.lps.version = "1." + g.nextInt(100);
    l.lps.instance = java.util.UUID.randomUUID().toString();
    l.lps.nom = "urn:lps:" + g.word() + ":1.0";
    return l;
  }

  private static ContexteBamXml bam(InsGenerators g, boolean filled) {
    ContexteBamXml b = new ContexteBamXml();
    b.nature = "CTXBAM";
    b.version = "01_02";
    b.id = java.util.UUID.randomUUID().toString();
    b.temps = "2026-11-28T10:00:00.123Z";
    b.emetteur = "E" + g.nextInt(1000);
    b.couverture = new ContexteBamXml.Couverture();
    if (filled) {
      Matricule m = g.matricule();
      b.couverture.assure = new ContexteBamXml.Assure();
      b.couverture.assure.id = new ContexteBamXml.Num();
      b.couverture.assure.id.num = m.nir();
      b.couverture.assure.id.cle = m.key();
      b.couverture.beneficiaire = new ContexteBamXml.Beneficiaire();
      b.couverture.beneficiaire.nir = new ContexteBamXml.Num();
      b.couverture.beneficiaire.nir.num = m.nir();
      b.couverture.beneficiaire.dateNai = "1980-02-31";
      b.couverture.beneficiaire.rang = Integer.toString(1 + g.nextInt(9));
    }
    return b;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void traitsRequest_roundTrips(long seed) throws XmlProblem {
    InsGenerators g = new InsGenerators(seed);
    Traits t = g.traitsFor(g.matricule());
    RecSansXml body = new RecSansXml();
    body.nomNaissance = t.birthName().value();
    body.prenom.addAll(t.firstNames().names());
    body.sexe = t.sex().code();
    body.dateNaissance = t.birthDate().format();
    body.lieuNaissance = t.birthplace().map(b -> b.value()).orElse(null);
    SoapMessages.Request req = new SoapMessages.Request(Ns.ACTION_TRAITS, "uuid:" + java.util.UUID.randomUUID(),
        lps(g), bam(g, false), List.of(), body);

    SoapMessages.Request back = CODEC.readRequest(CODEC.writeRequest(req), SoapCodec.DEFAULT_MAX_BYTES);

    String why = Seeds.describe(seed);
    assertEquals(req.action(), back.action(), why);
    assertEquals(req.messageId(), back.messageId(), why);
    assertEquals(lpsFields(req.lps()), lpsFields(back.lps()), why);
    assertEquals(bamFields(req.bam()), bamFields(back.bam()), why);
    RecSansXml b = (RecSansXml) back.body();
    assertEquals(List.of(body.nomNaissance, body.prenom, body.sexe, body.dateNaissance, String.valueOf(body.lieuNaissance)),
        List.of(b.nomNaissance, b.prenom, b.sexe, b.dateNaissance, String.valueOf(b.lieuNaissance)), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void vitaleRequest_roundTrips(long seed) throws XmlProblem {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    RecVitXml body = new RecVitXml();
    body.matriculeOD = new RecVitXml.Matricule();
    body.matriculeOD.numIdentifiant = m.nir();
    body.matriculeOD.cle = m.key();
    body.nomNaissance = g.insBirthName();
    body.dateNaissance = "1980-02-30";
    body.rangNaissance = "1";
    SoapMessages.Request req = new SoapMessages.Request(Ns.ACTION_VITALE, "uuid:x-" + seed, lps(g), bam(g, true),
        List.of(), body);

    SoapMessages.Request back = CODEC.readRequest(CODEC.writeRequest(req), SoapCodec.DEFAULT_MAX_BYTES);

    String why = Seeds.describe(seed);
    RecVitXml b = (RecVitXml) back.body();
    assertEquals(m.nir() + m.key(), b.matriculeOD.numIdentifiant + b.matriculeOD.cle, why);
    assertEquals(body.nomNaissance, b.nomNaissance, why);
    assertEquals(body.dateNaissance, b.dateNaissance, why);
    assertEquals(body.rangNaissance, b.rangNaissance, why);
    assertEquals(bamFields(req.bam()), bamFields(back.bam()), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void result_roundTrips(long seed) throws XmlProblem {
    InsGenerators g = new InsGenerators(seed);
    Matricule m = g.matricule();
    Traits t = g.traitsFor(m);
    ResultatXml r = new ResultatXml();
    r.cr = new ResultatXml.Cr();
    r.cr.codeCR = "00";
    r.cr.libelleCR = "OK";
    r.individu = new ResultatXml.Individu();
    r.individu.insActif = ins(m, "1.2.250.1.213.1.4.8");
    int histo = g.nextInt(4);
    for (int i = 0; i < histo; i++) {
      r.individu.insHisto.add(ins(g.matricule(), "1.2.250.1.213.1.4." + (8 + g.nextInt(2))));
    }
    r.individu.tiq = new ResultatXml.Tiq();
    r.individu.tiq.nomNaissance = t.birthName().value();
    r.individu.tiq.listePrenom = t.firstNames().value();
    r.individu.tiq.prenom = t.firstNames().first();
    r.individu.tiq.sexe = t.sex().code();
    r.individu.tiq.dateNaissance = t.birthDate().format();
    r.individu.tiq.lieuNaissance = t.birthplace().map(b -> b.value()).orElse("99999");

    SoapMessages.Response back = CODEC.readResponse(CODEC.writeResult(r), SoapCodec.DEFAULT_MAX_BYTES);

    assertEquals(resultFields(r), resultFields(back.result()), Seeds.describe(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fault_roundTrips(long seed) throws XmlProblem {
    InsGenerators g = new InsGenerators(seed);
    ErreurXml e = new ErreurXml();
    e.code = "insi_" + g.nextInt(200);
    e.severite = List.of("information", "avertissement", "erreur", "fatale").get(g.nextInt(4));
    e.messageId = "uuid:" + seed;
    e.text = g.word() + " & <" + g.word() + ">";
    SoapMessages.Fault f = new SoapMessages.Fault(g.nextInt(2) == 0 ? "Sender" : "Receiver",
        g.nextInt(2) == 0 ? null : "siram_" + g.nextInt(999), "raison " + g.word(), e);

    SoapMessages.Response back = CODEC.readResponse(CODEC.writeFault(f), SoapCodec.DEFAULT_MAX_BYTES);

    String why = Seeds.describe(seed);
    SoapMessages.Fault b = back.fault();
    assertEquals(List.of(f.code(), String.valueOf(f.subcode()), f.reason()),
        List.of(b.code(), String.valueOf(b.subcode()), b.reason()), why);
    assertEquals(List.of(e.code, e.severite, e.messageId, e.text),
        List.of(b.detail().code, b.detail().severite, b.detail().messageId, b.detail().text), why);
  }

  private static ResultatXml.Ins ins(Matricule m, String oid) {
    ResultatXml.Ins x = new ResultatXml.Ins();
    x.idIndividu = new ResultatXml.Matricule();
    x.idIndividu.numIdentifiant = m.nir();
    x.idIndividu.cle = m.key();
    x.oid = oid;
    return x;
  }

  private static List<String> lpsFields(ContexteLpsXml l) {
    return List.of(l.nature, l.version, l.id, l.temps, l.emetteur, l.lps.idam.r, l.lps.idam.value, l.lps.version,
        l.lps.instance, l.lps.nom);
  }

  private static List<String> bamFields(ContexteBamXml b) {
    List<String> out = new ArrayList<>(List.of(b.nature, b.version, b.id, b.temps, b.emetteur));
    var c = b.couverture;
    out.add(String.valueOf(c != null));
    if (c != null && c.assure != null) {
      out.add(c.assure.id.num + "/" + c.assure.id.cle);
    }
    if (c != null && c.beneficiaire != null) {
      out.add(c.beneficiaire.nir.num + "/" + c.beneficiaire.nir.cle + "/" + c.beneficiaire.dateNai + "/"
          + c.beneficiaire.rang);
    }
    return out;
  }

  private static List<String> resultFields(ResultatXml r) {
    List<String> out = new ArrayList<>(List.of(r.cr.codeCR, r.cr.libelleCR));
    out.add(r.individu.insActif.idIndividu.numIdentifiant + r.individu.insActif.idIndividu.cle + r.individu.insActif.oid);
    for (ResultatXml.Ins h : r.individu.insHisto) {
      out.add(h.idIndividu.numIdentifiant + h.idIndividu.cle + h.oid);
    }
    ResultatXml.Tiq t = r.individu.tiq;
    out.addAll(List.of(t.nomNaissance, t.prenom, t.listePrenom, t.sexe, t.dateNaissance, t.lieuNaissance));
    return out;
  }
}
