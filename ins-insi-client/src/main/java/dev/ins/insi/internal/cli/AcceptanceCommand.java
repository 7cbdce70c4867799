package dev.ins.insi.internal.cli;

import dev.ins.core.InsSdk;
import dev.ins.core.cli.Cli;
import dev.ins.core.cli.CliFailure;
import dev.ins.core.cli.ExitCode;
import dev.ins.insi.InsiClient;
import dev.ins.insi.InsiEnvironment;
import dev.ins.insi.LpsSoftware;
import dev.ins.insi.acceptance.AcceptanceReport;
import dev.ins.insi.acceptance.AcceptanceRun;
import dev.ins.insi.acceptance.AcceptanceScenarios;
import dev.ins.insi.stub.StubInsiServer;
import dev.ins.insi.stub.StubPki;
import dev.ins.insi.transport.HttpClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acceptance --out DIR [--reveal]}: runs the CNDA-like scenarios (2.03 cas 1–3, 2.04, 2.05,
 * 2.08 cas 1–2, the first-name loop, CR 01, CR 02, Carte Vitale 1.02/1.03 on simulated cards)
 * against an embedded stub INSi server and writes the acceptance material; prints one JSON object.
 * Exit 0 when every scenario passed, 1 otherwise, 2 on a usage error, 6 when the material cannot be
 * written.
 */
@Command(name = "acceptance", description = "Runs the CNDA-like acceptance scenarios against an embedded stub INSi server.")
final class AcceptanceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the acceptance material goes")
  Path out;

  @Option(names = "--reveal", description = "write the XML in clear (test identities only)")
  boolean reveal;

  @Override
  public Integer call() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--out: cannot create the directory " + out + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
    AcceptanceReport report;
    try (StubInsiServer stub = StubInsiServer.builder().start()) {
      HttpClientTransport transport = HttpClientTransport.builder()
          .keyStore(stub.pki().clientKeyStore(StubPki.Client.INSI_AUTO), StubPki.PASSWORD.toCharArray())
          .trustedRoots(List.of(stub.pki().rootCertificate())).build();
      LpsSoftware sw = new LpsSoftware("TESTSGIE0000", "ins-sdk-acceptance", InsSdk.version(), UUID.randomUUID());
      report = AcceptanceRun.run(capture -> InsiClient.builder().environment(InsiEnvironment.STUB)
          .endpoint(stub.endpoint()).software(sw).emitter("10B0000000").transport(transport).interceptor(capture),
          AcceptanceScenarios.cndaLike(), out, reveal);
    } catch (UncheckedIOException e) {
      throw new CliFailure(ExitCode.OUTPUT, "CANNOT_WRITE", "--out: cannot write the acceptance material in " + out,
          e);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("command", "acceptance");
    o.put("target", "embedded stub INSi server");
    o.put("passed", report.passed());
    List<Object> rows = new ArrayList<>();
    for (AcceptanceReport.Result r : report.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", r.scenario().id());
      m.put("expectedCr", r.scenario().expected().cr());
      m.put("obtainedCr", r.obtainedCr());
      m.put("result", r.pass() ? "PASS" : "FAIL");
      rows.add(m);
    }
    o.put("scenarios", rows);
    o.put("summary", out.resolve("summary.md").toString());
    Cli.print(spec, o);
    return report.passed() ? ExitCode.DONE.code() : ExitCode.NEGATIVE.code();
  }
}
