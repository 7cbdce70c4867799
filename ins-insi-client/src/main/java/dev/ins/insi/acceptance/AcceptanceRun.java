package dev.ins.insi.acceptance;

import dev.ins.core.BirthDate;
import dev.ins.core.InsException;
import dev.ins.core.InsValidationException;
import dev.ins.core.MatriculeNature;
import dev.ins.core.Sex;
import dev.ins.core.Traits;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiFaultException;
import dev.ins.insi.InsiResult;
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

/**
 * Runs acceptance scenarios and writes the material vendors attach to their homologation: for each
 * scenario a directory {@code <id>/} with the request and response XML of every attempt (masked by
 * default), and {@code summary.md} / {@code summary.csv} with expected and obtained CR and PASS/FAIL.
 *
 * <p>The client comes from a factory that receives the capture interceptor to install, so the same
 * run works against the embedded stub or a real test endpoint.
 *
 * <pre>{@code
 * AcceptanceReport r = AcceptanceRun.run(capture -> InsiClient.builder()...interceptor(capture).build(),
 *     AcceptanceScenarios.cndaLike(), Path.of("recette"), false);
 * }</pre>
 */
public final class AcceptanceRun {

  private AcceptanceRun() {}

  /**
   * Runs the scenarios in order.
   *
   * @param clients builds a client with the given capture interceptor installed; each client is
   *     closed after its scenario
   * @param scenarios the scenarios
   * @param outDir the directory to write into (created if needed)
   * @param revealTestIdentities write the XML in clear (only with test identities, as the acceptance
   *     file may require); masked when false
   * @return the report (also written as summary.md and summary.csv)
   * @throws UncheckedIOException when the files cannot be written
   */
  public static AcceptanceReport run(Function<CaptureInterceptor, InsiClient> clients, List<AcceptanceScenario> scenarios,
      Path outDir, boolean revealTestIdentities) {
    Objects.requireNonNull(clients, "clients");
    List<AcceptanceReport.Result> results = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (AcceptanceScenario s : scenarios) {
        CaptureInterceptor capture = revealTestIdentities ? CaptureInterceptor.revealingPatientData() : CaptureInterceptor.masked();
        results.add(runOne(s, clients, capture));
        capture.writeTo(outDir.resolve(s.id()));
      }
      AcceptanceReport report = new AcceptanceReport(results);
      Files.writeString(outDir.resolve("summary.md"), report.markdown(), StandardCharsets.UTF_8);
      Files.writeString(outDir.resolve("summary.csv"), report.csv(), StandardCharsets.UTF_8);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the acceptance files in " + outDir, e);
    }
  }

  private static AcceptanceReport.Result runOne(AcceptanceScenario s, Function<CaptureInterceptor, InsiClient> clients,
      CaptureInterceptor capture) {
    Traits traits;
    try {
      BirthDate date = BirthDate.parse(s.birthDate());
      Sex sex = Sex.fromInsi(s.sex());
      traits = s.strictInput()
          ? Traits.fromInsi(s.birthName(), s.firstNames(), s.sex(), s.birthDate(), s.birthplace() == null ? "99999" : s.birthplace())
          : Traits.fromTyped(s.birthName(), s.firstNames(), date, sex, s.birthplace());
    } catch (InsValidationException e) {
      boolean pass = s.expected() == AcceptanceScenario.Expected.LOCAL_REFUSAL;
      return new AcceptanceReport.Result(s, "-", 0, pass, "refused before any call: " + e.code());
    }
    if (s.expected() == AcceptanceScenario.Expected.LOCAL_REFUSAL) {
      return new AcceptanceReport.Result(s, "-", 0, false, "input was accepted but must be refused");
    }
    try (InsiClient client = clients.apply(capture)) {
      InsiResult r = client.searchByTraits(traits);
      String cr = r.cr().code();
      boolean pass = cr.equals(s.expected().cr());
      String note = r.attempts().size() + " attempt(s)";
      if (r instanceof InsiResult.Found f) {
        int history = f.identity().history().size();
        boolean nia = f.identity().active().oid().equals(dev.ins.core.InsOid.INS_NIA.oid());
        note += ", " + history + " former matricule(s)" + (nia ? ", NIA" : "") + (f.identity().isValid() ? "" : ", INSi data invalid");
        if (s.expected() == AcceptanceScenario.Expected.FOUND_WITH_HISTORY) {
          pass &= history > 0;
        }
        if (s.expected() == AcceptanceScenario.Expected.FOUND_NIA) {
          pass &= nia && f.identity().active().identifier()
              .map(i -> i.nature() == MatriculeNature.NIA).orElse(false);
        }
      }
      return new AcceptanceReport.Result(s, cr, r.attempts().size(), pass, note);
    } catch (InsiFaultException e) {
      return new AcceptanceReport.Result(s, "fault:" + e.errorCode(), capture.exchanges().size(), false, "SOAP fault");
    } catch (InsException e) {
      return new AcceptanceReport.Result(s, "error:" + e.getClass().getSimpleName(), capture.exchanges().size(), false,
          "call failed");
    }
  }
}
