package dev.ins.insi.acceptance;

import dev.ins.core.BirthDate;
import dev.ins.core.InsException;
import dev.ins.core.InsValidationException;
import dev.ins.core.Matricule;
import dev.ins.core.MatriculeNature;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.core.Violation;
import dev.ins.core.vitale.VitaleSelection;
import dev.ins.insi.Attempt;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiClientBuilder;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiResult;
import dev.ins.insi.ReturnedIns;
import dev.ins.insi.VitaleCardChangedException;
import dev.ins.insi.transport.CaptureInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs acceptance scenarios and writes the material vendors attach to their homologation: for each
 * scenario a directory {@code <id>/} with the request and response XML of every attempt (masked by
 * default), a {@code refusal.txt} when the SDK refused the input before any call, a
 * {@code card-check.txt} for a Carte Vitale case (what the check right before the search found), and
 * {@code summary.md} / {@code summary.csv} with expected and obtained CR and PASS/FAIL.
 *
 * <p>Scenarios take the path vendors use: typed traits go through {@link Traits#fromTyped} and
 * {@link InsiClient#searchByTraits}; Carte Vitale cases go through a {@link VitaleSelection} and
 * {@link InsiClient#searchWithVitale(VitaleSelection)}. The client comes from a builder factory
 * that receives the capture interceptor to install (the run sets each scenario's first-name
 * strategy), so the same run works against the embedded stub or a real test endpoint.
 *
 * <pre>{@code
 * AcceptanceReport r = AcceptanceRun.run(capture -> InsiClient.builder()...interceptor(capture),
 *     AcceptanceScenarios.cndaLike(), Path.of("recette"), false);
 * }</pre>
 */
public final class AcceptanceRun {

  private AcceptanceRun() {}

  /**
   * Runs the scenarios in order, Carte Vitale cases on simulated cards
   * ({@link AcceptanceScenarios#simulatedCard}).
   *
   * @param clients a client builder with the given capture interceptor installed; the run sets the
   *     first-name strategy, builds, and closes each client after its scenario
   * @param scenarios the scenarios
   * @param outDir the directory to write into (created if needed)
   * @param revealTestIdentities write the XML in clear (only with test identities, as the acceptance
   *     file may require); masked when false
   * @return the report (also written as summary.md and summary.csv)
   * @throws UncheckedIOException when the files cannot be written
   */
  public static AcceptanceReport run(Function<CaptureInterceptor, InsiClientBuilder> clients,
      List<AcceptanceScenario> scenarios, Path outDir, boolean revealTestIdentities) {
    return run(clients, scenarios, outDir, revealTestIdentities, AcceptanceScenarios::simulatedCard);
  }

  /**
   * Runs the scenarios in order, Carte Vitale cases on the cards {@code cards} gives (your card
   * path: read the card the tester inserted for the case, let the operator choose the beneficiary,
   * return the selection; for a swap case the tester swaps the card before the search).
   *
   * @param clients a client builder with the given capture interceptor installed
   * @param scenarios the scenarios
   * @param outDir the directory to write into (created if needed)
   * @param revealTestIdentities write the XML in clear (test identities only); masked when false
   * @param cards gives the selection made on the card of a Carte Vitale case
   * @return the report (also written as summary.md and summary.csv)
   * @throws UncheckedIOException when the files cannot be written
   */
  public static AcceptanceReport run(Function<CaptureInterceptor, InsiClientBuilder> clients,
      List<AcceptanceScenario> scenarios, Path outDir, boolean revealTestIdentities,
      Function<AcceptanceScenario.VitaleCase, VitaleSelection> cards) {
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(cards, "cards");
    List<AcceptanceReport.Result> results = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (AcceptanceScenario s : scenarios) {
        CaptureInterceptor capture = revealTestIdentities ? CaptureInterceptor.revealingPatientData() : CaptureInterceptor.masked();
        Path dir = outDir.resolve(s.id());
        Outcome o = s.vitale().isPresent() ? runCard(s, clients, capture, cards) : runTraits(s, clients, capture);
        results.add(o.result());
        capture.writeTo(dir);
        if (o.material() != null) {
          Files.createDirectories(dir);
          Files.writeString(dir.resolve(o.materialName()), o.material(), StandardCharsets.UTF_8);
        }
      }
      AcceptanceReport report = new AcceptanceReport(results);
      Files.writeString(outDir.resolve("summary.md"), report.markdown(), StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve("summary.csv"), report.csv(), StandardCharsets.UTF_8);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the acceptance files in " + outDir, e);
    }
  }

  /** A scenario's result and the extra material file it writes, if any (no patient data in it). */
  private record Outcome(AcceptanceReport.Result result, String materialName, String material) {
    Outcome(AcceptanceReport.Result result) {
      this(result, null, null);
    }
  }

  private static AcceptanceReport.Result result(AcceptanceScenario s, String cr, int calls, boolean pass, String note) {
    return new AcceptanceReport.Result(s, cr, calls, pass, note);
  }

  private static Outcome runTraits(AcceptanceScenario s, Function<CaptureInterceptor, InsiClientBuilder> clients,
      CaptureInterceptor capture) {
    Traits traits;
    try {
      traits = s.strictInput()
          ? Traits.fromInsi(s.birthName(), s.firstNames(), s.sex(), s.birthDate(), s.birthplace() == null ? "99999" : s.birthplace())
          : Traits.fromTyped(s.birthName(), s.firstNames(), BirthDate.parse(s.birthDate()), Sex.fromInsi(s.sex()),
              s.birthplace());
    } catch (InsValidationException e) {
      boolean pass = s.expected() == AcceptanceScenario.Expected.LOCAL_REFUSAL;
      String where = e.violations().stream().map(v -> v.field() + (v.index() >= 0 ? "@" + v.index() : "") + " " + v.code())
          .collect(Collectors.joining(", "));
      String material = "refused before any INSi call (" + (s.strictInput() ? "INS-form" : "typed") + " input)\n"
          + e.violations().stream().map(Violation::toString).collect(Collectors.joining("\n")) + "\n"
          + (e.violations().stream().anyMatch(v -> v.code() == dev.ins.core.ViolationCode.LIGATURE)
              ? "transliteration (AE/OE) only with the operator's confirmation: LigaturePolicy.TRANSLITERATE_CONFIRMED_BY_OPERATOR\n"
              : "");
      return new Outcome(result(s, "-", 0, pass, "refused before any call: " + e.code() + " [" + where + "]"),
          "refusal.txt", material);
    }
    if (s.expected() == AcceptanceScenario.Expected.LOCAL_REFUSAL) {
      return new Outcome(result(s, "-", 0, false, "input was accepted but must be refused"));
    }
    try (InsiClient client = clients.apply(capture).firstNameStrategy(s.strategy()).build()) {
      return new Outcome(judge(s, client.searchByTraits(traits), null));
    } catch (InsiFaultException e) {
      return new Outcome(result(s, "fault:" + e.errorCode(), capture.exchanges().size(), false, "SOAP fault"));
    } catch (InsException e) {
      return new Outcome(result(s, "error:" + e.getClass().getSimpleName(), capture.exchanges().size(), false,
          "call failed"));
    }
  }

  private static Outcome runCard(AcceptanceScenario s, Function<CaptureInterceptor, InsiClientBuilder> clients,
      CaptureInterceptor capture, Function<AcceptanceScenario.VitaleCase, VitaleSelection> cards) {
    AcceptanceScenario.VitaleCase card = s.vitale().orElseThrow();
    VitaleSelection chosen;
    try {
      chosen = cards.apply(card);
    } catch (InsException e) {
      return new Outcome(result(s, "error:" + e.getClass().getSimpleName(), 0, false, "the card could not be read"));
    }
    try (InsiClient client = clients.apply(capture).build()) {
      InsiResult r = client.searchWithVitale(chosen);
      String check = r.cardCheck().map(Enum::name).orElse("none");
      String material = "card check right before the search: " + check + "\nsearch made: " + r.attempts().size()
          + " call(s), CR " + r.cr().code() + "\n";
      return new Outcome(judge(s, r, Matricule.parse(card.beneficiary())), "card-check.txt", material);
    } catch (VitaleCardChangedException e) {
      boolean pass = s.expected() == AcceptanceScenario.Expected.CARD_SWAP_REFUSED && capture.exchanges().isEmpty();
      String material = "card check right before the search: " + e.presence() + "\nsearch refused before any INSi call\n";
      return new Outcome(result(s, "-", capture.exchanges().size(), pass,
          "card check " + e.presence() + ": refused before any call"), "card-check.txt", material);
    } catch (InsiFaultException e) {
      return new Outcome(result(s, "fault:" + e.errorCode(), capture.exchanges().size(), false, "SOAP fault"));
    } catch (InsException e) {
      return new Outcome(result(s, "error:" + e.getClass().getSimpleName(), capture.exchanges().size(), false,
          "call failed"));
    }
  }

  /** Compares what INSi answered with what the scenario expects. */
  private static AcceptanceReport.Result judge(AcceptanceScenario s, InsiResult r, Matricule chosen) {
    String cr = r.cr().code();
    boolean pass = cr.equals(s.expected().cr());
    List<String> notes = new ArrayList<>();
    notes.add(r.attempts().size() + " attempt(s)");
    Attempt deciding = r.attempts().stream().filter(a -> a.messageId().equals(r.messageId())).findFirst()
        .orElse(r.attempts().get(r.attempts().size() - 1));
    if (deciding.birthplaceSent()) {
      notes.add("birthplace sent");
    }
    r.cardCheck().ifPresent(c -> notes.add("card check " + c));
    switch (s.expected()) {
      case FOUND_BIRTHPLACE_SENT -> pass &= deciding.birthplaceSent();
      case FOUND_CHOSEN_BENEFICIARY -> pass &= r.cardCheck().isPresent();
      case CARD_SWAP_REFUSED -> pass = false;
      default -> {
        // the CR decides
      }
    }
    if (r instanceof InsiResult.Found f) {
      List<ReturnedIns> history = f.identity().history();
      boolean nia = f.identity().active().oid().equals(dev.ins.core.InsOid.INS_NIA.oid());
      String sex = f.identity().active().rawMatricule().substring(0, 1);
      boolean sexChanged = history.stream().anyMatch(h -> !h.rawMatricule().startsWith(sex));
      notes.add(history.size() + " former matricule(s)" + (sexChanged ? " incl. one with another sex digit" : "")
          + (nia ? ", NIA" : "") + (f.identity().isValid() ? "" : ", INSi data invalid (" + invalid(f) + ")"));
      switch (s.expected()) {
        case FOUND_WITH_HISTORY -> pass &= !history.isEmpty();
        case FOUND_WITH_SEX_CHANGED_HISTORY -> pass &= sexChanged;
        case FOUND_NIA -> pass &= nia && f.identity().active().identifier()
            .map(i -> i.nature() == MatriculeNature.NIA).orElse(false);
        case FOUND_CHOSEN_BENEFICIARY -> {
          // The beneficiary the case chose on the card, whatever the card path searched.
          boolean same = f.identity().active().identifier().map(i -> i.matricule().equals(chosen)).orElse(false);
          notes.add(same ? "INSi returned the chosen beneficiary" : "INSi returned ANOTHER beneficiary");
          pass &= same;
        }
        default -> {
          // nothing more to check
        }
      }
    }
    return result(s, cr, r.attempts().size(), pass, String.join(", ", notes));
  }

  private static String invalid(InsiResult.Found f) {
    List<String> codes = new ArrayList<>();
    f.identity().active().violations().forEach(v -> codes.add("active " + v.code()));
    f.identity().history().forEach(h -> h.violations().forEach(v -> codes.add("former " + v.code())));
    f.identity().traits().violations().forEach(v -> codes.add(v.field() + " " + v.code()));
    return codes.stream().distinct().collect(Collectors.joining(", "));
  }
}
