package dev.ins.insi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ins.core.BirthDate;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.testing.InsGenerators;
import dev.ins.core.testing.Seeds;
import dev.ins.insi.internal.xml.RecSansXml;
import dev.ins.insi.internal.xml.ResultatXml;
import dev.ins.insi.internal.xml.SoapCodec;
import dev.ins.insi.internal.xml.SoapMessages;
import dev.ins.insi.internal.xml.XmlProblem;
import dev.ins.insi.transport.TransportResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The RNIV/CNDA first-name strategy against a scripted INSi, over seeded first-name lists. */
class FirstNameStrategyTest {

  static LongStream seeds() {
    return Seeds.stream(48);
  }

  /** What the scripted INSi saw: Prenom values and whether the birthplace was sent. */
  record Sent(List<String> prenoms, boolean birthplace) {}

  private static InsiClient scripted(List<Sent> log, Function<Sent, String> crFor) {
    return InsiClient.builder()
        .environment(InsiEnvironment.STUB)
        .endpoint(URI.create("https://127.0.0.1:1/lps"))
        .software(new LpsSoftware("IDAM", "t", "1", new UUID(1, 1)))
        .emitter("E")
        .retry(RetryPolicy.NONE)
        .transport(req -> {
          try {
            SoapMessages.Request r = SoapCodec.get().readRequest(req.body(), SoapCodec.DEFAULT_MAX_BYTES);
            RecSansXml b = (RecSansXml) r.body();
            Sent s = new Sent(List.copyOf(b.prenom), b.lieuNaissance != null);
            log.add(s);
            ResultatXml res = new ResultatXml();
            res.cr = new ResultatXml.Cr();
            res.cr.codeCR = crFor.apply(s);
            res.cr.libelleCR = "x";
            if (res.cr.codeCR.equals("00")) {
              res.individu = new ResultatXml.Individu();
              res.individu.insActif = new ResultatXml.Ins();
              res.individu.insActif.idIndividu = new ResultatXml.Matricule();
              res.individu.insActif.idIndividu.numIdentifiant = "1090763220834";
              res.individu.insActif.idIndividu.cle = "89";
              res.individu.insActif.oid = "1.2.250.1.213.1.4.8";
              res.individu.tiq = new ResultatXml.Tiq();
            }
            return new TransportResponse(200, "application/soap+xml", SoapCodec.get().writeResult(res));
          } catch (XmlProblem e) {
            throw new AssertionError(e);
          }
        })
        .build();
  }

  private static Traits traits(InsGenerators g, boolean withPlace) {
    int n = 1 + g.nextInt(4);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(g.word());
    }
    return Traits.fromTyped("TEST", String.join(" ", names), BirthDate.parse("2000-01-01"), Sex.FEMALE,
        withPlace ? "75056" : null);
  }

  private static List<Sent> expectedRound(Traits t, boolean place) {
    List<Sent> out = new ArrayList<>();
    List<String> names = t.firstNames().names();
    if (names.size() > 1) {
      for (String n : names) {
        out.add(new Sent(List.of(n), place));
      }
    }
    out.add(new Sent(List.of(t.firstNames().value()), place));
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void allNotFound_triesEachNameThenAll(long seed) {
    Traits t = traits(new InsGenerators(seed), true);
    List<Sent> log = new ArrayList<>();
    InsiResult r = scripted(log, s -> "01").searchByTraits(t);
    String why = Seeds.describe(seed);
    assertInstanceOf(InsiResult.NotFound.class, r, why);
    assertEquals(expectedRound(t, false), log, why);
    assertEquals(log.size(), r.attempts().size(), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void stopsOnTheFirstFound(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Traits t = traits(g, false);
    List<Sent> all = expectedRound(t, false);
    int foundAt = g.nextInt(all.size());
    List<Sent> log = new ArrayList<>();
    InsiResult r = scripted(log, s -> s.equals(all.get(foundAt)) ? "00" : "01").searchByTraits(t);
    String why = Seeds.describe(seed);
    assertInstanceOf(InsiResult.Found.class, r, why);
    assertEquals(all.subList(0, foundAt + 1), log, why);
    assertEquals(r.attempts().get(foundAt).messageId(), r.messageId(), why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void onSeveral_replaysThoseAttemptsWithTheBirthplace(long seed) {
    InsGenerators g = new InsGenerators(seed);
    Traits t = traits(g, true);
    List<Sent> round = expectedRound(t, false);
    int several = g.nextInt(round.size());
    List<Sent> log = new ArrayList<>();
    InsiResult r = scripted(log, s -> s.prenoms().equals(round.get(several).prenoms())
        ? (s.birthplace() ? "00" : "02") : "01").searchByTraits(t);
    String why = Seeds.describe(seed);
    List<Sent> expected = new ArrayList<>(round);
    expected.add(new Sent(round.get(several).prenoms(), true));
    assertEquals(expected, log, why);
    assertInstanceOf(InsiResult.Found.class, r, why);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void severalWithoutBirthplace_isSeveralFound(long seed) {
    Traits t = traits(new InsGenerators(seed), false);
    List<Sent> log = new ArrayList<>();
    InsiResult r = scripted(log, s -> "02").searchByTraits(t);
    String why = Seeds.describe(seed);
    assertInstanceOf(InsiResult.SeveralFound.class, r, why);
    assertEquals(expectedRound(t, false), log, why);
  }
}
